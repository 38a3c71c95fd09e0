using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>shared/eval/score.py's qa scoring, ported: quotes in the top-3 citations, answer phrases, abstention, recommendation fields.</summary>
public static partial class QaScorer
{
    public sealed record Result(int Cases, double PassRate, double HitAt3, double AnswerRecall, double AbstainAccuracy, double RecommendationAccuracy, IReadOnlyList<string> Failures)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"qa: cases={Cases} pass_rate={PassRate:F3} hit@3={HitAt3:F3} answer_recall={AnswerRecall:F3} abstain_acc={AbstainAccuracy:F3} recommendation_acc={RecommendationAccuracy:F3}");
    }

    public static string Norm(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var s = text.Normalize(NormalizationForm.FormKC)
            .Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'')
            .Replace('〔', '[').Replace('〕', ']').Replace('【', '[').Replace('】', ']');
        return Whitespace().Replace(s, string.Empty);
    }

    public static Result Score(IReadOnlyList<JsonObject> gold, IReadOnlyDictionary<string, JsonObject> predictions)
    {
        int passed = 0, hits = 0, hitN = 0, recallOk = 0, recallN = 0, abstainOk = 0, abstainN = 0, recOk = 0, recN = 0;
        var failures = new List<string>();
        foreach (var c in gold)
        {
            var id = c["id"]!.GetValue<string>();
            var pred = predictions.GetValueOrDefault(id) ?? [];
            var problems = new List<string>();
            var answered = pred["answered"]?.GetValue<bool>() ?? false;
            var citations = pred["citations"]?.AsArray() ?? [];
            if (!c["answered"]!.GetValue<bool>())
            {
                abstainN++;
                if (!answered && citations.Count == 0)
                {
                    abstainOk++;
                }
                else
                {
                    problems.Add("should say the documents hold no answer, with no citation; got: " + pred["answer"]);
                }
            }
            else
            {
                if (!answered)
                {
                    problems.Add("answered=false");
                }

                if (c["quote_any"] is JsonArray quoteAny && quoteAny.Count > 0)
                {
                    hitN++;
                    var quotes = citations.Take(3).Select(q => Norm(q?["quote"]?.GetValue<string>())).ToList();
                    if (quoteAny.Any(p => quotes.Any(q => q.Contains(Norm(p!.GetValue<string>()), StringComparison.Ordinal))))
                    {
                        hits++;
                    }
                    else
                    {
                        problems.Add("no top-3 citation quotes " + string.Join(" / ", quoteAny.Select(p => p!.GetValue<string>()))
                            + " | got: " + string.Join(" || ", citations.Take(3).Select(q => q?["quote"]?.GetValue<string>())));
                    }
                }

                if (c["answer_all"] is JsonArray answerAll && answerAll.Count > 0)
                {
                    recallN++;
                    var answer = Norm(pred["answer"]?.GetValue<string>());
                    var lacking = answerAll.Select(p => p!.GetValue<string>()).Where(p => !answer.Contains(Norm(p), StringComparison.Ordinal)).ToList();
                    if (lacking.Count > 0)
                    {
                        problems.Add("answer lacks " + string.Join(", ", lacking) + " | answer: " + pred["answer"]);
                    }
                    else
                    {
                        recallOk++;
                    }
                }
            }

            if (c["recommendation"] is JsonObject wanted && wanted.Count > 0)
            {
                recN++;
                var rec = pred["recommendation"] as JsonObject ?? [];
                var wrong = wanted.Where(kv => !JsonNode.DeepEquals(kv.Value, rec[kv.Key])).Select(kv => $"{kv.Key}={kv.Value?.ToJsonString()}").ToList();
                if (wrong.Count > 0)
                {
                    problems.Add($"recommendation: want {string.Join(", ", wrong)} got {rec.ToJsonString()}");
                }
                else
                {
                    recOk++;
                }
            }

            if (problems.Count > 0)
            {
                failures.Add($"{id}\t{c["question"]}\n\t" + string.Join("\n\t", problems));
            }
            else
            {
                passed++;
            }
        }

        static double R(int a, int b) => b == 0 ? 1.0 : (double)a / b;
        return new Result(gold.Count, R(passed, gold.Count), R(hits, hitN), R(recallOk, recallN), R(abstainOk, abstainN), R(recOk, recN), failures);
    }

    public static List<JsonObject> Load(string path) =>
        File.ReadLines(path, Encoding.UTF8).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
