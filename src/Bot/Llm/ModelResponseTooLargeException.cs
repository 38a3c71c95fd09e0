namespace InstructorBot.Bot.Llm;

/// <summary>The model's reply grew past <see cref="LlmOptions.MaxResponseBytes"/>.</summary>
public sealed class ModelResponseTooLargeException : IOException
{
    public ModelResponseTooLargeException()
        : base("The language model's reply is larger than Llm:MaxResponseBytes.")
    {
    }

    public ModelResponseTooLargeException(string message)
        : base(message)
    {
    }

    public ModelResponseTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
