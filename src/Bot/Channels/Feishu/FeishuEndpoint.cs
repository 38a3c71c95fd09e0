using System.Globalization;
using System.Text.Json;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>
/// <c>/channels/feishu</c>: the event subscription request URL. Answers url_verification with the challenge,
/// checks signature, decryption and token of every event, acknowledges <c>im.message.receive_v1</c> at once
/// (Feishu wants 200 within 3 s) and runs the turn in the background, replying to the message (split into several
/// replies when long). An event_id already claimed (Feishu's retries) or a message answered before a restart is
/// acknowledged without processing; rich text (post) is handled as its text (pictures in it are ignored); a picture,
/// voice message, file, sticker or location gets a hint that only text is understood.
/// </summary>
internal sealed partial class FeishuEndpoint(
    IOptions<FeishuOptions> options,
    ChannelMessageDeduplicator deduplicator,
    ChannelDeliveryLog deliveries,
    ChannelTurnRunner turns,
    ChannelReplyFormatter formatter,
    ChannelWorkQueue queue,
    IFeishuReplySender replies,
    TimeProvider time,
    ILogger<FeishuEndpoint> logger)
{
    public const string Channel = "feishu";
    public const string MessageReceived = "im.message.receive_v1";

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

        var encryptKey = string.IsNullOrEmpty(settings.EncryptKey) ? null : settings.EncryptKey;
        var signature = request.Headers["X-Lark-Signature"].ToString();
        // Without an Encrypt Key there is nothing to check a signature with; the Verification Token still applies.
        var signed = signature.Length > 0 && encryptKey is not null;
        if (signed)
        {
            if (CheckSignature(request, settings, encryptKey, signature, body) is { } refused)
            {
                return refused;
            }
        }

        using var outer = TryParse(body);
        if (outer is null || outer.RootElement.ValueKind != JsonValueKind.Object)
        {
            LogRefused(logger, "json");
            return ChannelHttp.BadRequest("请求体不是有效的 JSON 对象。");
        }

        JsonDocument? decrypted = null;
        if (FeishuMessage.String(outer.RootElement, "encrypt") is { } encrypted)
        {
            decrypted = Decrypt(encryptKey, encrypted, out var decryptError);
            if (decrypted is null)
            {
                LogRefused(logger, "ciphertext");
                return ChannelHttp.BadRequest(decryptError ?? "encrypt 解密失败。");
            }
        }

        using var disposeDecrypted = decrypted;

        var root = (decrypted ?? outer).RootElement;
        if (FeishuMessage.String(root, "type") == "url_verification")
        {
            // The challenge carries the token at the top level; answering it proves we hold the token (and key).
            if (!ChannelHttp.FixedTimeEquals(FeishuMessage.String(root, "token"), settings.VerificationToken))
            {
                LogRefused(logger, "token");
                return ChannelHttp.Unauthorized("Verification Token 不符。");
            }

            return Results.Json(new { challenge = FeishuMessage.String(root, "challenge") ?? string.Empty });
        }

        if (encryptKey is not null && settings.RequireSignature && !signed)
        {
            LogRefused(logger, "signature");
            return ChannelHttp.Unauthorized("缺少 X-Lark-Signature 签名。");
        }

        if (!FeishuMessage.TryGet(root, out var header, "header")
            || !ChannelHttp.FixedTimeEquals(FeishuMessage.String(header, "token"), settings.VerificationToken))
        {
            LogRefused(logger, "token");
            return ChannelHttp.Unauthorized("事件的 Verification Token 不符（仅支持 2.0 版事件）。");
        }

        if (FeishuMessage.String(header, "event_type") != MessageReceived)
        {
            return Results.Json(new { });
        }

        var message = FeishuMessage.From(root);
        if (message is null)
        {
            LogRefused(logger, "event");
            return ChannelHttp.BadRequest("im.message.receive_v1 事件缺少 event_id、message_id、chat_id 或 message_type。");
        }

        if (message.SenderType is not (null or "user") || message.SenderId is not { Length: > 0 } sender
            || (message.MessageType == "text" && message.Text is null))
        {
            // Messages from bots (no answering each other) and text without readable content are acknowledged and not processed.
            return Results.Json(new { });
        }

        if (!deduplicator.TryClaim(Channel, message.EventId))
        {
            LogDuplicate(logger, message.EventId);
            return Results.Json(new { });
        }

        Func<CancellationToken, Task> work;
        if (message.Text is null)
        {
            var hint = NonTextReplies.Hint(KindOf(message.MessageType));
            work = ct => replies.ReplyAsync(message.MessageId, hint, ct);
        }
        else if (deliveries.WasDelivered(Channel, message.MessageId))
        {
            LogDuplicate(logger, message.EventId);
            return Results.Json(new { });
        }
        else
        {
            var incoming = new IncomingMessage(Channel, sender, message.ChatId, message.MessageId, message.Text, MessageTime.Credible(message.CreatedAt, time.GetUtcNow()));
            work = ct => HandleAsync(incoming, ct);
        }

        if (!queue.TryEnqueue(work))
        {
            deduplicator.Release(Channel, message.EventId);
            LogBusy(logger, message.EventId);
            return ChannelHttp.Busy();
        }

        return Results.Json(new { });
    }

    private async Task HandleAsync(IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var result = await turns.RunAsync(incoming, cancellationToken);
        await deliveries.SendAsync(
            Channel,
            incoming.ChannelMessageId,
            formatter.Render(result, ChannelTextLimit.Feishu),
            (text, ct) => replies.ReplyAsync(incoming.ChannelMessageId, text, ct),
            cancellationToken);
    }

    /// <summary>Feishu's message_type of what a bot receives besides text.</summary>
    private static NonTextKind KindOf(string messageType) => messageType switch
    {
        "image" => NonTextKind.Image,
        "audio" => NonTextKind.Voice,
        "media" => NonTextKind.Video,
        "file" => NonTextKind.File,
        "sticker" => NonTextKind.Sticker,
        "location" => NonTextKind.Location,
        // A rich text (post) without any text: pictures (or a video) only.
        "post" => NonTextKind.Image,
        _ => NonTextKind.Other,
    };

    private IResult? CheckSignature(HttpRequest request, FeishuOptions settings, string? encryptKey, string signature, byte[] body)
    {
        var timestamp = request.Headers["X-Lark-Request-Timestamp"].ToString();
        var nonce = request.Headers["X-Lark-Request-Nonce"].ToString();
        if (encryptKey is null || timestamp.Length == 0 || nonce.Length == 0)
        {
            LogRefused(logger, "signature");
            return ChannelHttp.Unauthorized("X-Lark-Signature 无法校验（缺少时间戳或 nonce）。");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253402300799
            || !ChannelHttp.IsFresh(DateTimeOffset.FromUnixTimeSeconds(seconds), time.GetUtcNow(), settings.MaxClockSkew))
        {
            LogRefused(logger, "timestamp");
            return ChannelHttp.Forbidden("X-Lark-Request-Timestamp 无效或已过期。");
        }

        if (!FeishuCrypto.VerifySignature(signature, timestamp, nonce, encryptKey, body))
        {
            LogRefused(logger, "signature");
            return ChannelHttp.Unauthorized("X-Lark-Signature 校验失败。");
        }

        return null;
    }

    private static JsonDocument? Decrypt(string? encryptKey, string encrypted, out string? error)
    {
        if (encryptKey is null)
        {
            error = "收到加密事件，但未配置 Encrypt Key。";
            return null;
        }

        if (!FeishuCrypto.TryDecrypt(encryptKey, encrypted, out var plain, out error))
        {
            return null;
        }

        var document = TryParse(System.Text.Encoding.UTF8.GetBytes(plain));
        if (document?.RootElement.ValueKind != JsonValueKind.Object)
        {
            document?.Dispose();
            error = "解密后的内容不是有效的 JSON 对象。";
            return null;
        }

        return document;
    }

    private static JsonDocument? TryParse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 6300, Level = LogLevel.Warning, Message = "Feishu request refused: bad {Part}")]
    private static partial void LogRefused(ILogger logger, string part);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Feishu event {EventId} delivered again (claimed or answered before); acknowledged without processing")]
    private static partial void LogDuplicate(ILogger logger, string eventId);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning, Message = "Feishu event {EventId} refused: the channel work queue is full")]
    private static partial void LogBusy(ILogger logger, string eventId);
}
