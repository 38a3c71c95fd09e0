namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>Replies in a DingTalk conversation by POSTing a text message to its sessionWebhook.</summary>
public interface IDingTalkReplySender
{
    /// <summary>Posts <paramref name="text"/> to <paramref name="sessionWebhook"/> (already checked against the allow-list); false when DingTalk refused it.</summary>
    Task<bool> ReplyAsync(Uri sessionWebhook, string text, CancellationToken cancellationToken);
}
