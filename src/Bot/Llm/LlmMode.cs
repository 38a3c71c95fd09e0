namespace InstructorBot.Bot.Llm;

/// <summary>When the optional language model is consulted (configuration <c>Llm:Mode</c>, docs/llm.md).</summary>
public enum LlmMode
{
    /// <summary>Never: the offline reading only (the default).</summary>
    Off,

    /// <summary>Only when the offline reading is empty or doubtful.</summary>
    Fallback,

    /// <summary>For every message and question.</summary>
    Always,
}
