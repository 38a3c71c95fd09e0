using System.Text;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 14, branch r14-ufilter (<see cref="ActionFilter"/>, <see cref="ClauseFeatures"/>): the shipped weights load, a
/// record the weights give at least the drop threshold is dropped and the rest of the reading is unchanged, a request is
/// never dropped, and the clause features name the markers, the subject and the clause's words. None of these sentences is
/// from a blind batch.
/// </summary>
public sealed class ActionFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 18, 0, 0, TimeSpan.FromHours(8));
    private static readonly User Zhang = FixtureLedger.Users()["u_zhang"];

    private static MessageUnderstanding With(ActionFilter? filter) => new(FixtureLedger.Organizations()) { Filter = filter };

    private static ActionFilter Weights(string json) => ActionFilter.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_shipped_weights_load_and_an_empty_action_is_kept()
    {
        var shipped = ActionFilter.Shipped();
        Assert.True(shipped.Drop > 0.5);
        Assert.False(shipped.Drops([]));
    }

    [Fact]
    public void A_record_the_weights_drop_is_gone_and_the_rest_is_the_same()
    {
        const string text = "今天去了一趟青禾文化，发现两名流动党员";
        var plain = With(null).Understand(text, Zhang, Now);
        var filtered = With(Weights("""{"bias": -5, "drop": 0.9, "weights": {"kind:member_discovery": 10}}""")).Understand(text, Zhang, Now);

        Assert.Contains(plain.Actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.DoesNotContain(filtered.Actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal(plain.Actions.Where(a => a.Kind != ActionKind.MemberDiscovery).Select(a => a with { Doubtful = false }),
            filtered.Actions.Select(a => a with { Doubtful = false }));
    }

    [Fact]
    public void A_request_is_never_dropped_and_a_drop_above_one_drops_nothing()
    {
        var all = Weights("""{"bias": 10, "drop": 0.5, "weights": {}}""");
        Assert.NotEmpty(With(all).Understand("坂田街道覆盖率多少", Zhang, Now).Actions);
        var none = Weights("""{"bias": 10, "drop": 2, "weights": {}}""");
        Assert.Equal(2, With(none).Understand("今天去了一趟青禾文化，发现两名流动党员", Zhang, Now).Actions.Count);
    }

    [Fact]
    public void The_clause_features_name_the_markers_the_subject_and_the_words_without_the_units_name()
    {
        var seen = new List<IReadOnlyList<string>>();
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations())
        {
            Filter = null,
            LearnedDoubtSeen = (_, features, _) => seen.Add(features),
        };
        understanding.Understand("我们上周去了青禾文化，他们说明年打算建支部", Zhang, Now);

        var visit = Assert.Single(seen);
        Assert.Contains("cl:m:去了", visit);
        Assert.Contains("cl:km:visit:去了", visit);
        Assert.Contains("msg:km:visit:打算", visit);
        Assert.Contains("nx:km:visit:明年", visit);
        Assert.Contains("cl:subj:我", visit);
        Assert.Contains("cl:first", visit);
        Assert.Contains("cl:bi:上周", visit);
        Assert.DoesNotContain("cl:bi:青禾", visit);
    }
}
