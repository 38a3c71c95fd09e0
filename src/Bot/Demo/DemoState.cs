namespace InstructorBot.Bot.Demo;

/// <summary>Whether the database holds the demo workspace, never had one, or had it removed.</summary>
public enum DemoState
{
    None,
    Active,
    Removed,
}
