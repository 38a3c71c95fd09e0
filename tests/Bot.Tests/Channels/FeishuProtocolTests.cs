using System.Text;
using InstructorBot.Bot.Channels.Feishu;

namespace InstructorBot.Bot.Tests.Channels;

public sealed class FeishuProtocolTests
{
    [Fact]
    public void The_published_decryption_vector_gives_hello_world()
    {
        Assert.True(FeishuCrypto.TryDecrypt("test key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", out var plain, out var error), error);
        Assert.Equal("hello world", plain);
    }

    [Fact]
    public void The_vector_under_another_key_is_refused()
    {
        Assert.False(FeishuCrypto.TryDecrypt("other key", "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=", out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void A_truncated_payload_is_refused()
    {
        var data = Convert.FromBase64String("P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=");
        Assert.False(FeishuCrypto.TryDecrypt("test key", Convert.ToBase64String(data[..16]), out _, out _));
        Assert.False(FeishuCrypto.TryDecrypt("test key", Convert.ToBase64String(data[..24]), out _, out _));
    }

    [Fact]
    public void Encryption_round_trips_chinese_json()
    {
        const string json = "{\"text\":\"今天走访了云栖科技\"}";
        Assert.True(FeishuCrypto.TryDecrypt("k", FeishuCrypto.Encrypt("k", json), out var plain, out var error), error);
        Assert.Equal(json, plain);
    }

    [Fact]
    public void The_signature_is_hex_sha256_of_timestamp_nonce_key_and_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"encrypt\":\"abc\"}");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes("1700000000" + "nonce1" + "test key" + "{\"encrypt\":\"abc\"}")));
        Assert.Equal(expected, FeishuCrypto.Sign("1700000000", "nonce1", "test key", body));
        Assert.True(FeishuCrypto.VerifySignature(expected.ToUpperInvariant(), "1700000000", "nonce1", "test key", body));
        Assert.False(FeishuCrypto.VerifySignature(expected, "1700000001", "nonce1", "test key", body));
    }

    [Theory]
    [InlineData("{\"text\":\"@_user_1 今天走访了云栖科技\"}", "今天走访了云栖科技")]
    [InlineData("{\"text\":\"@_user_1 @_user_12 新发现党员3名 @_all\"}", "新发现党员3名")]
    [InlineData("{\"text\":\"发邮件到 a@b.cn\"}", "发邮件到 a@b.cn")]
    [InlineData("{\"image_key\":\"img_x\"}", null)]
    [InlineData("not json", null)]
    public void Text_content_is_read_from_its_json_string_without_mentions(string content, string? expected) =>
        Assert.Equal(expected, FeishuMessage.TextOf(content));

    [Theory]
    [InlineData(
        """{"title":"","content":[[{"tag":"at","user_id":"@_user_1","user_name":"党建助手"},{"tag":"text","text":" 今天走访了"},{"tag":"a","href":"https://example.cn","text":"云栖科技"},{"tag":"text","text":"，发现2名党员"}],[{"tag":"img","image_key":"img_v3_1"}]]}""",
        "今天走访了云栖科技，发现2名党员")]
    [InlineData(
        """{"title":"走访记录","content":[[{"tag":"text","text":"走访了云栖科技","style":["bold"]}],[{"tag":"media","file_key":"file_v2_1"}],[{"tag":"text","text":"发现党员3名"},{"tag":"emotion","emoji_type":"SMILE"}]]}""",
        "走访记录\n走访了云栖科技\n发现党员3名")]
    [InlineData(
        """{"zh_cn":{"title":"","content":[[{"tag":"text","text":"新发现党员1名"}]]}}""",
        "新发现党员1名")]
    [InlineData("""{"title":"","content":[[{"tag":"img","image_key":"img_v3_1"}]]}""", null)]
    [InlineData("""{"title":"  ","content":[[{"tag":"at","user_id":"@_user_1","user_name":"党建助手"}]]}""", null)]
    [InlineData("""{"text":"not a post"}""", null)]
    [InlineData("[1,2]", null)]
    [InlineData("not json", null)]
    public void Rich_text_content_is_read_as_its_title_and_paragraph_texts_without_mentions_or_pictures(string content, string? expected) =>
        Assert.Equal(expected, FeishuMessage.PostTextOf(content));
}
