namespace InstructorBot.Bot.Cli;

/// <summary>Bad input on the command line: a one-line reason in Chinese and in English, and no stack trace.</summary>
public sealed class CliException(string chinese, string english, int exitCode = 2) : Exception(english)
{
    public string Chinese { get; } = chinese;

    public string English { get; } = english;

    public int ExitCode { get; } = exitCode;
}
