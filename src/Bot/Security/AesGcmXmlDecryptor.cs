using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace InstructorBot.Bot.Security;

/// <summary>
/// Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote. Data Protection creates it by type name from the key file, with
/// the host's services, so it takes the key from <see cref="DataProtectionKeyMaterial"/>.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetService<DataProtectionKeyMaterial>()?.Key
            ?? throw new CryptographicException("The Data Protection keys are encrypted, but DataProtection:Key is not configured.");
        var blob = Convert.FromBase64String(encryptedElement.Element("value")?.Value
            ?? throw new CryptographicException("The encrypted key has no value."));
        if (blob.Length < AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize)
        {
            throw new CryptographicException("The encrypted key is truncated.");
        }

        var nonce = blob.AsSpan(0, AesGcmXmlEncryptor.NonceSize);
        var tag = blob.AsSpan(AesGcmXmlEncryptor.NonceSize, AesGcmXmlEncryptor.TagSize);
        var ciphertext = blob.AsSpan(AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, AesGcmXmlEncryptor.TagSize))
        {
            // A wrong key fails here (AuthenticationTagMismatchException), never yields a wrong key ring.
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
