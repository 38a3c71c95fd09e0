using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>
/// 企业微信 callback crypto (加解密方案说明, as in Tencent's WXBizMsgCrypt): signature = hex SHA-1 of the
/// ordinal-sorted token, timestamp, nonce and ciphertext; AES-256-CBC with key = Base64(EncodingAESKey + "="),
/// IV = the key's first 16 bytes, PKCS#7 padding to a multiple of 32 bytes; plaintext = 16 random bytes,
/// 4-byte big-endian message length, message, receive id (the CorpID).
/// </summary>
public sealed class WeComCrypto
{
    private const int BlockSize = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string token;
    private readonly byte[] key;
    private readonly string receiveId;

    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentException.ThrowIfNullOrWhiteSpace(encodingAesKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(receiveId);
        this.token = token;
        this.receiveId = receiveId;
        key = DecodeKey(encodingAesKey) ?? throw new ArgumentException("EncodingAESKey must be 43 Base64 characters.", nameof(encodingAesKey));
    }

    /// <summary>The 32-byte AES key of an EncodingAESKey, or null when it is not one.</summary>
    public static byte[]? DecodeKey(string encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            return null;
        }

        var bytes = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", bytes, out var written) && written == 32 ? bytes[..32] : null;
    }

    /// <summary>msg_signature: hex SHA-1 of the ordinal-sorted token, timestamp, nonce and ciphertext.</summary>
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public bool VerifySignature(string? signature, string timestamp, string nonce, string encrypted) =>
        signature is not null && ChannelHttp.FixedTimeEquals(Sign(timestamp, nonce, encrypted), signature.ToLowerInvariant());

    /// <summary>Decrypts a ciphertext and checks its receive id; <paramref name="error"/> says in Chinese what was wrong.</summary>
    public bool TryDecrypt(string encrypted, [NotNullWhen(true)] out string? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        var cipher = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var length))
        {
            error = "密文不是有效的 Base64。";
            return false;
        }

        if (length < BlockSize || length % 16 != 0)
        {
            error = "密文长度无效（被截断）。";
            return false;
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher.AsSpan(0, length), key.AsSpan(0, 16), PaddingMode.None);

        // PKCS#7 to a multiple of 32 (not AES's 16), so the pad is checked here rather than by the cipher.
        int pad = plain[^1];
        if (pad is < 1 or > BlockSize || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
        {
            error = "密文填充无效。";
            return false;
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20)
        {
            error = "密文内容过短。";
            return false;
        }

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(content.Slice(16, 4));
        if (messageLength > content.Length - 20)
        {
            error = "密文中的消息长度无效。";
            return false;
        }

        try
        {
            var id = StrictUtf8.GetString(content[(20 + (int)messageLength)..]);
            if (!string.Equals(id, receiveId, StringComparison.Ordinal))
            {
                error = "消息的 CorpID 与配置不符。";
                return false;
            }

            message = StrictUtf8.GetString(content.Slice(20, (int)messageLength));
        }
        catch (DecoderFallbackException)
        {
            error = "解密后的内容不是有效的 UTF-8。";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Encrypts a message with fresh random bytes.</summary>
    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    internal string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = 20 + body.Length + id.Length;
        var pad = BlockSize - (length % BlockSize);
        var plain = new byte[length + pad];
        random[..16].CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16, 4), (uint)body.Length);
        body.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
