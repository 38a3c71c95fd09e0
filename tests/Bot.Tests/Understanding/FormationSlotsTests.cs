using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 18, branch r18-uform: a formation's slots said as written reports say them (docs/understanding.md, round 18). A
/// secretary elected (选举X同志为支部书记); units' own figures (in brackets after each unit, 各有) are not the body's members
/// and record nothing; a people figure said as a clause of its own counts a functional or joint body's members; 几 before
/// a total is "several"; the form a unit had (原来…联合建的支部, then a change) is no setting up; the body set up under a host
/// names the level; a unit that sends help (X派…) is no unit of the body; units listed after 跟/加上 and a newcomer's word;
/// members described before their category (那5个关系在外地的流动党员); 我 + a formation verb in a progress question; a time
/// before 街道/区 names no scope; units summed up by a count before a helping word (A、B两家派驻帮建) are the units helped.
/// Units and names other than the evidence's and the branch batch's, with controls.
/// </summary>
public sealed class FormationSlotsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 18, 17, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Short name and ledger name (none of them used by the branch batch's formations).</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "智联物流", "深圳市智联物流有限公司" },
        { "青禾文化", "深圳市青禾文化传媒有限公司" },
        { "安捷电子", "深圳市安捷电子有限公司" },
        { "电商协会", "深圳市龙岗区电子商务协会" },
    };

    private static UnderstandingResult Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now);

    private static UnderstoodAction Formation(string text) => Assert.Single(Read(text).Actions, a => a.Kind == ActionKind.Formation);

    [Theory]
    [InlineData("马建军")]
    [InlineData("郑丽华")]
    public void A_secretary_elected_is_the_person_between_the_verb_and_the_post(string name)
    {
        Assert.Equal(name, Formation($"智联物流今天召开党员大会，单独成立了党支部，选举{name}同志为支部书记").Secretary);
        Assert.Equal(name, Formation($"智联物流今天单独成立了党支部，选举{name}为书记").Secretary);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Figures_said_of_each_unit_are_not_the_bodys_members_and_record_nothing(string unit, string name)
    {
        var result = Read($"{unit}（党员1名）与宏图贸易（党员2名）今天片区联建成立了联合党支部，共有党员3名");
        var formation = Assert.Single(result.Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal(3, formation.Members);
        Assert.Equal([name, "深圳市宏图贸易有限公司"], formation.Units);
        Assert.DoesNotContain(result.Actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(2, Formation($"{unit}和宏图贸易各有1个党员，今天联合成立了党支部，一共2名党员").Members);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_people_figure_said_alone_counts_a_functional_bodys_members(string unit, string name)
    {
        var result = Read($"{unit}今天成立了功能型党支部，专门管那些关系不在这里的党员，6个人，书记王海");
        var formation = Assert.Single(result.Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal((name, 6, "王海"), (formation.Organization, formation.Members, formation.Secretary));
        Assert.DoesNotContain(result.Actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Null(Formation($"{unit}今天单独成立了党支部，一共80个人").Members); // a single body's people figure is its staff
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Several_before_a_total_asks_nothing(string unit, string name)
    {
        var formation = Formation($"{unit}的功能型党支部今天成立了。有几个退休的同志，加上几个驻会干部，一共7名党员。书记刘强");
        Assert.Equal((name, 7, "刘强"), (formation.Organization, formation.Members, formation.Secretary));
        Assert.Equal(ActionKind.ProgressQuery, Assert.Single(Read("这个月全区成立了几个党支部？一共多少名党员？").Actions).Kind);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_form_a_unit_had_is_no_setting_up_when_a_change_is_told(string unit, string name)
    {
        var formation = Formation($"{unit}以前跟另外两家小公司联合建的支部，今天从联合支部里分出来，单独成立了党支部");
        Assert.Equal((name, FormationMethod.Single), (formation.Organization, formation.Method));
        Assert.Equal(FormationMethod.Joint, Formation($"{unit}和宏图贸易今天联合建了支部").Method); // control: no former state
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_body_set_up_under_a_host_names_the_level(string unit, string name)
    {
        var formation = Formation($"{unit}跟宏图贸易 俩都挂靠到五和社区党委 成立了联合党支部");
        Assert.Equal((name, PartyOrganizationLevel.Branch, JointMode.Affiliated), (formation.Organization, formation.Level, formation.JointMode));
        Assert.Equal([name, "深圳市宏图贸易有限公司"], formation.Units);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_unit_that_sends_help_is_no_unit_of_the_body(string unit, string name)
    {
        var formation = Formation($"{unit}派了两个党员过去帮宏图贸易 派驻帮建 联合党支部今天成立了");
        Assert.Equal("深圳市宏图贸易有限公司", formation.Organization);
        Assert.DoesNotContain(name, formation.Units ?? []);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Units_summed_up_by_a_count_before_a_helping_word_are_the_units_helped(string unit, string name)
    {
        var formation = Formation($"{unit}、宏图贸易两家派驻帮建，联合党支部今天成立");
        Assert.Equal([name, "深圳市宏图贸易有限公司"], formation.Units);
        Assert.Equal(JointMode.Dispatched, formation.JointMode);
    }

    [Theory]
    [InlineData("丰源食品")]
    [InlineData("乐童动漫")]
    public void A_unit_listed_after_jia_shang_and_a_newcomers_word_is_a_unit(string other) =>
        Assert.Equal(["深圳市智联物流有限公司", other], Formation($"智联物流加上楼里新搬来的{other}，挂靠恒信建筑支部建了联合支部").Units);

    [Theory]
    [MemberData(nameof(Units))]
    public void Members_described_before_their_category_are_the_bodys(string unit, string name)
    {
        var formation = Formation($"{unit}那3个组织关系都在老家的流动党员，今天一起建了功能型党支部");
        Assert.Equal((name, 3), (formation.Organization, formation.Members));
    }

    [Fact]
    public void A_progress_question_of_my_formations_names_me_and_a_time_before_jiedao_names_no_scope()
    {
        Assert.Equal("张伟", Assert.Single(Read("这个月我建了几个支部").Actions).Person);
        Assert.Null(Assert.Single(Read("我们社区现在覆盖率多少 上午街道开会要用").Actions).Scope);
        Assert.Equal("坂田街道", Assert.Single(Read("坂田街道现在覆盖率多少").Actions).Scope); // control
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r18-uform.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.92, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
