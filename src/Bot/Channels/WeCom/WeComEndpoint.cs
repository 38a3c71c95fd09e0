using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>
/// <c>/channels/wecom</c>: URL verification (GET) and encrypted callbacks (POST) of a 企业微信自建应用.
/// WeCom waits 5 s and then retries the same MsgId (three times in all): the first delivery runs the turn
/// within <see cref="WeComOptions.ReplyBudget"/> and answers with an encrypted passive reply; a slower turn is
/// answered empty and its reply sent later through <see cref="IWeComMessageSender"/>; retries are answered
/// empty, so the user gets exactly one reply. A reply longer than one WeCom message goes through the message API as
/// several. A picture, voice message, video or location gets a passive hint that only text is understood.
/// </summary>
internal sealed partial class WeComEndpoint(
    IOptions<WeComOptions> options,
    ChannelMessageDeduplicator deduplicator,
    ChannelDeliveryLog deliveries,
    ChannelTurnRunner turns,
    ChannelReplyFormatter formatter,
    ChannelWorkQueue queue,
    IWeComMessageSender sender,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<WeComEndpoint> logger)
{
    public const string Channel = "wecom";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>URL verification: the decrypted echostr as the bare body.</summary>
    public IResult Verify(HttpRequest request)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return ChannelHttp.Off();
        }

        var crypto = Crypto(settings);
        var echo = request.Query["echostr"].ToString().Replace(' ', '+');
        if (CheckQuery(request, settings, crypto, echo) is { } refused)
        {
            return refused;
        }

        if (!crypto.TryDecrypt(echo, out var plain, out var error))
        {
            LogRefused(logger, "echostr");
            return ChannelHttp.BadRequest(error);
        }

        return Results.Text(plain, "text/plain", Encoding.UTF8);
    }

    /// <summary>An encrypted callback: decrypt, run the turn within the budget, reply passively or later.</summary>
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return ChannelHttp.Off();
        }

        var body = await ChannelHttp.ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            LogRefused(logger, "size");
            return ChannelHttp.TooLarge(settings.MaxBodyBytes);
        }

        if (!TryParseXml(body, out var envelope, out var envelopeError))
        {
            LogRefused(logger, "envelope");
            return ChannelHttp.BadRequest(envelopeError);
        }

        if (!envelope.TryGetValue("Encrypt", out var encrypted) || string.IsNullOrWhiteSpace(encrypted))
        {
            LogRefused(logger, "envelope");
            return ChannelHttp.BadRequest("XML 缺少 Encrypt 元素。");
        }

        var crypto = Crypto(settings);
        if (CheckQuery(request, settings, crypto, encrypted) is { } refused)
        {
            return refused;
        }

        if (!crypto.TryDecrypt(encrypted, out var plain, out var decryptError))
        {
            LogRefused(logger, "ciphertext");
            return ChannelHttp.BadRequest(decryptError);
        }

        if (!WeComXml.TryParse(plain, out var fields, out var innerError))
        {
            LogRefused(logger, "message");
            return ChannelHttp.BadRequest(innerError);
        }

        var message = WeComMessage.From(fields, time.GetUtcNow());
        if (message is null)
        {
            LogRefused(logger, "message");
            return ChannelHttp.BadRequest("消息缺少 FromUserName 或 MsgType。");
        }

        if (!message.IsText)
        {
            // Events (进入应用 …) and a text without its id or content are acknowledged and not processed.
            if (message.MsgType is "event" or "text")
            {
                return Empty();
            }

            if (message.MsgId is { Length: > 0 } mediaId && !deduplicator.TryClaim(Channel, mediaId))
            {
                LogDuplicate(logger, mediaId);
                return Empty();
            }

            return PassiveReply(crypto, settings, message.FromUserName, NonTextReplies.Hint(KindOf(message.MsgType)));
        }

        if (!deduplicator.TryClaim(Channel, message.MsgId!))
        {
            LogDuplicate(logger, message.MsgId!);
            return Empty();
        }

        if (deliveries.WasDelivered(Channel, message.MsgId!))
        {
            // Answered through the message API before a restart.
            LogDuplicate(logger, message.MsgId!);
            return Empty();
        }

        var incoming = new IncomingMessage(Channel, message.FromUserName, message.FromUserName, message.MsgId!, message.Content!.Trim(), MessageTime.Credible(message.CreatedAt, time.GetUtcNow()));
        var turn = turns.RunAsync(incoming, lifetime.ApplicationStopping);
        using (var budget = new CancellationTokenSource())
        {
            await Task.WhenAny(turn, Task.Delay(settings.ReplyBudget, time, budget.Token));
            await budget.CancelAsync();
        }

        var user = message.FromUserName;
        if (!turn.IsCompleted)
        {
            LogOverBudget(logger, message.MsgId!);
            if (!queue.TryEnqueue(ct => SendLateAsync(incoming, turn, ct)))
            {
                LogLateReplyDropped(logger, message.MsgId!);
            }

            return Empty();
        }

        var result = await turn;
        var parts = formatter.Render(result, ChannelTextLimit.WeCom);
        if (parts.Count > 1 && settings.CanSendMessages && queue.TryEnqueue(ct => SendLateAsync(incoming, turn, ct)))
        {
            // A passive reply carries one message: a longer reply goes through the message API, in order.
            return Empty();
        }

        // Not recorded as delivered: WeCom retries only a request it got no answer to, so a retry after a restart
        // means this reply was lost and the turn log's copy of it is the one the user should get.
        return parts.Count switch
        {
            0 => Empty(),
            1 => PassiveReply(crypto, settings, user, parts[0]),
            _ => PassiveReply(crypto, settings, user, formatter.Render(result, ChannelTextLimit.WeCom with { MaxParts = 1 })[0]),
        };
    }

    private async Task SendLateAsync(IncomingMessage incoming, Task<TurnResult> turn, CancellationToken cancellationToken)
    {
        var result = await turn.WaitAsync(cancellationToken);
        await deliveries.SendAsync(
            Channel,
            incoming.ChannelMessageId,
            formatter.Render(result, ChannelTextLimit.WeCom),
            (text, ct) => sender.SendTextAsync(incoming.ChannelUserId, text, ct),
            cancellationToken);
    }

    /// <summary>WeCom's MsgType of what an app receives besides text.</summary>
    private static NonTextKind KindOf(string msgType) => msgType switch
    {
        "image" => NonTextKind.Image,
        "voice" => NonTextKind.Voice,
        "video" => NonTextKind.Video,
        "location" => NonTextKind.Location,
        "link" => NonTextKind.Link,
        "file" => NonTextKind.File,
        _ => NonTextKind.Other,
    };

    private IResult PassiveReply(WeComCrypto crypto, WeComOptions settings, string user, string text)
    {
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var encrypted = crypto.Encrypt(WeComXml.TextReply(user, settings.CorpId!, now, text));
        var envelope = WeComXml.Envelope(encrypted, crypto.Sign(timestamp, nonce, encrypted), timestamp, nonce);
        return Results.Text(envelope, "application/xml", Encoding.UTF8);
    }

    /// <summary>Checks msg_signature, timestamp and nonce; null when the request may go on.</summary>
    private IResult? CheckQuery(HttpRequest request, WeComOptions settings, WeComCrypto crypto, string encrypted)
    {
        var signature = request.Query["msg_signature"].ToString();
        var timestamp = request.Query["timestamp"].ToString();
        var nonce = request.Query["nonce"].ToString();
        if (signature.Length == 0 || timestamp.Length == 0 || nonce.Length == 0 || encrypted.Length == 0)
        {
            LogRefused(logger, "query");
            return ChannelHttp.BadRequest("缺少 msg_signature、timestamp、nonce 或密文参数。");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799
            || !ChannelHttp.IsFresh(DateTimeOffset.FromUnixTimeSeconds(seconds), time.GetUtcNow(), settings.MaxClockSkew))
        {
            LogRefused(logger, "timestamp");
            return ChannelHttp.Forbidden("timestamp 无效或已过期。");
        }

        if (!crypto.VerifySignature(signature, timestamp, nonce, encrypted))
        {
            LogRefused(logger, "signature");
            return ChannelHttp.Unauthorized("msg_signature 校验失败。");
        }

        return null;
    }

    private static bool TryParseXml(byte[] body, [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? fields, [NotNullWhen(false)] out string? error)
    {
        try
        {
            return WeComXml.TryParse(StrictUtf8.GetString(body), out fields, out error);
        }
        catch (DecoderFallbackException)
        {
            fields = null;
            error = "请求体不是有效的 UTF-8。";
            return false;
        }
    }

    private static WeComCrypto Crypto(WeComOptions settings) => new(settings.Token!, settings.EncodingAESKey!, settings.CorpId!);

    private static IResult Empty() => Results.Text(string.Empty, "text/plain", Encoding.UTF8);

    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "WeCom request refused: bad {Part}")]
    private static partial void LogRefused(ILogger logger, string part);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "WeCom message {MsgId} delivered again (claimed or answered before); acknowledged without processing")]
    private static partial void LogDuplicate(ILogger logger, string msgId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "WeCom message {MsgId} exceeded the reply budget; replying through the message API")]
    private static partial void LogOverBudget(ILogger logger, string msgId);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "WeCom late reply for {MsgId} dropped: the channel work queue is full")]
    private static partial void LogLateReplyDropped(ILogger logger, string msgId);
}
