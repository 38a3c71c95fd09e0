namespace InstructorBot.Bot.Security;

/// <summary>
/// Configuration section <c>DataProtection</c>: how the keys that sign session cookies and download links are protected
/// at rest in <c>keys/</c> beside the database. One of a certificate (<see cref="CertificateFile"/>) or a 256-bit key
/// (<see cref="Key"/>, Base64, from the environment) encrypts them; without either they are stored in clear (mode 0600
/// in a 0700 folder), which <see cref="RequireKeyProtection"/> forbids (the production example sets it).
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the keys.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The .pfx file's password. Never logged.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>32 random bytes, Base64 (<c>openssl rand -base64 32</c>): the AES-256-GCM key that encrypts the keys. Never logged.</summary>
    public string? Key { get; set; }

    /// <summary>When true the host refuses to start without <see cref="CertificateFile"/> or <see cref="Key"/>.</summary>
    public bool RequireKeyProtection { get; set; }
}
