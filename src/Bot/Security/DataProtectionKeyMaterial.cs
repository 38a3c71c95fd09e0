namespace InstructorBot.Bot.Security;

/// <summary>The AES key from <see cref="KeyProtectionOptions.Key"/>, held for <see cref="AesGcmXmlDecryptor"/>.</summary>
public sealed class DataProtectionKeyMaterial(byte[] key)
{
    public byte[] Key { get; } = key;
}
