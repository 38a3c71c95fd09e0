using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using Xunit.Abstractions;
using Score = InstructorBot.Bot.Tests.Understanding.UnderstandingScorer.Score;

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

    /// <summary>
    /// The same messages with slips (<see cref="VoiceGrammar.WithSlips"/>: 30% of the campaign's and everyday words written
    /// with a same-sound character), read with and without the sound-alike stage (docs/understanding.md, round 7; 800
    /// messages, 341 with a slip: 0.969 clean, 0.635 with slips and no stage, 0.954 with the stage on 2026-12-05).
    /// </summary>
    [Fact]
    public void With_sound_alike_slips_the_stage_gives_back_most_of_what_they_cost()
    {
        var users = FixtureLedger.Users();
        var clean = VoiceGrammar.Generate(100, Seed);
        var slipped = VoiceGrammar.WithSlips(clean, 0.3, Seed);
        var carrying = clean.Zip(slipped).Count(p => p.First.Text != p.Second.Text);
        output.WriteLine($"{carrying} of {clean.Count} messages carry a slip");
        Assert.True(carrying > clean.Count / 3, $"{carrying} of {clean.Count} messages carry a slip");
        var without = new MessageUnderstanding(FixtureLedger.Organizations()) { SoundAlikeMerges = null };
        Score Read(IReadOnlyList<VoiceGrammar.Case> cases, MessageUnderstanding understanding) =>
            UnderstandingScorer.Evaluate([.. cases.Select(c => (c.Row(), UnderstandingJson.ToJson(understanding.Understand(c.Text, users[VoiceGrammar.User], c.Now), c.Id)))]);
        var cleanScore = Read(clean, Understanding);
        var slippedWithout = Read(slipped, without);
        var slippedWith = Read(slipped, Understanding);
        output.WriteLine($"no slips: {cleanScore}\nslips, no stage: {slippedWithout}\nslips, with the stage: {slippedWith}");
        foreach (var failure in slippedWith.Failures.Take(Failures))
        {
            output.WriteLine(failure);
        }

        Assert.True(slippedWith.CaseExact > slippedWithout.CaseExact + 0.2, $"{slippedWith} vs {slippedWithout}");
        Assert.True(slippedWith.CaseExact >= cleanScore.CaseExact - 0.03, $"{slippedWith} vs {cleanScore}");
    }

    private static int Failures => int.TryParse(Environment.GetEnvironmentVariable("VOICE_GRAMMAR_FAILURES"), out var n) ? n : 15;
}
