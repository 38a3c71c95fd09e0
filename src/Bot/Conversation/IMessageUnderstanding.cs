using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>What the turn needs from understanding: the message's actions in the order said.</summary>
public interface IMessageUnderstanding
{
    IReadOnlyList<PlannedAction> Understand(string text, User sender, DateTimeOffset now);
}
