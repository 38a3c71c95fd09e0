namespace InstructorBot.Bot.Llm;

/// <summary>
/// One call to the language model as the audit keeps it: when, what for, how it ended, how long it took and the tokens
/// the endpoint counted. Never any text: not the message, not the prompt, not the reply.
/// </summary>
public sealed record ModelCallAudit(
    DateTimeOffset At,
    string Purpose,
    string Model,
    ModelOutcome Outcome,
    long LatencyMs,
    int? PromptTokens,
    int? CompletionTokens,
    int Calls,
    int Rejected);
