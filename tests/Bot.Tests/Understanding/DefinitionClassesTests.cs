using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 12, branch r12-ucats: what new writers said by its parts rather than its term, each read as a class over units and
/// variants it was not written from (docs/understanding.md, round 12): a member category by its definition (the papers and
/// where they sit: 揣在兜里 → pocket, 在湖北老家 → flowing; 预备期, 没转正 → probationary; not declared → hidden), a figure
/// corrected about an earlier report (上回报错了 不是三个 是四个), a unit the ledger lacks brought in by 有个/有家, a name told
/// by its characters (立早章的章丽, 三点水的汪刚), and two figures said the wrong way round (说反了).
/// </summary>
public sealed class DefinitionClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 17, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Short name and ledger name.</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "顺达快递", "深圳市顺达快递服务有限公司" },
        { "优品超市", "深圳市优品连锁超市有限公司" },
        { "书画家协会", "深圳市龙岗区书画家协会" },
        { "明德学校", "深圳市龙华区明德实验学校" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static MemberCategories? Found(string text, string name) =>
        Assert.Single(Read(text), a => a.Kind == ActionKind.MemberDiscovery && a.Organization == name).Categories;

    [Theory]
    [MemberData(nameof(Units))]
    public void Papers_held_by_the_member_are_a_pocket_member(string unit, string name)
    {
        Assert.Equal(1, Found($"{unit}今天排查出一个党员 他的组织关系一直攥在自己手里", name)?.Pocket);
        Assert.Equal(2, Found($"{unit}又找到两个党员 介绍信都还揣在身上", name)?.Pocket);
        Assert.Equal(1, Found($"{unit}发现了一名党员，党员档案一直自己拿着没交", name)?.Pocket);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Papers_sitting_elsewhere_are_a_flowing_member(string unit, string name)
    {
        Assert.Equal(2, Found($"{unit}今天发现两个党员 都是外省来的 组织关系都在甘肃老家", name)?.Flowing);
        Assert.Equal(1, Found($"{unit}排查出一个党员，关系挂在原籍那边", name)?.Flowing);
        Assert.Equal(1, Found($"{unit}又找到一个党员 人在这边上班 组织关系落在外地", name)?.Flowing);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void The_term_said_wins_over_a_description_and_other_words_name_no_category(string unit, string name)
    {
        var pocket = Found($"{unit}发现一个口袋党员 关系还在老家", name);
        Assert.Equal((1, 0), (pocket?.Pocket, pocket?.Flowing));
        Assert.Null(Found($"{unit}发现一名党员 组织关系已经转过来了", name));
        Assert.Equal(0, Found($"{unit}发现一名党员 跟老板关系不错 老家是湖南的", name)?.Flowing ?? 0);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_member_in_probation_is_probationary_and_not_declared_is_hidden(string unit, string name)
    {
        Assert.Equal(1, Found($"{unit}发现一名党员 还在预备期", name)?.Probationary);
        var probation = Found($"{unit}发现一名党员 今年刚入的党 还没转正", name);
        Assert.Equal((1, 0), (probation?.Probationary, probation?.Pocket ?? 0));
        Assert.Equal(1, Found($"{unit}又找到一个党员 以前从没跟同事说过自己是党员", name)?.Hidden);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Two_figures_said_the_wrong_way_round_are_swapped(string unit, string name)
    {
        var swapped = Found($"{unit}今天排查出三个党员 两个口袋的一个隐形的 我说反了", name);
        Assert.Equal((1, 2), (swapped?.Pocket, swapped?.Hidden));
        var restated = Found($"{unit}今天排查出三个党员 两个口袋的一个隐形的 不对 弄反了 是一个口袋两个隐形", name);
        Assert.Equal((1, 2), (restated?.Pocket, restated?.Hidden));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_figure_corrected_about_an_earlier_report_is_the_figure_now(string unit, string name)
    {
        Assert.Contains(Read($"{unit}的党员数我上次报错了 不是三个 是五个"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 5 } && a.Organization == name);
        Assert.Contains(Read($"{unit}的职工人数上回说的是八十，实际是九十二"), a => a is { Kind: ActionKind.OrgUpdate, Employees: 92 } && a.Organization == name);
        Assert.Contains(Read($"上次跟你说{unit}有四个党员 说错了 是六个"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 6 } && a.Organization == name);
        Assert.Contains(Read($"{unit}月初报的职工数不对，应该是一百一十个"), a => a is { Kind: ActionKind.OrgUpdate, Employees: 110 } && a.Organization == name);
        Assert.DoesNotContain(Read($"{unit}的党员数我上次报错了 不是三个 是五个"), a => a.Kind == ActionKind.Undo);
        Assert.Contains(Read($"{unit}的党员人数跟上次报的一样，还是五个"), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 5 } && a.Organization == name);
    }

    [Theory]
    [InlineData("有个", "宏达电器厂")]
    [InlineData("有家", "新华印刷厂")]
    [InlineData("还有个", "鑫源塑胶厂")]
    [InlineData("有所", "育才培训学校")]
    public void A_unit_brought_in_by_an_introducer_is_named_when_it_has_a_units_shape(string introducer, string unit)
    {
        Assert.Contains(Read($"龙城那边{introducer}{unit} 今天去看了", "u_sun"), a => a.Kind == ActionKind.Visit && a.Organization == unit);
        Assert.Contains(Read($"爱联{introducer}{unit}，今天排查出两名党员", "u_sun"), a => a is { Kind: ActionKind.MemberDiscovery, Count: 2 } && a.Organization == unit);
        Assert.Contains(Read($"坂田{introducer}做包装的小厂 今天去看了"), a => a.Kind == ActionKind.Visit && a.Organization is null);
    }

    [Theory]
    [InlineData("书记叫章敏 不对 是弓长张的张敏", "张敏")]
    [InlineData("书记叫程亮 说错了 是耳东陈的陈亮", "陈亮")]
    [InlineData("书记是胡军 不对 是口天吴的吴军", "吴军")]
    [InlineData("书记王芳 更正一下 是三点水的汪芳", "汪芳")]
    [InlineData("书记是木子李的李强", "李强")]
    [InlineData("书记是立早章的章立新", "章立新")]
    public void A_name_told_by_its_characters_is_the_name(string said, string secretary)
    {
        foreach (var (unit, name) in new[] { ("青禾文化", "深圳市青禾文化传媒有限公司"), ("安捷电子", "深圳市安捷电子有限公司") })
        {
            var formation = Assert.Single(Read($"{unit}今天成立了党支部 四个党员 {said}"), a => a.Kind == ActionKind.Formation);
            Assert.Equal((name, secretary), (formation.Organization, formation.Secretary));
        }
    }

    [Fact]
    public void A_word_ending_as_the_next_begins_is_no_gloss()
    {
        Assert.Contains("连锁店的店长", Understanding.Prepared("优品超市那家连锁店的店长说员工里有个流动党员", Now), StringComparison.Ordinal);
        Assert.Contains("书记是章丽", Understanding.Prepared("书记是立早章的章丽", Now), StringComparison.Ordinal);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r12-ucats.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.8, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
