using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>
/// 飞书事件订阅 crypto: <c>{"encrypt": …}</c> is Base64 of IV (16 bytes) + AES-256-CBC/PKCS#7 ciphertext with
/// key = SHA-256(Encrypt Key); <c>X-Lark-Signature</c> = hex SHA-256(timestamp + nonce + Encrypt Key + raw body).
/// </summary>
public static class FeishuCrypto
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecrypt(string encryptKey, string encrypted, [NotNullWhen(true)] out string? plain, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(encryptKey);
        ArgumentNullException.ThrowIfNull(encrypted);
        plain = null;
        var data = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, data, out var length))
        {
            error = "encrypt 不是有效的 Base64。";
            return false;
        }

        if (length < 32 || (length - 16) % 16 != 0)
        {
            error = "encrypt 长度无效（被截断）。";
            return false;
        }

        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        try
        {
            var bytes = aes.DecryptCbc(data.AsSpan(16, length - 16), data.AsSpan(0, 16), PaddingMode.PKCS7);
            plain = StrictUtf8.GetString(bytes);
        }
        catch (CryptographicException)
        {
            error = "encrypt 解密失败（密钥不符或密文损坏）。";
            return false;
        }
        catch (DecoderFallbackException)
        {
            error = "解密后的内容不是有效的 UTF-8。";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Encrypts like Feishu does (a random IV in front); for tests and tools.</summary>
    public static string Encrypt(string encryptKey, string plain)
    {
        ArgumentNullException.ThrowIfNull(encryptKey);
        ArgumentNullException.ThrowIfNull(plain);
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        var iv = RandomNumberGenerator.GetBytes(16);
        return Convert.ToBase64String([.. iv, .. aes.EncryptCbc(Encoding.UTF8.GetBytes(plain), iv, PaddingMode.PKCS7)]);
    }

    /// <summary>hex SHA-256(timestamp + nonce + Encrypt Key + raw body).</summary>
    public static string Sign(string timestamp, string nonce, string encryptKey, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encryptKey);
        byte[] data = [.. Encoding.UTF8.GetBytes(timestamp + nonce + encryptKey), .. body];
        return Convert.ToHexStringLower(SHA256.HashData(data));
    }

    public static bool VerifySignature(string? signature, string timestamp, string nonce, string encryptKey, ReadOnlySpan<byte> body) =>
        signature is not null && ChannelHttp.FixedTimeEquals(Sign(timestamp, nonce, encryptKey, body), signature.ToLowerInvariant());
}
