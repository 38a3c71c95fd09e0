namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>Sends a text to a WeCom user through the application message API (gettoken + message/send).</summary>
public interface IWeComMessageSender
{
    /// <summary>Sends <paramref name="text"/> to the corp user <paramref name="userId"/>; false when WeCom refused it.</summary>
    Task<bool> SendTextAsync(string userId, string text, CancellationToken cancellationToken);
}
