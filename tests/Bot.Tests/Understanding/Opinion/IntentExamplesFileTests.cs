using System.Text;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// The shipped training data (src/Bot/Understanding/Opinion/intent-examples.jsonl, embedded) is exactly what the own
/// and development cases and the blind batches a–w give (<see cref="FallbackFolds"/>; since round 11 all 23, before it
/// a–k; their held-out figures come from the leave-one-writer-batch-out models, never from this file's). After changing the cases, regenerate it:
/// INSTRUCTORBOT_WRITE_INTENT_EXAMPLES=1 dotnet test tests/Bot.Tests --filter FullyQualifiedName~IntentExamplesFile
/// </summary>
public sealed class IntentExamplesFileTests
{
    [Fact]
    public void The_shipped_training_data_is_the_own_and_development_cases_and_the_blind_batches_with_names_masked()
    {
        var index = new MessageUnderstanding(FixtureLedger.Organizations()).Index;
        var examples = OwnCases.Examples(OwnCases.All(), index).Concat(WriterFolds.Examples(FallbackFolds.AllCases(), index));
        var expected = string.Concat(examples.Select(e => e.ToJsonLine() + "\n"));
        if (Environment.GetEnvironmentVariable("INSTRUCTORBOT_WRITE_INTENT_EXAMPLES") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), "src", "Bot", "Understanding", "Opinion", "intent-examples.jsonl"), expected, new UTF8Encoding(false));
            return;
        }

        var shipped = Encoding.UTF8.GetString(IntentExample.ShippedBytes());
        Assert.True(expected == shipped, "intent-examples.jsonl is stale: regenerate it (see this test's summary)");
        // The own and dev cases and the blind batches, one line each, counted from the case files themselves.
        var cases = new[] { "understanding-own.jsonl", "understanding-dev.jsonl" }
            .Concat(FallbackFolds.Batches.Select(FallbackFolds.File))
            .Sum(file => File.ReadLines(Path.Combine(RepositoryRoot(), "tests", "data", file)).Count(line => line.Trim().Length > 0));
        Assert.Equal(cases, IntentExample.Shipped().Count);
        Assert.DoesNotContain(IntentExample.Shipped(), e => e.Text.Contains("星辰半导体", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "InstructorBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("InstructorBot.sln not found above " + AppContext.BaseDirectory);
    }
}
