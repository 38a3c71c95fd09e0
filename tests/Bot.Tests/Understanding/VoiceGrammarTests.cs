using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// The generated voice messages (<see cref="VoiceGrammar"/>) scored with score.py's rules, per frame: 300 messages a frame,
/// 2,400 in all, seed 20261205. Prints every frame's exact rate and its first failures; each frame must stay at or above
/// the floor measured after the fixes of round 6 (docs/understanding.md).
/// </summary>
public sealed class VoiceGrammarTests(ITestOutputHelper output)
{
    private const int PerFrame = 300;
    private const int Seed = 20261205;

    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    /// <summary>
    /// Floors per frame (case exact), a little under the rates after round 6's fixes (first run 2026-12-05: visit 0.713,
    /// discovery 1.000, formation 0.777, coverage 0.893, org_update 0.777, plan 0.847, others_visit 0.000, correction 0.373;
    /// all 0.672).
    /// </summary>
    private static readonly Dictionary<string, double> Floors = new()
    {
        ["visit"] = 0.94, ["discovery"] = 0.99, ["formation"] = 0.97, ["coverage"] = 0.98,
        ["org_update"] = 0.97, ["plan"] = 0.88, ["others_visit"] = 0.98, ["correction"] = 0.97,
    };

    [Fact]
    public void The_grammar_is_deterministic_and_large_enough()
    {
        var first = VoiceGrammar.Generate(PerFrame, Seed);
        var second = VoiceGrammar.Generate(PerFrame, Seed);
        Assert.True(first.Count >= 2000, $"{first.Count} messages");
        Assert.Equal(first.Select(c => c.Text), second.Select(c => c.Text));
        Assert.All(VoiceGrammar.Frames, f => Assert.Contains(first, c => c.Frame == f));
        Assert.Contains(first, c => c.Gold["actions"]!.AsArray().Count >= 3);
        Assert.True(first.Select(c => c.Text).Distinct().Count() > first.Count * 9 / 10, "messages mostly distinct");
    }

    [Fact]
    public void Every_frame_is_understood_at_or_above_its_floor()
    {
        var users = FixtureLedger.Users();
        var cases = VoiceGrammar.Generate(PerFrame, Seed);
        var below = new List<string>();
        var all = new List<(JsonObject, JsonObject)>();
        foreach (var frame in VoiceGrammar.Frames)
        {
            var rows = cases.Where(c => c.Frame == frame).Select(c =>
            {
                var result = Understanding.Understand(c.Text, users[VoiceGrammar.User], c.Now);
                return (c.Row(), UnderstandingJson.ToJson(result, c.Id));
            }).ToList();
            all.AddRange(rows);
            var score = UnderstandingScorer.Evaluate(rows);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{frame,-13} {score}"));
            foreach (var failure in score.Failures.Take(Failures))
            {
                output.WriteLine(failure);
            }

            if (score.CaseExact < Floors[frame])
            {
                below.Add(string.Create(CultureInfo.InvariantCulture, $"{frame}: {score.CaseExact:F3} < {Floors[frame]:F3}"));
            }
        }

        output.WriteLine($"all           {UnderstandingScorer.Evaluate(all)}");
        Assert.True(below.Count == 0, string.Join("\n", below));
    }

    private static int Failures => int.TryParse(Environment.GetEnvironmentVariable("VOICE_GRAMMAR_FAILURES"), out var n) ? n : 15;
}
