namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>Sends a reply activity to the channel's Bot Connector service.</summary>
public interface IBotConnectorClient
{
    /// <summary>POST <c>{serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>.</summary>
    Task SendReplyAsync(Activity reply, CancellationToken cancellationToken);
}
