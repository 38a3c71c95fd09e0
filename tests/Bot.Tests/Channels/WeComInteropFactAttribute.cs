namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// A fact that needs node and tests/interop/node_modules. Skipped with the reason when they are absent on a
/// developer machine; under CI (CI=true, where .ci/run installs them) it runs and fails instead of skipping.
/// </summary>
public sealed class WeComInteropFactAttribute : FactAttribute
{
    public WeComInteropFactAttribute()
    {
        if (WeComInterop.Missing is { } missing && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = missing;
        }
    }
}
