using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>Maps between activities and the turn pipeline's messages.</summary>
internal static class ActivityReplies
{
    /// <summary>Activity types of the v3 schema this bot accepts and ignores (all but message and conversationUpdate).</summary>
    public static readonly IReadOnlySet<string> IgnoredTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "contactRelationUpdate", "typing", "endOfConversation", "event", "invoke", "invokeResponse",
        "deleteUserData", "messageUpdate", "messageDelete", "installationUpdate", "messageReaction", "suggestion",
        "trace", "handoff", "command", "commandResult", "ping",
    };

    public static IncomingMessage ToIncoming(Activity activity, DateTimeOffset now) => new(
        "botframework",
        activity.From!.Id!,
        activity.Conversation!.Id!,
        activity.Id!,
        activity.Text!,
        MessageTime.Credible(activity.Timestamp, now));

    /// <summary>
    /// A reply as one activity, or as several when its text is longer than <see cref="ChannelTextLimit.BotFramework"/>;
    /// the quick replies and the file go with the last.
    /// </summary>
    public static IEnumerable<Activity> ToActivities(Activity incoming, ReplyMessage reply, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Text.Length <= ChannelTextLimit.BotFramework.Max)
        {
            return [ToActivity(incoming, reply, publicBaseUrl)];
        }

        var parts = ChannelTextSplitter.Split(reply.Text, ChannelTextLimit.BotFramework);
        return parts.Select((text, i) => ToActivity(
            incoming, i == parts.Count - 1 ? reply with { Text = text } : new ReplyMessage(text), publicBaseUrl));
    }

    /// <summary>A reply to <paramref name="incoming"/>, addressed back to its sender in the same conversation.</summary>
    public static Activity ToActivity(Activity incoming, ReplyMessage reply, string publicBaseUrl) => new()
    {
        Type = "message",
        ServiceUrl = incoming.ServiceUrl,
        ChannelId = incoming.ChannelId,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Text = reply.Text,
        TextFormat = "plain",
        Locale = "zh-CN",
        Timestamp = DateTimeOffset.UtcNow,
        // imBack sends the value at once: a button meant to fill the composer (an example that would record) is left out.
        SuggestedActions = reply.QuickReplies?.Where(q => !q.Compose).ToList() is { Count: > 0 } quick
            ? new SuggestedActions([.. quick.Select(q => new CardAction("imBack", q.Title, q.Value))])
            : null,
        Attachments = reply.Attachment is { } file
            ? [new ActivityAttachment(file.ContentType, ContentUrl(file, publicBaseUrl), file.Name)]
            : null,
    };

    /// <summary>Images up to this size travel inline as a data URI (Bot Framework's inline attachment); larger ones as a link.</summary>
    public const int MaxInlineBytes = 256 * 1024;

    /// <summary>
    /// An image the reply carries (a chart) as a data URI, so the channel shows it without fetching the single-use link;
    /// any other file as its link under <paramref name="publicBaseUrl"/>.
    /// </summary>
    internal static string ContentUrl(ReplyAttachment file, string publicBaseUrl) =>
        file.IsImage && file.Inline is { Length: > 0 and <= MaxInlineBytes } bytes
            ? $"data:{file.ContentType};base64,{Convert.ToBase64String(bytes)}"
            : Absolute(file.Url, publicBaseUrl);

    /// <summary>
    /// An http(s) URL as it is; anything else (a path such as "/api/files/…", which .NET on Linux parses as an absolute
    /// file URI) under <paramref name="baseUrl"/>.
    /// </summary>
    internal static string Absolute(string url, string baseUrl) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? url
            : baseUrl.TrimEnd('/') + "/" + url.TrimStart('/');
}
