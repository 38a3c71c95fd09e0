using System.Runtime.CompilerServices;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// Every host and CLI run of this test assembly caches the second opinion's model in one temp folder (through the
/// setting's environment variable, which both read), instead of training it again beside each test's own database.
/// Tests of the cache itself pass their folder explicitly.
/// </summary>
internal static class SharedModelFolder
{
    public static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "instructorbot-tests", "intent-model");

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "test-wide setting before any host or CLI run")]
    internal static void Use() => Environment.SetEnvironmentVariable("Understanding__SecondOpinion__ModelFolder", Path);
}
