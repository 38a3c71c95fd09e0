namespace InstructorBot.Bot.Tests;

/// <summary>What every test host turns off unless a test asks for it: one place, so a new background feature is off in all.</summary>
internal static class TestHostSettings
{
    /// <summary>
    /// The proactive scheduler runs on the system clock (a digest on a real 10th or Monday would land in a test's turns);
    /// the demo workspace would fill an empty test database. Tests that need either turn it on in their own settings.
    /// </summary>
    public static Dictionary<string, string?> Defaults() => new()
    {
        ["Scheduler:Enabled"] = "false",
        ["Demo:Enabled"] = "false",
    };
}
