namespace InstructorBot.Bot.Cli;

/// <summary>Default file locations, all relative to the app's own folder so a published build carries its data beside it.</summary>
public static class BotPaths
{
    public static string DefaultDatabase =>
        Environment.GetEnvironmentVariable("Store__Path") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "data", "instructorbot.db");

    public static string ShippedCorpus => Path.Combine(AppContext.BaseDirectory, "corpus");

    /// <summary>The knowledge index lives in the data folder, beside the database.</summary>
    public static string IndexFolderFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", "index");
}
