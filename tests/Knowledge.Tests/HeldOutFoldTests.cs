using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InstructorBot.Knowledge.Answering;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The own questions split by the batch they were written in (docs/knowledge.md, Measured): for each batch, the abstention
/// threshold is chosen on the other batches (the tuning split) and the batch is scored with it (the held-out split), so
/// the figure says how the answer scorer does on questions the threshold was not chosen on.
/// </summary>
public sealed class HeldOutFoldTests(ITestOutputHelper output)
{
    /// <summary>Batches by id prefix, in the order they were written.</summary>
    private static readonly string[][] Batches =
        [["o"], ["n", "x", "r"], ["m"], ["p"], ["s"], ["t"], ["v", "w", "f"], ["g", "h", "k", "j"], ["y"], ["z"], ["b"]];

    [Fact]
    public void Passes_the_own_questions_of_each_batch_with_the_threshold_chosen_on_the_other_batches()
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
        knowledge.EnsureCorpus();

        var gold = QaScorer.Load(TestFolder.Data("qa-own.jsonl"));
        var scored = gold.ToDictionary(c => c["id"]!.GetValue<string>(), c => knowledge.Asker.AskScored(c["question"]!.GetValue<string>()));
        var candidates = scored.Values.Select(s => s.Confidence).Where(c => c > 0 && c < 1).Append(AskService.CoverageThreshold).Distinct().Order().ToList();

        var heldOut = new Dictionary<string, JsonObject>();
        foreach (var batch in Batches)
        {
            var inBatch = gold.Where(c => batch.Contains(Prefix(c))).ToList();
            var tuning = gold.Where(c => !batch.Contains(Prefix(c))).ToList();
            var threshold = candidates.MaxBy(t => (Score(tuning, scored, t).PassRate, -Math.Abs(t - AskService.CoverageThreshold)));
            var result = Score(inBatch, scored, threshold);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held out {string.Join('/', batch)}: threshold {threshold:F3} (tuning pass {Score(tuning, scored, threshold).PassRate:F3}) → {result}"));
            foreach (var c in inBatch)
            {
                heldOut[c["id"]!.GetValue<string>()] = Predict(scored[c["id"]!.GetValue<string>()], threshold);
            }
        }

        var pooled = QaScorer.Score(gold, heldOut);
        output.WriteLine("pooled held-out: " + pooled);
        foreach (var failure in pooled.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(pooled.PassRate >= 0.95, pooled.ToString());
        Assert.True(pooled.AbstainAccuracy >= 0.98, pooled.ToString());
        Assert.Equal(1.0, pooled.RecommendationAccuracy);
    }

    private static string Prefix(JsonObject c) => new([.. c["id"]!.GetValue<string>().TakeWhile(char.IsAsciiLetter)]);

    private static QaScorer.Result Score(List<JsonObject> cases, Dictionary<string, (Answer Answer, double Confidence)> scored, double threshold) =>
        QaScorer.Score(cases, cases.ToDictionary(c => c["id"]!.GetValue<string>(), c => Predict(scored[c["id"]!.GetValue<string>()], threshold)));

    private static JsonObject Predict((Answer Answer, double Confidence) scored, double threshold)
    {
        var answer = scored.Confidence >= threshold ? scored.Answer : new Answer(false, AskService.NoAnswer, [], null);
        return JsonSerializer.SerializeToNode(answer, QaEvaluationTests.Json)!.AsObject();
    }
}
