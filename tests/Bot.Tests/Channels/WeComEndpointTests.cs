using System.Net;
using InstructorBot.Bot.Channels.WeCom;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>/channels/wecom over real HTTP on the real host; WeCom's message API is a loopback fake.</summary>
public sealed class WeComEndpointTests : IAsyncLifetime
{
    private LoopbackVendorApi api = null!;

    public async Task InitializeAsync() => api = await LoopbackVendorApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    private ChannelHost Host(RecordingTurnPipeline pipeline, string replyBudget = "00:00:04", string? maxClockSkew = null)
    {
        var settings = WeComRequests.Settings(api.BaseUrl, replyBudget);
        if (maxClockSkew is not null)
        {
            settings["Channels:WeCom:MaxClockSkew"] = maxClockSkew;
        }

        return new ChannelHost(settings, pipeline);
    }

    [Fact]
    public async Task The_tencent_sample_url_verification_answers_the_bare_decrypted_echo()
    {
        // The sample is from 2014: only this test widens the timestamp window to reach it.
        await using var host = Host(new RecordingTurnPipeline(), maxClockSkew: "36500.00:00:00");
        using var client = host.CreateClient();

        var response = await client.GetAsync(
            $"/channels/wecom?msg_signature={WeComCryptoTests.GetSignature}&timestamp={WeComCryptoTests.GetTimestamp}"
            + $"&nonce={WeComCryptoTests.GetNonce}&echostr={Uri.EscapeDataString(WeComCryptoTests.GetEchoStr)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1616140317555161061", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_tencent_sample_callback_reaches_the_pipeline_and_gets_an_encrypted_signed_reply()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline, maxClockSkew: "36500.00:00:00");
        using var client = host.CreateClient();

        using var request = WeComRequests.Post(
            WeComCryptoTests.PostEncrypt, WeComCryptoTests.PostTimestamp, WeComCryptoTests.PostNonce, WeComCryptoTests.PostSignature);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(pipeline.Calls);
        Assert.Equal(("wecom", "mycreate", "4561255354251345929", "hello"), (call.Channel, call.ChannelUserId, call.ChannelMessageId, call.Text));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1409659813), call.SentAt);

        var reply = WeComRequests.OpenReply(await response.Content.ReadAsStringAsync());
        Assert.Equal("mycreate", reply["ToUserName"]);
        Assert.Equal(WeComRequests.CorpId, reply["FromUserName"]);
        Assert.Equal("text", reply["MsgType"]);
        Assert.Equal(RecordingTurnPipeline.ReplyTo("hello"), reply["Content"]);
    }

    [Fact]
    public async Task A_fresh_chinese_message_gets_its_reply_passively_within_the_budget()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();

        using var request = WeComRequests.Post(WeComRequests.Crypto.Encrypt(WeComRequests.TextMessage("zhangsan", "今天走访了云栖科技", "7000000000000000001")));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("今天走访了云栖科技", Assert.Single(pipeline.Calls).Text);
        Assert.Equal(RecordingTurnPipeline.ReplyTo("今天走访了云栖科技"), WeComRequests.OpenReply(await response.Content.ReadAsStringAsync())["Content"]);
        Assert.Empty(api.Requests);
    }

    public static TheoryData<string, HttpStatusCode> BadRequests()
    {
        var message = WeComRequests.TextMessage("zhangsan", "今天走访了云栖科技", "7000000000000000002");
        var encrypted = WeComRequests.Crypto.Encrypt(message);
        // Timestamps are made when the test runs, not when its data is built: under load a row can run
        // many minutes after the data, and a "now" made then would already be stale.
        const string now = "{now}";
        const string stale = "{stale}";
        var otherCorp = new WeComCrypto(WeComRequests.Token, WeComRequests.EncodingAesKey, "ww0000000000000000").Encrypt(message);
        var truncated = Convert.ToBase64String(Convert.FromBase64String(encrypted)[..32]);
        const string dtd = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>";
        return new TheoryData<string, HttpStatusCode>
        {
            { "forged signature|" + encrypted + "|" + now + "|" + new string('a', 40), HttpStatusCode.Unauthorized },
            { "stale timestamp|" + encrypted + "|" + stale + "|", HttpStatusCode.Forbidden },
            { "wrong CorpID|" + otherCorp + "|" + now + "|", HttpStatusCode.BadRequest },
            { "truncated ciphertext|" + truncated + "|" + now + "|", HttpStatusCode.BadRequest },
            { "xml with a DTD|" + dtd + "|" + now + "|", HttpStatusCode.BadRequest },
            { "not xml|<xml><Encrypt>|" + now + "|", HttpStatusCode.BadRequest },
        };
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_callback_is_refused_with_4xx_and_nothing_is_processed_or_sent(string @case, HttpStatusCode expected)
    {
        var parts = @case.Split('|');
        parts[2] = parts[2]
            .Replace("{now}", WeComRequests.Now(), StringComparison.Ordinal)
            .Replace("{stale}", (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();

        using var request = parts[1].StartsWith('<')
            ? WeComRequests.Raw(parts[1], parts[2], "1", new string('0', 40))
            : WeComRequests.Post(parts[1], parts[2], signature: parts[3].Length > 0 ? parts[3] : null);
        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(pipeline.Calls);
        await Task.Delay(100);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var pipeline = new RecordingTurnPipeline();
        await using var host = Host(pipeline);
        using var client = host.CreateClient();

        using var request = WeComRequests.Post(new string('A', 70_000));
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(pipeline.Calls);
    }

    [Fact]
    public async Task The_same_msgid_delivered_three_times_while_the_first_runs_is_handled_once_and_answered_once()
    {
        var pipeline = new RecordingTurnPipeline { Delay = TimeSpan.FromMilliseconds(400) };
        await using var host = Host(pipeline);
        using var client = host.CreateClient();
        var encrypted = WeComRequests.Crypto.Encrypt(WeComRequests.TextMessage("zhangsan", "新发现党员3名", "7000000000000000003"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
        {
            using var request = WeComRequests.Post(encrypted, nonce: "10" + i);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }));

        Assert.Single(pipeline.Calls);
        var reply = Assert.Single(responses, body => body.Length > 0);
        Assert.Equal(RecordingTurnPipeline.ReplyTo("新发现党员3名"), WeComRequests.OpenReply(reply)["Content"]);
        await Task.Delay(600);
        Assert.Empty(api.Requests);
        Assert.Single(pipeline.Calls);
    }

    [Fact]
    public async Task A_turn_slower_than_the_budget_is_answered_empty_and_reaches_the_user_through_a_loopback_fake_of_the_message_api()
    {
        var pipeline = new RecordingTurnPipeline { Delay = TimeSpan.FromSeconds(3) };
        await using var host = Host(pipeline, replyBudget: "00:00:00.500");
        using var client = host.CreateClient();
        var encrypted = WeComRequests.Crypto.Encrypt(WeComRequests.TextMessage("lisi", "本月覆盖率是多少", "7000000000000000004"));

        var started = DateTime.UtcNow;
        using var first = WeComRequests.Post(encrypted);
        var response = await client.SendAsync(first);
        var elapsed = DateTime.UtcNow - started;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.True(elapsed < TimeSpan.FromSeconds(2.5), $"answered after {elapsed}");

        // WeCom's retry while the turn still runs is acknowledged empty as well.
        using var retry = WeComRequests.Post(encrypted, nonce: "2");
        Assert.Equal(string.Empty, await (await client.SendAsync(retry)).Content.ReadAsStringAsync());

        var sends = await api.WaitForAsync("/cgi-bin/message/send", 1, TimeSpan.FromSeconds(10));
        var send = Assert.Single(sends);
        Assert.Contains("access_token=" + LoopbackVendorApi.WeComAccessToken, send.Query, StringComparison.Ordinal);
        Assert.Equal("lisi", send.Body.GetProperty("touser").GetString());
        Assert.Equal("text", send.Body.GetProperty("msgtype").GetString());
        Assert.Equal(WeComRequests.AgentId, send.Body.GetProperty("agentid").GetInt32());
        Assert.Equal(RecordingTurnPipeline.ReplyTo("本月覆盖率是多少"), send.Body.GetProperty("text").GetProperty("content").GetString());
        Assert.Single(await api.WaitForAsync("/cgi-bin/gettoken", 1, TimeSpan.Zero));
        Assert.Single(pipeline.Calls);
    }

    [Fact]
    public async Task Without_the_message_api_a_long_reply_is_one_passive_reply_within_2048_bytes_saying_what_was_left_out()
    {
        var pipeline = new RecordingTurnPipeline();
        var settings = WeComRequests.Settings(api.BaseUrl);
        settings.Remove("Channels:WeCom:Secret");
        await using var host = new ChannelHost(settings, pipeline);
        using var client = host.CreateClient();
        var text = string.Join('\n', Enumerable.Range(1, 60).Select(i => $"{i}. 今天走访了深圳市云启科技有限公司"));

        using var request = WeComRequests.Post(WeComRequests.Crypto.Encrypt(WeComRequests.TextMessage("zhangsan", text, "7000000000000000009")));
        var response = await client.SendAsync(request);
        var reply = WeComRequests.OpenReply(await response.Content.ReadAsStringAsync())["Content"];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reply) <= 2048, reply);
        Assert.StartsWith(RecordingTurnPipeline.ReplyTo("1. 今天走访了"), reply, StringComparison.Ordinal);
        Assert.Contains("行未发送", reply, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Without_configuration_the_endpoint_does_not_exist()
    {
        await using var host = new ChannelHost(new Dictionary<string, string?>(), new RecordingTurnPipeline());
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/channels/wecom?msg_signature=a&timestamp=1&nonce=1&echostr=a")).StatusCode);
        using var request = WeComRequests.Post(WeComRequests.Crypto.Encrypt("<xml/>"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
    }
}
