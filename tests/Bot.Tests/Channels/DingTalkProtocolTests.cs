using InstructorBot.Bot.Channels.DingTalk;

namespace InstructorBot.Bot.Tests.Channels;

public sealed class DingTalkProtocolTests
{
    [Fact]
    public void The_published_signature_vector_matches()
    {
        Assert.Equal("DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA=", DingTalkSignature.Compute("this is a secret", "1577262236757"));
        Assert.True(DingTalkSignature.Verify("this is a secret", "1577262236757", "DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA="));
    }

    [Fact]
    public void A_signature_for_another_timestamp_or_secret_is_refused()
    {
        Assert.False(DingTalkSignature.Verify("this is a secret", "1577262236758", "DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA="));
        Assert.False(DingTalkSignature.Verify("another secret", "1577262236757", "DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA="));
        Assert.False(DingTalkSignature.Verify("this is a secret", "1577262236757", null));
    }

    [Theory]
    [InlineData(" 今天走访了云栖科技", "今天走访了云栖科技")]
    [InlineData("@党建助手 今天走访了云栖科技", "今天走访了云栖科技")]
    [InlineData("@党建助手\u2005@小王 新发现党员3名", "新发现党员3名")]
    [InlineData("  @党建助手  ", "")]
    [InlineData("联系人邮箱 a@b.cn 已更新", "联系人邮箱 a@b.cn 已更新")]
    public void The_group_mention_prefix_and_whitespace_are_trimmed(string content, string expected) =>
        Assert.Equal(expected, DingTalkMessage.TrimMentions(content));

    [Theory]
    [InlineData("https://oapi.dingtalk.com/robot/sendBySession?session=abc", false, true)]
    [InlineData("https://api.dingtalk.com/v1.0/robot/x", false, true)]
    [InlineData("http://oapi.dingtalk.com/robot/sendBySession?session=abc", false, false)]
    [InlineData("https://oapi.dingtalk.com.evil.example/robot", false, false)]
    [InlineData("https://user@oapi.dingtalk.com/robot", false, false)]
    [InlineData("https://oapi.dingtalk.com:8443/robot", false, false)]
    [InlineData("http://127.0.0.1:5000/hook", false, false)]
    [InlineData("http://127.0.0.1:5000/hook", true, true)]
    [InlineData("http://169.254.169.254/latest/meta-data", true, false)]
    [InlineData("http://[::1]:5000/hook", true, true)]
    [InlineData("http://localhost.attacker.example/hook", true, false)]
    public void Only_dingtalk_hosts_and_configured_loopback_may_receive_replies(string webhook, bool loopback, bool allowed)
    {
        var options = new DingTalkOptions { AppSecret = "s", AllowLoopbackWebhook = loopback };
        Assert.Equal(allowed, options.IsAllowedWebhook(new Uri(webhook)));
    }

    [Fact]
    public void A_configured_host_list_replaces_the_default()
    {
        var options = new DingTalkOptions { AppSecret = "s" };
        options.AllowedWebhookHosts.Add("oapi.example-proxy.cn");
        Assert.True(options.IsAllowedWebhook(new Uri("https://oapi.example-proxy.cn/robot")));
        Assert.False(options.IsAllowedWebhook(new Uri("https://oapi.dingtalk.com/robot")));
    }

    [Fact]
    public void The_documented_sample_body_reads_with_times_as_numbers_or_strings()
    {
        const string body = """
            {"conversationId":"xxx","msgId":"msg0xxxxx","senderNick":"杨xx","senderStaffId":"user123",
             "sessionWebhookExpiredTime":1613635652738,"createAt":"1613630252678","conversationType":"2",
             "senderId":"$:LWCP_v1:$Ff09GIxxxxx","sessionWebhook":"https://oapi.dingtalk.com/robot/sendBySession?session=xxxxx",
             "text":{"content":" 你好"},"msgtype":"text"}
            """;
        var message = System.Text.Json.JsonSerializer.Deserialize<DingTalkMessage>(body)!;
        Assert.Equal(1613630252678, message.CreateAt);
        Assert.Equal(1613635652738, message.SessionWebhookExpiredTime);
        Assert.Equal("user123", message.SenderStaffId);
        Assert.Equal("你好", DingTalkMessage.TrimMentions(message.Text!.Content!));
    }

    [Theory]
    [InlineData("""{"msgtype":"audio","content":{"duration":4000,"downloadCode":"dl","recognition":" 今天走访了云栖科技 "}}""", "今天走访了云栖科技")]
    [InlineData("""{"msgtype":"audio","content":"{\"duration\":4000,\"recognition\":\"新发现党员3名\"}"}""", "新发现党员3名")]
    [InlineData("""{"msgtype":"audio","content":{"duration":4000,"downloadCode":"dl","recognition":"  "}}""", null)]
    [InlineData("""{"msgtype":"audio","content":{"duration":4000,"downloadCode":"dl"}}""", null)]
    [InlineData("""{"msgtype":"audio","content":{"recognition":42}}""", null)]
    [InlineData("""{"msgtype":"audio","content":"not json"}""", null)]
    [InlineData("""{"msgtype":"audio"}""", null)]
    [InlineData("""{"msgtype":"picture","content":{"downloadCode":"dl","recognition":"不是语音"}}""", null)]
    public void A_voice_messages_recognition_is_read_from_its_content(string body, string? expected) =>
        Assert.Equal(expected, System.Text.Json.JsonSerializer.Deserialize<DingTalkMessage>(body)!.Recognition);
}
