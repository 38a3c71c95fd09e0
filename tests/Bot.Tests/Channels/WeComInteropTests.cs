using System.Net;
using System.Text.Json;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>An independent check: Tencent's own @wecom/crypto encrypts what the bot decrypts and decrypts what the bot answers.</summary>
public sealed class WeComInteropTests
{
    [WeComInteropFact]
    public async Task A_message_encrypted_by_wecom_crypto_is_handled_and_the_reply_decrypts_with_wecom_crypto()
    {
        Assert.Null(WeComInterop.Missing);
        var pipeline = new RecordingTurnPipeline();
        await using var host = new ChannelHost(WeComRequests.Settings(new Uri("http://127.0.0.1:9/")), pipeline);
        using var client = host.CreateClient();

        var message = WeComRequests.TextMessage("wangwu", "上周走访了星河物流，已单独组建", "7000000000000000010");
        var encrypted = await WeComInterop.RunAsync("encrypt", WeComRequests.EncodingAesKey, WeComRequests.CorpId, message);
        var timestamp = WeComRequests.Now();
        var signature = await WeComInterop.RunAsync("sign", WeComRequests.Token, timestamp, "4242", encrypted);

        using var request = WeComRequests.Post(encrypted, timestamp, "4242", signature);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("上周走访了星河物流，已单独组建", Assert.Single(pipeline.Calls).Text);

        var envelope = await response.Content.ReadAsStringAsync();
        Assert.True(InstructorBot.Bot.Channels.WeCom.WeComXml.TryParse(envelope, out var fields, out var error), error);
        Assert.Equal(fields["MsgSignature"], await WeComInterop.RunAsync("sign", WeComRequests.Token, fields["TimeStamp"], fields["Nonce"], fields["Encrypt"]));

        using var decrypted = JsonDocument.Parse(await WeComInterop.RunAsync("decrypt", WeComRequests.EncodingAesKey, fields["Encrypt"]));
        Assert.Equal(WeComRequests.CorpId, decrypted.RootElement.GetProperty("id").GetString());
        var replyXml = decrypted.RootElement.GetProperty("message").GetString()!;
        Assert.Contains("<Content><![CDATA[" + RecordingTurnPipeline.ReplyTo("上周走访了星河物流，已单独组建") + "]]></Content>", replyXml, StringComparison.Ordinal);
        Assert.Contains("<ToUserName><![CDATA[wangwu]]></ToUserName>", replyXml, StringComparison.Ordinal);
    }

    [WeComInteropFact]
    public async Task The_tencent_package_and_the_bot_agree_on_the_sample_ciphertext()
    {
        using var decrypted = JsonDocument.Parse(await WeComInterop.RunAsync("decrypt", WeComRequests.EncodingAesKey, WeComCryptoTests.PostEncrypt));
        Assert.True(WeComRequests.Crypto.TryDecrypt(WeComCryptoTests.PostEncrypt, out var ours, out var error), error);
        Assert.Equal(decrypted.RootElement.GetProperty("message").GetString(), ours);
        Assert.Equal(WeComCryptoTests.PostSignature, await WeComInterop.RunAsync(
            "sign", WeComRequests.Token, WeComCryptoTests.PostTimestamp, WeComCryptoTests.PostNonce, WeComCryptoTests.PostEncrypt));
    }
}
