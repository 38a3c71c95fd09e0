using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>shared/eval/score.py's understanding rules in C#: only gold fields compared, <c>missing</c> exactly.</summary>
internal static partial class UnderstandingScorer
{
    public sealed record Score(int Cases, int Exact, double KindF1, double FieldAccuracy, IReadOnlyList<string> Failures)
    {
        public double CaseExact => Cases == 0 ? 1 : (double)Exact / Cases;

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"cases={Cases} case_exact={CaseExact:F3} kind_f1={KindF1:F3} field_acc={FieldAccuracy:F3}");
    }

    /// <summary>Reads every case of a file in tests/data through <paramref name="understanding"/> and scores it.</summary>
    public static Score EvaluateFile(string file, MessageUnderstanding understanding)
    {
        var rows = new List<(JsonObject, JsonObject)>();
        foreach (var line in File.ReadAllLines(FixtureLedger.DataFile(file)).Where(l => l.Trim().Length > 0))
        {
            var row = JsonNode.Parse(line)!.AsObject();
            var now = DateTimeOffset.Parse((string)row["now"]!, CultureInfo.InvariantCulture);
            var result = understanding.Understand((string)row["text"]!, FixtureLedger.Users()[(string)row["user"]!], now);
            rows.Add((row, UnderstandingJson.ToJson(result, (string?)row["id"])));
        }

        return Evaluate(rows);
    }

    public static Score Evaluate(IReadOnlyList<(JsonObject Case, JsonObject Prediction)> rows)
    {
        int tp = 0, fp = 0, fn = 0, total = 0, right = 0, exact = 0;
        var failures = new List<string>();
        foreach (var (row, prediction) in rows)
        {
            var gold = row["gold"]!.AsObject();
            var problems = new List<string>();
            var goldActions = gold["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
            var predicted = (prediction["actions"]?.AsArray() ?? []).Select(a => a!.AsObject()).ToList();
            var free = Enumerable.Range(0, predicted.Count).ToList();
            foreach (var g in goldActions)
            {
                var kind = (string?)g["kind"];
                int? pick = free.Where(i => (string?)predicted[i]["kind"] == kind && Norm(Str(predicted[i]["organization"])) == Norm(Str(g["organization"])))
                    .Select(i => (int?)i).FirstOrDefault()
                    ?? free.Where(i => (string?)predicted[i]["kind"] == kind).Select(i => (int?)i).FirstOrDefault();
                JsonObject? p = null;
                if (pick is { } chosen)
                {
                    free.Remove(chosen);
                    p = predicted[chosen];
                    tp++;
                }
                else
                {
                    fn++;
                    problems.Add($"missing action {kind}");
                }

                foreach (var (field, value) in g)
                {
                    if (field == "kind")
                    {
                        continue;
                    }

                    total++;
                    var got = p?[field];
                    if (p is not null && Same(field, value, got))
                    {
                        right++;
                    }
                    else if (p is not null)
                    {
                        problems.Add($"{kind}.{field}: want {Show(value)} got {Show(got)}");
                    }
                }
            }

            foreach (var i in free)
            {
                fp++;
                problems.Add($"extra action {(string?)predicted[i]["kind"]} ({Str(predicted[i]["organization"])})");
            }

            var wantMissing = (gold["missing"]?.AsArray() ?? []).Select(m => (string?)m).Order().ToList();
            var gotMissing = (prediction["missing"]?.AsArray() ?? []).Select(m => (string?)m).Order().ToList();
            if (!wantMissing.SequenceEqual(gotMissing))
            {
                problems.Add($"missing: want [{string.Join(",", wantMissing)}] got [{string.Join(",", gotMissing)}]");
            }

            if (problems.Count > 0)
            {
                failures.Add($"{(string?)row["id"]}\t{(string?)row["text"]}\n\t{string.Join("\n\t", problems)}");
            }
            else
            {
                exact++;
            }
        }

        var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(rows.Count, exact, f1, total == 0 ? 1 : (double)right / total, failures);
    }

    private static bool Same(string field, JsonNode? gold, JsonNode? predicted)
    {
        if (field == "categories")
        {
            static Dictionary<string, string> NonZero(JsonNode? node) =>
                (node as JsonObject ?? []).Where(p => p.Value is not null && p.Value.ToJsonString() is not ("0" or "null" or "false"))
                    .ToDictionary(p => p.Key, p => p.Value!.ToJsonString());
            var g = NonZero(gold);
            var p = NonZero(predicted);
            return g.Count == p.Count && g.All(kv => p.TryGetValue(kv.Key, out var v) && v == kv.Value);
        }

        if (field == "units")
        {
            static List<string?> Units(JsonNode? node) => [.. (node as JsonArray ?? []).Select(u => Norm(Str(u))).Order()];
            return Units(gold).SequenceEqual(Units(predicted));
        }

        if (IsString(gold) || IsString(predicted))
        {
            return Norm(Str(gold)) == Norm(Str(predicted));
        }

        return JsonNode.DeepEquals(gold, predicted);
    }

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out _);

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    private static string Show(JsonNode? node) => node?.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    }) ?? "null";

    public static string? Norm(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC)
            .Replace('“', '"').Replace('”', '"').Replace('‘', '\'').Replace('’', '\'')
            .Replace('〔', '[').Replace('〕', ']').Replace('【', '[').Replace('】', ']');
        return Whitespace().Replace(normalized, "");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
