namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>Sends a robot message to a user unprompted (钉钉 机器人批量发送人与机器人会话中机器人消息, <c>oToMessages/batchSend</c>).</summary>
public interface IDingTalkRobotSender
{
    /// <summary>Sends <paramref name="text"/> to the corp user <paramref name="userId"/> (staffId); false when DingTalk refused it.</summary>
    Task<bool> SendTextAsync(string userId, string text, CancellationToken cancellationToken);
}
