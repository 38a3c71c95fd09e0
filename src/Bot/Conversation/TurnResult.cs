namespace InstructorBot.Bot.Conversation;

/// <summary>What the bot answers to one incoming message.</summary>
/// <param name="Replies">The reply messages, in order (usually one).</param>
/// <param name="Duplicate">True when the channel message id had been handled before and these are the first replies again.</param>
/// <param name="NotHandled">
/// True when the message was not handled at all (the host was still starting): nothing written, its message id not marked, so
/// the same message sent again (with the same id) is handled as new. A channel that can resend on its own (the web chat page)
/// does so; the reply tells the sender either way.
/// </param>
public sealed record TurnResult(IReadOnlyList<ReplyMessage> Replies, bool Duplicate = false, bool NotHandled = false)
{
    public static TurnResult Of(string text) => new([new ReplyMessage(text)]);

    /// <summary>A reply to a message that was not handled (see <see cref="NotHandled"/>).</summary>
    public static TurnResult Unhandled(string text) => new([new ReplyMessage(text)], NotHandled: true);

    /// <summary>All reply texts joined, for channels that send one text.</summary>
    public string Text => string.Join("\n\n", Replies.Select(r => r.Text));
}
