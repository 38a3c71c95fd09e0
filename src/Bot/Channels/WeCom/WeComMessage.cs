using System.Globalization;

namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>A decrypted WeCom callback message (接收普通消息). Events carry an Event instead of a MsgId.</summary>
/// <param name="ToUserName">The CorpID.</param>
/// <param name="FromUserName">The sender's UserID in the corp.</param>
/// <param name="MsgType">text, image, event …</param>
/// <param name="Content">The text of a text message.</param>
/// <param name="MsgId">The message id (64-bit); WeCom's retries carry the same one.</param>
/// <param name="AgentId">The app that received it.</param>
/// <param name="CreatedAt">When it was sent.</param>
public sealed record WeComMessage(
    string ToUserName,
    string FromUserName,
    string MsgType,
    string? Content,
    string? MsgId,
    string? AgentId,
    DateTimeOffset CreatedAt)
{
    public bool IsText => MsgType == "text" && !string.IsNullOrEmpty(MsgId) && Content is not null;

    internal static WeComMessage? From(IReadOnlyDictionary<string, string> fields, DateTimeOffset now)
    {
        if (!fields.TryGetValue("FromUserName", out var from) || string.IsNullOrWhiteSpace(from)
            || !fields.TryGetValue("MsgType", out var type))
        {
            return null;
        }

        var createdAt = fields.TryGetValue("CreateTime", out var created)
            && long.TryParse(created, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and < 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : now;

        return new WeComMessage(
            fields.GetValueOrDefault("ToUserName") ?? string.Empty,
            from,
            type,
            fields.GetValueOrDefault("Content"),
            fields.GetValueOrDefault("MsgId"),
            fields.GetValueOrDefault("AgentID"),
            createdAt);
    }
}
