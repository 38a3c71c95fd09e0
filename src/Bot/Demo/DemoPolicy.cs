namespace InstructorBot.Bot.Demo;

/// <summary>
/// When the demo workspace may be created: never on a production database. Production is said three ways, any of which
/// is enough: <c>Demo:Enabled=false</c> (the production example sets it), the environment named Production explicitly
/// (<c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c>, as the systemd unit does; an unset variable is not a
/// statement), or the database in a system state folder (<c>/var/lib</c>, <c>/srv</c>, where deploy/ puts it).
/// </summary>
public static class DemoPolicy
{
    private static readonly string[] ProductionFolders = ["/var/lib/", "/srv/"];

    /// <summary>Why the demo must not be created here, in English for the log; null when it may.</summary>
    public static string? Refusal(DemoOptions options, string databasePath, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (!options.Enabled)
        {
            return "Demo:Enabled is false";
        }

        foreach (var variable in (string[])["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"])
        {
            if (string.Equals(environment(variable), "Production", StringComparison.OrdinalIgnoreCase))
            {
                return $"{variable} is Production";
            }
        }

        var full = Path.GetFullPath(databasePath);
        return ProductionFolders.FirstOrDefault(folder => full.StartsWith(folder, StringComparison.Ordinal)) is { } production
            ? $"the database is under {production.TrimEnd('/')}"
            : null;
    }
}
