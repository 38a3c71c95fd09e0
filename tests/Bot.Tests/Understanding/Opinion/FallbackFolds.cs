using System.Text;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// Leave-one-writer-batch-out over all 29 blind batches a–z, aa–ac (tests/data/blind/understanding-2026-12-0*-{a..z,aa..ac}.jsonl): for
/// each batch, an intent model trained on the own and development cases and the 28 other batches, never the held-out one.
/// The models are cached by their training data's hash in a temp folder (<see cref="IntentModelCache"/>), so a second run
/// of the measurement loads them.
/// </summary>
internal static class FallbackFolds
{
    public static readonly string[] Batches = [.. "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString()), "aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj", "ak", "al", "am", "an", "ao", "ap", "aq", "ar", "as", "at", "au", "av", "aw", "ax", "ay", "az", "ba", "bb", "bc", "bd", "be", "bf", "bg", "bh", "bi", "bj"];

    public static readonly string ModelFolder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", "fallback-folds");

    private static readonly Lazy<IReadOnlyList<WriterCase>> All = new(() => [.. Batches.SelectMany(Cases)]);

    private static readonly Lazy<IReadOnlyDictionary<string, IntentModel>> Trained = new(Train);

    /// <summary>The file of batch <paramref name="batch"/> (dated 2026-12-05, 2026-12-06 or 2026-12-07).</summary>
    public static string File(string batch) =>
        Path.Combine("blind", Path.GetFileName(Directory.GetFiles(FixtureLedger.DataFile("blind"), $"understanding-2026-12-0?-{batch}.jsonl").Single()));

    public static IReadOnlyList<WriterCase> Cases(string batch) =>
        [.. OwnCases.Rows(File(batch)).Select(r => new WriterCase(batch, r))];

    public static IReadOnlyList<WriterCase> AllCases() => All.Value;

    /// <summary>Each batch's held-out model (trained without it).</summary>
    public static IReadOnlyDictionary<string, IntentModel> Models => Trained.Value;

    /// <summary>The training data of the fold that holds out <paramref name="heldOut"/> (null: every batch), as JSON lines.</summary>
    public static byte[] TrainingData(string? heldOut)
    {
        var index = new MessageUnderstanding(FixtureLedger.Organizations()).Index;
        var examples = OwnCases.Examples(OwnCases.All(), index).Concat(WriterFolds.Examples(AllCases().Where(c => c.Batch != heldOut), index));
        return Encoding.UTF8.GetBytes(string.Concat(examples.Select(e => e.ToJsonLine() + "\n")));
    }

    private static IReadOnlyDictionary<string, IntentModel> Train()
    {
        var models = new Dictionary<string, IntentModel>(StringComparer.Ordinal);
        foreach (var batch in Batches)
        {
            models[batch] = IntentModelCache.LoadOrTrain(ModelFolder, TrainingData(batch));
        }

        return models;
    }
}
