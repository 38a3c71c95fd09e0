using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>What the turn needs from understanding: the message's actions in the order said.</summary>
public interface IMessageUnderstanding
{
    IReadOnlyList<PlannedAction> Understand(string text, User sender, DateTimeOffset now);

    /// <summary>The ledger organisations a bare name ("云启科技") may mean: one id, several candidates, or none.</summary>
    IReadOnlyList<int> FindOrganizations(string text);

    /// <summary>The kind of small talk ("greeting", "thanks", "presence", "ack", "laugh") when the text is only that, else null.</summary>
    string? SmallTalk(string text);
}
