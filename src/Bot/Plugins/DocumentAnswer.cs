using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Bot.Plugins;

/// <summary>What the documents say: the answering sentences and their citations; <c>Answered</c> false when they hold no answer.</summary>
public sealed record DocumentAnswer(bool Answered, string Answer, IReadOnlyList<Citation> Citations);
