namespace InstructorBot.Bot.Demo;

/// <summary>Configuration section <c>Demo</c>: whether a first start on an empty database offers the demo workspace.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>On by default, so a fresh clone has something to talk about; deployments set it off (deploy/appsettings.Production.json).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the sign-in codes printed at start stay valid.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromHours(1);
}
