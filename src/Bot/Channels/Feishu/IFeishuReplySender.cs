namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>Replies to a Feishu message (tenant_access_token + im/v1/messages/{message_id}/reply).</summary>
public interface IFeishuReplySender
{
    /// <summary>Replies <paramref name="text"/> to the message <paramref name="messageId"/>; false when Feishu refused it.</summary>
    Task<bool> ReplyAsync(string messageId, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="text"/> to a user unprompted (<c>im/v1/messages</c>): <paramref name="userId"/> is the user_id,
    /// or an open_id ("ou_…") where the app could not read user ids; false when Feishu refused it.
    /// </summary>
    Task<bool> SendToUserAsync(string userId, string text, CancellationToken cancellationToken);
}
