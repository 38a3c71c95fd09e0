using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Scores the understanding over the case files with score.py's rules and prints the score and every failing case.</summary>
public sealed class UnderstandingCaseTests(ITestOutputHelper output)
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly IReadOnlyDictionary<string, InstructorBot.Store.Domain.User> Users = FixtureLedger.Users();

    [Fact]
    public void Understands_the_development_cases_at_least_nine_in_ten_exactly() =>
        AssertScore("understanding-dev.jsonl", 0.90);

    [Fact]
    public void Understands_our_own_cases_at_least_nine_in_ten_exactly() =>
        AssertScore("understanding-own.jsonl", 0.90);

    private void AssertScore(string file, double threshold)
    {
        var rows = new List<(JsonObject, JsonObject)>();
        foreach (var line in File.ReadAllLines(FixtureLedger.DataFile(file)).Where(l => l.Trim().Length > 0))
        {
            var row = JsonNode.Parse(line)!.AsObject();
            var user = Users[(string)row["user"]!];
            var now = DateTimeOffset.Parse((string)row["now"]!, System.Globalization.CultureInfo.InvariantCulture);
            var result = Understanding.Understand((string)row["text"]!, user, now);
            rows.Add((row, UnderstandingJson.ToJson(result, (string?)row["id"])));
        }

        var score = UnderstandingScorer.Evaluate(rows);
        output.WriteLine($"{file}: {score}");
        foreach (var failure in score.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(score.CaseExact >= threshold, $"{file}: {score}\n{string.Join("\n", score.Failures)}");
    }
}
