using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Hosting;

/// <summary>Log messages of the second opinion's model cache (file names and exception types only, no message text).</summary>
internal static partial class SecondOpinionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Warning(ILogger<SecondOpinion> logger, string message);
}
