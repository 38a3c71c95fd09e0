namespace InstructorBot.Bot.Conversation;

/// <summary>What redeeming a one-time code gave: the user it was issued for, or nothing; or a refusal to check it at all.</summary>
/// <param name="UserId">The user the code was issued for; null when it was wrong, expired, used, or not checked.</param>
/// <param name="RetryAfter">Set when the sender made too many wrong tries and the code was not checked.</param>
public sealed record CodeRedemption(string? UserId, TimeSpan? RetryAfter = null)
{
    public bool Throttled => RetryAfter is not null;

    /// <summary>The Chinese reply for a throttled sender.</summary>
    public string ThrottledText =>
        $"错误次数过多，请 {Math.Max(1, (int)Math.Ceiling(RetryAfter?.TotalMinutes ?? 1))} 分钟后再试。";
}
