using System.Security.Cryptography;
using InstructorBot.Bot.Channels.WeCom;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>Tencent's published WXBizMsgCrypt sample values, and what a forged or broken ciphertext must do.</summary>
public sealed class WeComCryptoTests
{
    internal const string Token = "QDG6eK";
    internal const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    internal const string CorpId = "wx5823bf96d3bd56c7";

    internal const string GetSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    internal const string GetTimestamp = "1409659589";
    internal const string GetNonce = "263014780";
    internal const string GetEchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";

    internal const string PostSignature = "477715d11cdb4164915debcba66cb864d751f3e6";
    internal const string PostTimestamp = "1409659813";
    internal const string PostNonce = "1372623149";

    // Sample.cs of Tencent's WXBizMsgCrypt (企业微信 C# sample), sReqData's <Encrypt>.
    internal const string PostEncrypt =
        "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

    private static readonly WeComCrypto Crypto = new(Token, EncodingAesKey, CorpId);

    [Fact]
    public void The_sample_url_verification_signs_and_decrypts_to_the_published_echo()
    {
        Assert.Equal(GetSignature, Crypto.Sign(GetTimestamp, GetNonce, GetEchoStr));
        Assert.True(Crypto.VerifySignature(GetSignature, GetTimestamp, GetNonce, GetEchoStr));
        Assert.True(Crypto.TryDecrypt(GetEchoStr, out var echo, out var error), error);
        Assert.Equal("1616140317555161061", echo);
    }

    [Fact]
    public void The_sample_callback_signs_and_decrypts_to_the_hello_text_message()
    {
        Assert.True(Crypto.VerifySignature(PostSignature, PostTimestamp, PostNonce, PostEncrypt));
        Assert.True(Crypto.TryDecrypt(PostEncrypt, out var xml, out var error), error);
        Assert.True(WeComXml.TryParse(xml, out var fields, out var xmlError), xmlError);

        var message = WeComMessage.From(fields, DateTimeOffset.UnixEpoch);
        Assert.NotNull(message);
        Assert.True(message.IsText);
        Assert.Equal("hello", message.Content);
        Assert.Equal("4561255354251345929", message.MsgId);
        Assert.Equal("218", message.AgentId);
        Assert.Equal("mycreate", message.FromUserName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1409659813), message.CreatedAt);
    }

    [Fact]
    public void A_signature_over_other_values_is_refused()
    {
        Assert.False(Crypto.VerifySignature(PostSignature, PostTimestamp, "1372623150", PostEncrypt));
        Assert.False(Crypto.VerifySignature(GetSignature, PostTimestamp, PostNonce, PostEncrypt));
        Assert.False(Crypto.VerifySignature(null, PostTimestamp, PostNonce, PostEncrypt));
    }

    [Fact]
    public void A_ciphertext_for_another_corp_is_refused()
    {
        var other = new WeComCrypto(Token, EncodingAesKey, "ww0000000000000000");
        Assert.False(other.TryDecrypt(PostEncrypt, out _, out var error));
        Assert.Contains("CorpID", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(32)]
    [InlineData(17)]
    public void A_truncated_ciphertext_is_refused(int keptBytes)
    {
        var cipher = Convert.FromBase64String(PostEncrypt);
        var truncated = Convert.ToBase64String(cipher[..keptBytes]);
        Assert.False(Crypto.TryDecrypt(truncated, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_ciphertext_that_is_not_base64_is_refused()
    {
        Assert.False(Crypto.TryDecrypt("这不是密文", out _, out var error));
        Assert.Contains("Base64", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encryption_pads_to_a_multiple_of_32_bytes_and_round_trips_chinese_text()
    {
        const string text = "<xml><Content><![CDATA[今天走访了云栖科技，新发现党员3名]]></Content></xml>";
        var encrypted = Crypto.Encrypt(text);
        Assert.Equal(0, Convert.FromBase64String(encrypted).Length % 32);
        Assert.True(Crypto.TryDecrypt(encrypted, out var plain, out var error), error);
        Assert.Equal(text, plain);
    }

    [Fact]
    public void A_pad_that_is_not_pkcs7_is_refused()
    {
        // Re-encrypt the sample plaintext with its last pad byte changed: the pad no longer repeats its value.
        var key = WeComCrypto.DecodeKey(EncodingAesKey)!;
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(PostEncrypt), key.AsSpan(0, 16), PaddingMode.None);
        plain[^2] ^= 0x01;
        var forged = Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));

        Assert.False(Crypto.TryDecrypt(forged, out _, out var error));
        Assert.Contains("填充", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_encoding_aes_key_of_the_wrong_length_is_not_a_key()
    {
        Assert.Null(WeComCrypto.DecodeKey("short"));
        Assert.Null(WeComCrypto.DecodeKey(EncodingAesKey + "A"));
        Assert.Equal(32, WeComCrypto.DecodeKey(EncodingAesKey)!.Length);
    }

    [Fact]
    public void Xml_with_a_dtd_is_refused_so_entities_are_never_expanded()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>";
        Assert.False(WeComXml.TryParse(xxe, out _, out var error));
        Assert.Contains("DTD", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_whose_text_contains_a_cdata_end_still_parses_back_to_the_same_text()
    {
        const string content = "见 ]]> 之后";
        var xml = WeComXml.TextReply("user", CorpId, DateTimeOffset.UnixEpoch, content);
        Assert.True(WeComXml.TryParse(xml, out var fields, out var error), error);
        Assert.Equal(content, fields["Content"]);
    }
}
