namespace InstructorBot.Bot.Conversation;

/// <summary>What the bot answers to one incoming message.</summary>
/// <param name="Replies">The reply messages, in order (usually one).</param>
/// <param name="Duplicate">True when the channel message id had been handled before and these are the first replies again.</param>
public sealed record TurnResult(IReadOnlyList<ReplyMessage> Replies, bool Duplicate = false)
{
    public static TurnResult Of(string text) => new([new ReplyMessage(text)]);

    /// <summary>All reply texts joined, for channels that send one text.</summary>
    public string Text => string.Join("\n\n", Replies.Select(r => r.Text));
}
