namespace InstructorBot.Bot.Channels.Feishu;

/// <summary>Replies to a Feishu message (tenant_access_token + im/v1/messages/{message_id}/reply).</summary>
public interface IFeishuReplySender
{
    /// <summary>Replies <paramref name="text"/> to the message <paramref name="messageId"/>; false when Feishu refused it.</summary>
    Task<bool> ReplyAsync(string messageId, string text, CancellationToken cancellationToken);
}
