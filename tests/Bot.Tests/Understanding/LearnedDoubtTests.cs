using System.Text;
using System.Text.Json;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 13, branch r13-safety (<see cref="LearnedDoubt"/>, <see cref="DoubtFeatures"/>): the shipped weights load, a
/// record the weights give at least the threshold asks and nothing else of the reading changes, a record under it and a
/// request do not ask, and the features name what the action and its message are. None of these sentences is from a blind batch.
/// </summary>
public sealed class LearnedDoubtTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly User Zhang = FixtureLedger.Users()["u_zhang"];

    private static MessageUnderstanding With(LearnedDoubt? learned) => new(FixtureLedger.Organizations()) { Learned = learned };

    private static LearnedDoubt Weights(string json) => LearnedDoubt.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_shipped_weights_load_with_a_threshold_between_nought_and_one()
    {
        var shipped = LearnedDoubt.Shipped();
        Assert.InRange(shipped.Threshold, 0.01, 0.99);
        Assert.InRange(shipped.Probability([]), 0.0, shipped.Threshold);
    }

    [Fact]
    public void A_record_the_weights_doubt_asks_and_the_reading_is_otherwise_the_same()
    {
        const string text = "今天去了一趟青禾文化，发现两名流动党员";
        var plain = With(null).Understand(text, Zhang, Now);
        var doubted = With(Weights("""{"bias": -5, "threshold": 0.5, "weights": {"kind:member_discovery": 8}}""")).Understand(text, Zhang, Now);

        Assert.Equal(plain.Actions.Count, doubted.Actions.Count);
        Assert.All(plain.Actions.Zip(doubted.Actions), pair => Assert.Equal(pair.First with { Doubtful = false }, pair.Second with { Doubtful = false }));
        Assert.True(Assert.Single(doubted.Actions, a => a.Kind == ActionKind.MemberDiscovery).Doubtful);
        Assert.False(Assert.Single(doubted.Actions, a => a.Kind == ActionKind.Visit).Doubtful);
    }

    [Fact]
    public void A_record_under_the_threshold_and_a_request_do_not_ask()
    {
        var weights = Weights("""{"bias": -5, "threshold": 0.5, "weights": {"kind:visit": 2, "kind:progress_query": 20}}""");
        Assert.All(With(weights).Understand("今天去了一趟青禾文化", Zhang, Now).Actions, a => Assert.False(a.Doubtful));
        Assert.All(With(weights).Understand("坂田街道覆盖率多少", Zhang, Now).Actions, a => Assert.False(a.Doubtful));
    }

    [Fact]
    public void A_record_with_no_unit_is_not_doubted_since_the_conversation_asks_for_the_unit_first()
    {
        var weights = Weights("""{"bias": 5, "threshold": 0.5, "weights": {}}""");
        var visit = Assert.Single(With(weights).Understand("今天走访了", Zhang, Now).Actions);
        Assert.Null(visit.Organization);
        Assert.False(visit.Doubtful);
    }

    [Fact]
    public void The_features_name_the_kind_the_unit_the_slots_the_figures_and_the_words_around_the_unit()
    {
        var seen = new List<IReadOnlyList<string>>();
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations())
        {
            Learned = Weights("""{"bias": 0, "threshold": 2, "weights": {}}"""),
            LearnedDoubtSeen = (_, features, _) => seen.Add(features),
        };
        understanding.Understand("青禾文化员工四十五人，党员3名", Zhang, Now);

        var update = Assert.Single(seen);
        Assert.Contains("kind:org_update", update);
        Assert.Contains("unit:ledger", update);
        Assert.Contains("unit_found:mention", update);
        Assert.Contains("slot:org_update:employees", update);
        Assert.Contains("figure:employees:chinese", update);
        Assert.Contains("figure:party_members:digits", update);
        Assert.Contains("after:员工", update);
        Assert.Contains("day:today", update);
    }

    [Fact]
    public void The_shipped_weights_were_trained_without_the_held_out_batches()
    {
        // Round 23 (r23-usafe): be, bf, bg (round 22's first runs) are the held-out check of the learned doubt; weights that
        // saw them would make that check in-sample. (The shipped weights are round 13's, over a–ac and the own cases.)
        using var stream = typeof(LearnedDoubt).Assembly.GetManifestResourceStream("InstructorBot.Bot.Understanding.learned-doubt.json");
        Assert.NotNull(stream);
        var about = JsonDocument.Parse(stream).RootElement.GetProperty("about").GetString() ?? "";
        var letters = about.Split("over blind ")[1].Split([' ', ';'])[0].Split(',');
        Assert.Contains("a", letters);
        Assert.DoesNotContain("be", letters);
        Assert.DoesNotContain("bf", letters);
        Assert.DoesNotContain("bg", letters);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // Round 23 (r23-usafe): figures of a part beside 党员, units said as 站里 or 那边, hearsay and plans beside a real
        // visit. Through the CLI, first run on r23-int 380bd71: 0.600 (docs/understanding.md, round 23).
        var score = UnderstandingScorer.EvaluateFile("understanding-r23-usafe.jsonl", new MessageUnderstanding(FixtureLedger.Organizations()));
        Assert.True(score.CaseExact >= 0.55, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
