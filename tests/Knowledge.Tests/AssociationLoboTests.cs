using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The settings of the learned bridge chosen on leave-one-batch-out (round 22, r22-qassoc): the tune batches a–ba in groups of
/// three consecutive letters (about one round's writers each), the table learned from everything but a group (own, dev and the
/// other groups) and that group answered, forced and shipped. The figure says what a new writer's batch would get; an
/// in-sample fit says nothing. Heavy (each setting learns once per group and answers every blind question): run with
/// KB_LOBO=all or KB_LOBO=0,3,… (indices into <see cref="Grid"/>); without it the test only says so.
/// </summary>
public sealed partial class AssociationTests
{
    /// <summary>The settings of round 7's table (r7-qtrans), learned from a–k.</summary>
    private static readonly AssociationSettings Round7 = new(MinSupport: 2, MinSources: 2, MinProbability: 0.2, MinLift: 8, MaxPerWord: 3, Credit: 0.8, BridgeWritten: false);

    /// <summary>
    /// The settings tried (index 0 is round 7's table: support 2, sources 2, p 0.2, lift 8, 3 per word, credit 0.8, only words no
    /// passage writes; every other entry changes it where it says; index 13 is the best that kept abstention; the shipped table, unused, is index 0's).
    /// </summary>
    public static readonly AssociationSettings[] Grid =
    [
        Round7,
        Round7 with { MinLift = 4 },
        Round7 with { MinLift = 16 },
        Round7 with { MinSupport = 3, MinSources = 3 },
        Round7 with { Credit = 0.5 },
        Round7 with { Credit = 1.0 },
        Round7 with { MaxPerWord = 1 },
        Round7 with { BridgeWritten = true },
        Round7 with { BridgeWritten = true, MinSupport = 3, MinSources = 3 },
        Round7 with { MinProbability = 0.1 },
        Round7 with { MinSupport = 3, MinSources = 3, Credit = 0.5 },
        Round7 with { BridgeWritten = true, MinSupport = 3, MinSources = 3, Credit = 0.5 },
        Round7 with { BridgeWritten = true, MinProbability = 0.1 },
        Round7 with { BridgeWritten = true, Credit = 0.5 },
        Round7 with { BridgeWritten = true, MinProbability = 0.1, Credit = 0.5 },
        Round7 with { BridgeWritten = true, MinSupport = 3, MinSources = 3, MinProbability = 0.1, Credit = 0.5 },
        Round7 with { BridgeWritten = true, MinLift = 16 },
        Round7 with { BridgeWritten = true, MaxPerWord = 1 },
    ];

    /// <summary>Groups of three consecutive tune batches, as sources.</summary>
    private static List<HashSet<string>> LoboGroups() =>
        [.. AlignedQuestions.BlindBatches.Select(b => AlignedQuestions.BlindPrefix + b.Letter).Chunk(3).Select(g => g.ToHashSet(StringComparer.Ordinal))];

    /// <summary>Every group answered with the table learned without it (none: the hand thesaurus alone).</summary>
    private Score Lobo(AssociationSettings? settings)
    {
        var total = Score.Zero;
        foreach (var group in LoboGroups())
        {
            var cases = data.Cases.Where(c => group.Contains(c.Source)).Select(c => c.Case).ToList();
            var asker = settings is null ? Asker(WordAssociations.Empty) : Asker(Learn(p => !group.Contains(p.Source), settings), settings);
            total += Measure(asker, cases);
        }

        return total;
    }

    [Fact]
    public void The_bridge_settings_are_measured_leave_one_batch_group_out_when_asked()
    {
        var asked = Environment.GetEnvironmentVariable("KB_LOBO");
        if (string.IsNullOrEmpty(asked))
        {
            output.WriteLine("KB_LOBO not set: nothing measured");
            return;
        }

        var indices = asked == "all" ? Enumerable.Range(0, Grid.Length) : asked.Split(',').Select(int.Parse);
        output.WriteLine($"tune batches {string.Join(" ", AlignedQuestions.BlindBatches.Select(b => b.Letter))} in {LoboGroups().Count} groups; {data.Pairs.Count} pairs");
        var before = Lobo(null);
        output.WriteLine($"hand thesaurus alone: {before}");
        foreach (var i in indices)
        {
            var after = Lobo(Grid[i]);
            var forcedGained = after.ForcedPassed.Except(before.ForcedPassed).Order().ToList();
            var forcedLost = before.ForcedPassed.Except(after.ForcedPassed).Order().ToList();
            var gained = after.Passed.Except(before.Passed).Order().ToList();
            var lost = before.Passed.Except(after.Passed).Order().ToList();
            output.WriteLine($"[{i}] {Grid[i]}: {after}");
            output.WriteLine($"    forced +{forcedGained.Count} -{forcedLost.Count} (gained {string.Join(" ", forcedGained)}; lost {string.Join(" ", forcedLost)})");
            output.WriteLine($"    shipped +{gained.Count} -{lost.Count} (gained {string.Join(" ", gained)}; lost {string.Join(" ", lost)})");
        }
    }
}
