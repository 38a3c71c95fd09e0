using InstructorBot.Bot.Tests.Understanding.Tokens;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r6-u2i (voice input dictated on the street), each as a class: every spoken filler, the speaker's self-talk
/// (我捋一下, 我数了一下) included, said between a coverage clause and the figures, or between a noun and its figure,
/// leaves the figures read; self-talk after a word that takes 我 as its object (帮我捋一下) is a request and stays; a stay
/// said with the dialect place marker 搁 (搁X那儿坐了会儿) is a visit like one said with 在; a role and 是 said again after a
/// correction marker (书记是A 不是不是 书记是B) lead the right value like 是 alone.
/// </summary>
public sealed class VoiceBatchITests
{
    private const string Hengxin = "深圳市恒信建筑工程有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 12, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly Vocabulary Words = Vocabulary.Default();

    private static UnderstandingResult Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now);

    public static IEnumerable<object[]> Fillers() => Words.SpokenFillers.Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> SelfTalk() =>
        Words.SpokenFillers.Where(w => w.StartsWith('我')).Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> PlaceMarkers() =>
        Words.VisitPlaceMarkers.Where(w => !w.Contains('从')).Distinct().Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(Fillers))]
    public void Figures_after_a_coverage_and_a_filler_are_an_update(string filler)
    {
        var result = Read($"恒信建筑今天团支部成立了 {filler} 职工是165个 党员四个");
        Assert.Contains(result.Actions, a => a.Kind == ActionKind.WorkCoverage && a.Organization == Hengxin);
        var update = Assert.Single(result.Actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal((Hengxin, 165, 4), (update.Organization, update.Employees, update.PartyMembers));
    }

    [Theory]
    [MemberData(nameof(SelfTalk))]
    public void Self_talk_between_a_noun_and_its_figure_leaves_the_figure(string talk)
    {
        var result = Read($"恒信建筑今天又去了一趟 党员{talk}是六个 还没建支部");
        Assert.Contains(result.Actions, a => a.Kind == ActionKind.Visit && a.Organization == Hengxin);
        var update = Assert.Single(result.Actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal((Hengxin, 6), (update.Organization, update.PartyMembers));
    }

    /// <summary>Self-talk with no shorter filler inside it (我跟你说 holds 跟你说, a filler anywhere).</summary>
    public static IEnumerable<object[]> SelfTalkAlone() =>
        Words.SpokenFillers.Where(w => w.StartsWith('我') && !Words.SpokenFillers.Any(o => o != w && w.Contains(o, StringComparison.Ordinal)))
            .Distinct().Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(SelfTalkAlone))]
    public void Self_talk_after_a_word_taking_me_as_object_stays(string talk)
    {
        var text = $"帮{talk}这周的情况";
        Assert.Equal(text, SpokenFillers.Remove(text, new KeywordSet(Words.SpokenFillers), []));
    }

    [Theory]
    [MemberData(nameof(PlaceMarkers))]
    public void A_stay_at_a_unit_said_with_a_place_marker_is_a_visit(string marker)
    {
        foreach (var there in (string[])["那儿", "那边", ""])
        {
            var result = Read($"今儿上午{marker}恒信建筑{there}坐了会儿 他们现在职工是五十二个 党员还是就一个");
            Assert.Contains(result.Actions, a => a.Kind == ActionKind.Visit && a.Organization == Hengxin);
            var update = Assert.Single(result.Actions, a => a.Kind == ActionKind.OrgUpdate);
            Assert.Equal((52, 1), (update.Employees, update.PartyMembers));
        }
    }

    public static IEnumerable<object[]> RolesAndMarkers() =>
        from role in Words.PredicateRoleNouns.Distinct()
        from marker in Words.CorrectionMarkers.Where(m => m.Contains('对') || m.Contains("不是", StringComparison.Ordinal)).Distinct()
        select new object[] { role, marker };

    [Theory]
    [MemberData(nameof(RolesAndMarkers))]
    public void A_role_said_again_after_a_correction_leads_the_right_value(string role, string marker)
    {
        var meant = SelfCorrections.Apply($"云启科技今天把党支部建起来了 {role}是郑云飞 {marker} {role}是周海涛 老板挺支持", TokenStage.Rules, TokenStage.Entities);
        Assert.Equal($"云启科技今天把党支部建起来了 {role}是周海涛 老板挺支持", meant);
    }

    [Fact]
    public void Another_role_after_a_correction_replaces_nothing()
    {
        var said = "云启科技今天把党支部建起来了 书记是郑云飞 不对 联系人是周海涛";
        Assert.DoesNotContain("书记是周海涛", SelfCorrections.Apply(said, TokenStage.Rules, TokenStage.Entities), StringComparison.Ordinal);
    }

    [Fact]
    public void The_secretary_corrected_with_the_role_said_again_is_the_right_one()
    {
        var result = Read("云启科技今天把党支部整起来了 单独建的 七个党员 书记是郑云飞 不是不是 我捋一下 书记是周海涛 郑总是老板");
        var formation = Assert.Single(result.Actions);
        Assert.Equal(("周海涛", 7), (formation.Secretary, formation.Members));
    }
}
