using System.Text;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// The mention opinion's shipped training data (src/Bot/Understanding/Opinion/mention-examples.jsonl, embedded) is
/// exactly what every labelled case gives (<see cref="MentionFolds.All"/>: own, development, branch batches, blind
/// batches; held-out figures come only from the leave-one-writer-batch-out models). After changing the cases or the
/// rules' text preparation, regenerate it:
/// INSTRUCTORBOT_WRITE_MENTION_EXAMPLES=1 dotnet test tests/Bot.Tests --filter FullyQualifiedName~MentionExamplesFile
/// </summary>
public sealed class MentionExamplesFileTests
{
    [Fact]
    public void The_shipped_training_data_is_every_labelled_case_with_its_units_masked_and_labelled()
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var all = MentionFolds.All();
        var expected = string.Concat(all.Select(c => MentionFolds.Example(c, understanding).ToJsonLine() + "\n"));
        if (Environment.GetEnvironmentVariable("INSTRUCTORBOT_WRITE_MENTION_EXAMPLES") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), "src", "Bot", "Understanding", "Opinion", "mention-examples.jsonl"), expected, new UTF8Encoding(false));
            return;
        }

        var shipped = MentionExample.Shipped();
        Assert.True(expected == Encoding.UTF8.GetString(MentionExample.ShippedBytes()), "mention-examples.jsonl is stale: regenerate it (see this test's summary)");
        Assert.Equal(all.Count, shipped.Count);
        // Names are masked: no ledger name is left in the shipped text.
        Assert.DoesNotContain(shipped, e => FixtureLedger.Organizations().Any(o => e.Text.Contains(o.Name, StringComparison.Ordinal)));
        // Most messages mention a unit; each mention stands as one mark.
        Assert.True(shipped.Count(e => e.At.Count > 0) > shipped.Count / 2);
        Assert.All(shipped, e => Assert.All(e.At, at => Assert.Equal(MentionText.Other, e.Text[at])));
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
