using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 11, branch r11-uforms: the constructions the writers of blind batches u, v, w used, each read as a class over units
/// and variants it was not written from (docs/understanding.md, round 11): the day before (头天/头一天/前一天), verbs of taking
/// on a pairing (认领, 接手, 来包, 一对一帮着), members coming out (主动报到, 表明身份, 亮了身份), a branch leaving a joint branch
/// (单独出来, 拆出来) and upgrading (升格成), elections finished (选举结束, 选出书记, 书记选出来了), a secretary whose name holds a
/// unit's short name, units listed with a count word and 没啥 (nothing new, no question), a worker's words (X说…).
/// </summary>
public sealed class ConstructionClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 17, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 12, 10);

    /// <summary>Short name, ledger name and a secretary's name that holds the short name.</summary>
    public static readonly TheoryData<string, string, string> Units = new()
    {
        { "青禾文化", "深圳市青禾文化传媒有限公司", "林青禾" },
        { "安捷电子", "深圳市安捷电子有限公司", "何安捷" },
        { "德润物业", "深圳市德润物业管理有限公司", "罗德润" },
        { "瑞康医疗", "深圳市瑞康医疗器械有限公司", "李瑞康" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    [Theory]
    [InlineData("头天")]
    [InlineData("头一天")]
    [InlineData("前一天")]
    public void The_day_before_is_the_day_before_the_day_just_said_or_yesterday(string word)
    {
        Assert.Equal(Today.AddDays(-1), Assert.Single(DateExpressions.Find($"{word}去了趟青禾文化", Today)).Date);
        Assert.Equal(new DateOnly(2026, 12, 6), DateExpressions.Find($"12月7日安捷电子成立了工会，{word}我去过", Today)[^1].Date);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_visit_the_day_before_is_yesterdays(string unit, string name, string person)
    {
        _ = person;
        var visit = Assert.Single(Read($"头天去了趟{unit} 他们现在六十个人"), a => a.Kind == ActionKind.Visit);
        Assert.Equal((name, (DateOnly?)Today.AddDays(-1)), (visit.Organization, visit.Date));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Taking_on_a_pairing_is_a_pairing(string unit, string name, string person)
    {
        _ = person;
        foreach (var text in (string[])[$"{unit}这家我认领了", $"{unit}的一对一帮扶组建我接手了", $"{unit}我来包，争取月底前把支部建起来", $"{unit}由我一对一帮着组建党组织"])
        {
            Assert.Contains(Read(text, "u_li"), a => a is { Kind: ActionKind.Pairing, Secretary: "李娜" } && a.Organization == name);
        }

        Assert.Contains(Read($"罗岗社区李娜书记这回认领了{unit}，一对一帮着组建", "u_wang"), a => a is { Kind: ActionKind.Pairing, Secretary: "李娜" } && a.Organization == name);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Members_coming_out_are_members_found(string unit, string name, string person)
    {
        _ = person;
        Assert.Contains(Read($"{unit}今天有个党员主动报到了"), a => a is { Kind: ActionKind.MemberDiscovery, Count: 1 } && a.Organization == name);
        Assert.Contains(Read($"{unit}今天有两个工人表明了党员身份"), a => a is { Kind: ActionKind.MemberDiscovery, Count: 2 } && a.Organization == name);
        Assert.Contains(Read($"{unit}有个会计今天亮明身份了 是口袋党员"), a => a is { Kind: ActionKind.MemberDiscovery, Count: 1, Categories.Pocket: 1 } && a.Organization == name);
        Assert.DoesNotContain(Read($"{unit}的车间主任说愿意带头亮身份"), a => a.Kind == ActionKind.MemberDiscovery);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_branch_leaving_a_joint_branch_or_upgraded_is_its_own_formation(string unit, string name, string person)
    {
        var left = Assert.Single(Read($"{unit}从联合支部里单独出来了，今天成立了自己的党支部，书记{person}"), a => a.Kind == ActionKind.Formation);
        Assert.Equal((name, FormationMethod.Single, person), (left.Organization, left.Method, left.Secretary));
        var split = Assert.Single(Read($"{unit}从联合党支部里拆出来了今天单独成立的党支部书记是{person}"), a => a.Kind == ActionKind.Formation);
        Assert.Equal((name, FormationMethod.Single), (split.Organization, split.Method));
        var upgraded = Assert.Single(Read($"{unit}的党支部今天升格成党总支了"), a => a.Kind == ActionKind.Formation);
        Assert.Equal((name, PartyOrganizationLevel.GeneralBranch), (upgraded.Organization, upgraded.Level));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void An_election_finished_is_the_formation_and_its_secretary(string unit, string name, string person)
    {
        _ = person;
        foreach (var text in (string[])[$"{unit}党支部今天选举结束，书记王建国", $"{unit}的支部今天选出书记了 叫王建国", $"{unit}的支部书记选出来了，是人事经理王建国",
            $"{unit}昨天开党员大会选出了书记 是总经理助理王建国"])
        {
            var formation = Assert.Single(Read(text), a => a.Kind == ActionKind.Formation);
            Assert.Equal((name, "王建国"), (formation.Organization, formation.Secretary));
        }

        Assert.DoesNotContain(Read($"{unit}党支部今天换届选举结束了"), a => a.Kind == ActionKind.Formation);
    }

    [Fact]
    public void Units_listed_with_a_count_word_and_nothing_new_are_visits_not_a_question()
    {
        foreach (var (text, count) in (ValueTuple<string, int>[])[("今天把青禾文化安捷电子瑞康医疗这仨都跑了一遍 都没啥新情况", 3), ("昨天把德润物业安捷电子两家都走了一遍 没什么新情况", 2), ("这周一跑了青禾文化德润物业两家，没啥变化", 2)])
        {
            var actions = Read(text);
            Assert.Equal(count, actions.Count(a => a.Kind == ActionKind.Visit));
            Assert.DoesNotContain(actions, a => a.Kind == ActionKind.PolicyQuestion);
        }
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_workers_words_are_the_units_figures(string unit, string name, string person)
    {
        _ = person;
        Assert.Contains(Read($"{unit}的人事说公司现在120人 党员四个"), a => a is { Kind: ActionKind.OrgUpdate, Employees: 120, PartyMembers: 4 } && a.Organization == name);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r11-uforms.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.9, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
