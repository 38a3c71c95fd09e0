using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// The measure of the learned doubt, held out (<c>Understanding__Doubts__HoldOut=1</c> with <c>understand --batch</c>): the
/// intent probabilities the doubt reads come from a model trained on the shipped examples without the batch's own lines,
/// as a new writer's messages meet a model that never saw them. The shipped file holds every blind batch's messages, so its
/// model's probabilities on them are in-sample. The reading itself (rules and second opinion) is unchanged. The model is
/// cached by its training data's hash, in the folder the fold tests use (<c>FallbackFolds</c>), so a fold already trained
/// there is loaded.
/// </summary>
internal static class LearnedDoubtHoldOut
{
    public static Func<string, OrganizationIndex, IntentScores>? Scores(IEnumerable<string> texts, TextWriter error)
    {
        if (Environment.GetEnvironmentVariable("Understanding__Doubts__HoldOut") is not ("1" or "true" or "True"))
        {
            return null;
        }

        var batch = texts.ToList();
        IntentModel? model = null;
        var loading = new Lock();
        return (normalized, index) =>
        {
            lock (loading)
            {
                model ??= Train(batch, index, error);
            }

            return model.Score(IntentText.Prepare(normalized, index));
        };
    }

    private static IntentModel Train(List<string> batch, OrganizationIndex index, TextWriter error)
    {
        var prepared = batch.Select(t => IntentText.Prepare(TextNormalizer.Normalize(t), index)).ToList();
        var lines = Encoding.UTF8.GetString(IntentExample.ShippedBytes()).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var texts = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? "").ToList();
        var start = Enumerable.Range(0, Math.Max(0, texts.Count - prepared.Count + 1))
            .FirstOrDefault(i => prepared.Select((p, k) => texts[i + k] == p).All(same => same), -1);
        List<string> kept;
        if (start >= 0)
        {
            kept = [.. lines.Take(start), .. lines.Skip(start + prepared.Count)];
        }
        else
        {
            // Not one block (a batch the file does not hold whole): every line of one of its texts out.
            var held = prepared.ToHashSet(StringComparer.Ordinal);
            kept = [.. lines.Where((l, i) => !held.Contains(texts[i]))];
        }

        error.WriteLine($"learned-doubt hold-out: {lines.Count - kept.Count} of {lines.Count} intent examples held out (block: {start >= 0})");
        var folder = Environment.GetEnvironmentVariable("Understanding__Doubts__HoldOutFolder") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "instructorbot-tests", "fallback-folds");
        return IntentModelCache.LoadOrTrain(folder, Encoding.UTF8.GetBytes(string.Concat(kept.Select(l => l + "\n"))), message => error.WriteLine(message));
    }
}
