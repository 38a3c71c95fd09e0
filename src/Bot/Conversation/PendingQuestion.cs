using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Conversation;

/// <summary>A pending dialogue as the turn uses it: the stored entry and its waiting actions.</summary>
public sealed record PendingQuestion(PendingDialogue Entry, IReadOnlyList<UnderstoodAction> Actions)
{
    public IReadOnlyList<int> Candidates => Entry.Candidates;

    public bool IsConfirmation => Entry.IsConfirmation;

    /// <summary>The question again, with its quick replies.</summary>
    public ReplyMessage Question => new(Entry.QuestionText ?? "", QuickReplies);

    public IReadOnlyList<QuickReply>? QuickReplies =>
        Entry.QuickReplyTitles.Count == 0 ? null : [.. Entry.QuickReplyTitles.Zip(Entry.QuickReplyValues, (t, v) => new QuickReply(t, v))];
}
