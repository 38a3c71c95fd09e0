using System.Globalization;
using System.Text.Json;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>
/// <c>/channels/dingtalk</c>: a robot's HTTP message receiving URL. Checks the <c>timestamp</c>/<c>sign</c>
/// headers, acknowledges at once, runs the turn in the background and replies through the sessionWebhook (split into
/// several messages when long). A msgId already claimed (DingTalk's retries) or answered before a restart is
/// acknowledged without processing; a voice message DingTalk recognised is handled as its recognised text (the reply says
/// so in its first line); a picture, an unrecognised voice message or a file gets a hint that only text is understood.
/// </summary>
internal sealed partial class DingTalkEndpoint(
    IOptions<DingTalkOptions> options,
    ChannelMessageDeduplicator deduplicator,
    ChannelDeliveryLog deliveries,
    ChannelTurnRunner turns,
    ChannelReplyFormatter formatter,
    ChannelWorkQueue queue,
    IDingTalkReplySender replies,
    DingTalkSeenSigns seenSigns,
    TimeProvider time,
    ILogger<DingTalkEndpoint> logger)
{
    public const string Channel = "dingtalk";

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return ChannelHttp.Off();
        }

        var timestamp = request.Headers["timestamp"].ToString();
        var sign = request.Headers["sign"].ToString();
        if (timestamp.Length == 0 || sign.Length == 0)
        {
            LogRefused(logger, "headers");
            return ChannelHttp.Unauthorized("缺少 timestamp 或 sign 请求头。");
        }

        var now = time.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || milliseconds > 253402300799999
            || !ChannelHttp.IsFresh(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), now, settings.MaxClockSkew))
        {
            LogRefused(logger, "timestamp");
            return ChannelHttp.Forbidden("timestamp 无效或与当前时间相差超过允许范围。");
        }

        if (!DingTalkSignature.Verify(settings.AppSecret!, timestamp, sign))
        {
            LogRefused(logger, "signature");
            return ChannelHttp.Unauthorized("sign 校验失败。");
        }

        var body = await ChannelHttp.ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            LogRefused(logger, "size");
            return ChannelHttp.TooLarge(settings.MaxBodyBytes);
        }

        DingTalkMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<DingTalkMessage>(body);
        }
        catch (JsonException)
        {
            LogRefused(logger, "json");
            return ChannelHttp.BadRequest("请求体不是有效的 JSON。");
        }

        if (message is null || string.IsNullOrWhiteSpace(message.MsgId) || string.IsNullOrWhiteSpace(message.ConversationId))
        {
            LogRefused(logger, "fields");
            return ChannelHttp.BadRequest("消息缺少 msgId 或 conversationId。");
        }

        if (!seenSigns.Accept(sign, message.MsgId))
        {
            LogRefused(logger, "replayed sign");
            return ChannelHttp.Forbidden("该签名已被另一条消息使用过（疑似重放）。");
        }

        var sender = !string.IsNullOrWhiteSpace(message.SenderStaffId) ? message.SenderStaffId : message.SenderId;
        if (string.IsNullOrWhiteSpace(sender))
        {
            LogRefused(logger, "fields");
            return ChannelHttp.BadRequest("消息缺少 senderStaffId。");
        }

        if (!Uri.TryCreate(message.SessionWebhook, UriKind.Absolute, out var webhook) || !settings.IsAllowedWebhook(webhook))
        {
            LogRefused(logger, "webhook");
            return ChannelHttp.BadRequest("sessionWebhook 缺失或不在允许的域名内。");
        }

        if (message.SessionWebhookExpiredTime is { } expires && DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(expires, 0, 253402300799999)) <= now)
        {
            LogRefused(logger, "webhook expiry");
            return ChannelHttp.BadRequest("sessionWebhook 已过期。");
        }

        // A voice message DingTalk recognised is handled as the text it recognised, so a spoken report is recorded.
        var recognised = message.Recognition;
        var content = message.MsgType == "text" ? message.Text?.Content : recognised;
        if (message.MsgType == "text" && content is null)
        {
            // A text message without its text: nothing to answer.
            return Results.Ok();
        }

        if (!deduplicator.TryClaim(Channel, message.MsgId))
        {
            LogDuplicate(logger, message.MsgId);
            return Results.Ok();
        }

        Func<CancellationToken, Task> work;
        if (content is null)
        {
            var hint = NonTextReplies.Hint(KindOf(message.MsgType));
            work = ct => replies.ReplyAsync(webhook, hint, ct);
        }
        else if (deliveries.WasDelivered(Channel, message.MsgId))
        {
            LogDuplicate(logger, message.MsgId);
            return Results.Ok();
        }
        else
        {
            var sentAt = MessageTime.Credible(
                message.CreateAt is { } created && created is > 0 and < 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds(created) : null,
                now);
            var text = recognised ?? DingTalkMessage.TrimMentions(content);
            var incoming = new IncomingMessage(Channel, sender, message.ConversationId, message.MsgId, text, sentAt);
            var preface = recognised is null ? null : NonTextReplies.RecognisedVoice(recognised);
            work = ct => HandleAsync(incoming, webhook, preface, ct);
        }

        if (!queue.TryEnqueue(work))
        {
            deduplicator.Release(Channel, message.MsgId);
            LogBusy(logger, message.MsgId);
            return ChannelHttp.Busy();
        }

        return Results.Ok();
    }

    /// <param name="preface">A line put above the reply (what a voice message was recognised as), or null.</param>
    private async Task HandleAsync(IncomingMessage incoming, Uri webhook, string? preface, CancellationToken cancellationToken)
    {
        var result = await turns.RunAsync(incoming, cancellationToken);
        await deliveries.SendAsync(
            Channel,
            incoming.ChannelMessageId,
            formatter.Render(result, ChannelTextLimit.DingTalk, preface),
            (text, ct) => replies.ReplyAsync(webhook, text, ct),
            cancellationToken);
    }

    /// <summary>DingTalk's msgtype of what a robot receives besides text.</summary>
    private static NonTextKind KindOf(string? msgType) => msgType switch
    {
        "picture" => NonTextKind.Image,
        "audio" => NonTextKind.Voice,
        "video" => NonTextKind.Video,
        "file" => NonTextKind.File,
        "richText" => NonTextKind.RichText,
        _ => NonTextKind.Other,
    };

    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = "DingTalk request refused: bad {Part}")]
    private static partial void LogRefused(ILogger logger, string part);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "DingTalk message {MsgId} delivered again (claimed or answered before); acknowledged without processing")]
    private static partial void LogDuplicate(ILogger logger, string msgId);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "DingTalk message {MsgId} refused: the channel work queue is full")]
    private static partial void LogBusy(ILogger logger, string msgId);
}
