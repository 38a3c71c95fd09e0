using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Tokens;
using InstructorBot.Bot.Tests.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Voice input of round 6 (branch r6-uvoice), found by the voice grammar (<see cref="VoiceGrammar"/>), each form as a
/// class: a role said with 是 corrected by name (predicate_role_nouns), a day corrected with the act said after it, a
/// colleague's trip, a head count said as a phrase of its own (人数, 号人), a party
/// body said as the topic before the day it was set up.
/// </summary>
public sealed class VoiceRoundSixTests
{
    private const string Qinghe = "深圳市青禾文化传媒有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly Vocabulary Words = Vocabulary.Default();

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    private static string Meant(string said) => SelfCorrections.Apply(said, TokenStage.Rules, TokenStage.Entities);

    public static IEnumerable<object[]> Roles() => Words.PredicateRoleNouns.Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> Markers() => Words.CorrectionMarkers.Where(m => m.Contains('错') || m.Contains("不对", StringComparison.Ordinal)).Distinct().Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(Roles))]
    public void A_role_said_with_shi_takes_the_name_said_after_the_marker(string role) =>
        Assert.Equal($"青禾文化 {role}是行政主管杨文 党员五个", Meant($"青禾文化 {role}是墨老师 哦不对 是行政主管杨文 党员五个"));

    [Theory]
    [MemberData(nameof(Markers))]
    public void A_secretary_corrected_by_name_is_the_one_said_after(string marker)
    {
        var actions = Read($"青禾文化党支部 昨天成立了 单独建的 书记是王总 {marker} 是办公室主任李建国 党员五个");
        Assert.Contains(actions, a => a is { Kind: ActionKind.Formation, Organization: Qinghe, Secretary: "李建国", Members: 5 });
    }

    [Theory]
    [InlineData("书记是王芳 然后 哦不对 对 是李建国")]
    [InlineData("书记是王芳 不是不是 这个 是李建国")]
    public void Words_said_to_oneself_around_the_marker_change_nothing(string said) =>
        Assert.Equal("书记是李建国", Meant(said));

    [Theory]
    [InlineData("青禾文化今天 不对不对 是前天去的", "青禾文化前天去的")]
    [InlineData("青禾文化 前天去的 哦不对 是大前天去的", "青禾文化 大前天去的")]
    public void A_day_corrected_keeps_the_act_said_after_it_once(string said, string meant) =>
        Assert.Equal(meant, Meant(said));

    [Theory]
    [InlineData("青禾文化今天 不对不对 是前天去的", 8)]
    [InlineData("青禾文化 昨天 说错了 这个 是大前天去的", 7)]
    public void A_visit_said_after_a_corrected_day_is_on_the_right_day(string text, int day) =>
        Assert.Contains(Read(text), a => a is { Kind: ActionKind.Visit, Organization: Qinghe } && a.Date == new DateOnly(2026, 12, day));

    [Theory]
    [InlineData("孙磊昨天去了青禾文化 这个他自己会报")]
    [InlineData("对 刘洋前天去了青禾文化 不用我报")]
    [InlineData("嗯 陈静8号去了青禾文化")]
    public void A_colleagues_trip_is_no_visit_of_the_sender(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.Visit);

    [Fact]
    public void An_organisations_short_name_before_the_day_is_no_colleague() =>
        Assert.Contains(Read("那个青禾今天去了一下 职工三百二 党员十二个"), a => a.Kind == ActionKind.Visit);

    [Theory]
    [InlineData("张伟昨天去了青禾文化")]
    [InlineData("我和孙磊昨天去了青禾文化")]
    [InlineData("昨天和孙磊去了青禾文化")]
    public void The_senders_own_trip_with_a_colleague_stays_a_visit(string text) =>
        Assert.Contains(Read(text), a => a is { Kind: ActionKind.Visit, Organization: Qinghe });

    [Theory]
    [InlineData("青禾文化 这个月底之前把支部建起来")]
    [InlineData("青禾文化 老板说年底之前把党支部建起来")]
    public void A_deadline_ahead_is_a_plan(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind is ActionKind.Formation or ActionKind.WorkCoverage);

    [Theory]
    [InlineData("青禾文化 人数现在五十个 党员四个", 50)]
    [InlineData("昨天去了一趟青禾文化 现在八十号人 党员四个", 80)]
    [InlineData("昨天在青禾文化待了大半天 一共五十五个人 党员四个", 55)]
    [InlineData("青禾文化 昨天把工会建起来了 四十个阿姨 党员四个", 40)]
    public void A_head_count_said_as_a_phrase_of_its_own_is_the_employees(string text, int employees) =>
        Assert.Contains(Read(text), a => a is { Kind: ActionKind.OrgUpdate, Organization: Qinghe } && a.Employees == employees);

    [Theory]
    [InlineData("青禾文化党支部 昨天弄好了 单独建的 党员五个 书记是李建国")]
    [InlineData("青禾文化党支部 上周五批下来了 单独建的 党员五个 书记是李建国")]
    public void A_party_body_said_as_the_topic_before_its_day_is_formed(string text) =>
        Assert.Contains(Read(text), a => a is { Kind: ActionKind.Formation, Organization: Qinghe, Members: 5, Secretary: "李建国" });
}
