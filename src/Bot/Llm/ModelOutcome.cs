namespace InstructorBot.Bot.Llm;

/// <summary>How one call to the language model ended (the audit's <c>outcome</c>).</summary>
public enum ModelOutcome
{
    /// <summary>The model's reading or choice was used.</summary>
    Used,

    /// <summary>The model answered with nothing usable (no call, every call rejected): the offline reading stands.</summary>
    Rejected,

    /// <summary>No reply within <see cref="LlmOptions.Timeout"/>: the offline reading stands.</summary>
    Timeout,

    /// <summary>The endpoint failed (an HTTP error, a refused connection): the offline reading stands.</summary>
    Failed,

    /// <summary>The reply was not the JSON of a chat completion: the offline reading stands.</summary>
    Malformed,

    /// <summary>The reply grew past <see cref="LlmOptions.MaxResponseBytes"/>: the offline reading stands.</summary>
    TooLong,

    /// <summary>The prompt would carry more than <c>Llm:Share</c> allows: the model was not asked.</summary>
    NotShared,
}
