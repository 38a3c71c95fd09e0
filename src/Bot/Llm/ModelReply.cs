namespace InstructorBot.Bot.Llm;

/// <summary>What one call to the model gave: the calls it asked for (empty unless <see cref="Outcome"/> is Used) and the audit.</summary>
public sealed record ModelReply(ModelOutcome Outcome, IReadOnlyList<RecordedCall> Calls, int? PromptTokens, int? CompletionTokens, long LatencyMs);
