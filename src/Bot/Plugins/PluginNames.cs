namespace InstructorBot.Bot.Plugins;

/// <summary>The names the kernel knows the plugins by (a rename of a class must not rename a tool).</summary>
public static class PluginNames
{
    public const string Reporting = ReportingPlugin.Name;

    public const string Progress = ProgressPlugin.Name;

    public const string Knowledge = "knowledge";
}
