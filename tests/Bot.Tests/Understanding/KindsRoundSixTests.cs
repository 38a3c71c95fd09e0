using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r6-ukinds, each as a class: places the ledger names (districts, streets, communities, parks) are never unit names
/// and may stand between a motion or stay marker and the unit, named or not; unnamed units described by a relative clause;
/// a unit's part (项目部, 车间) is the unit; completion verbs said as an approval; a unit split out of a joint body with no
/// verb after it; a list of the units a progress figure counts asked with list words only; a count of scopes names none.
/// </summary>
public sealed class KindsRoundSixTests
{
    private const string Hengxin = "深圳市恒信建筑工程有限公司";
    private const string Derun = "深圳市德润物业管理有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 12, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly Vocabulary Words = Vocabulary.Default();

    private static UnderstandingResult Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now);

    public static IEnumerable<object[]> Parks() =>
        FixtureLedger.Organizations().Select(o => o.Park).OfType<string>().Distinct().Select(p => new object[] { p });

    public static IEnumerable<object[]> Communities() =>
        FixtureLedger.Organizations().Select(o => o.Community).OfType<string>().Distinct().Take(6).Select(c => new object[] { c });

    public static IEnumerable<object[]> UnitPartNouns() => Words.UnitPartNouns.Distinct().Select(w => new object[] { w });

    public static IEnumerable<object[]> CompletionVerbs() => Words.CompletionVerbs.Distinct().Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(Parks))]
    public void A_park_before_an_unnamed_unit_names_no_unit(string park)
    {
        var result = Read($"{park}里一个做游戏的工作室 昨天新排查出两个口袋党员");
        var found = Assert.Single(result.Actions);
        Assert.Equal((ActionKind.MemberDiscovery, null, 2), (found.Kind, found.Organization, found.Count));
        Assert.Equal(new[] { "organization" }, result.Missing);
    }

    [Theory]
    [MemberData(nameof(Parks))]
    [MemberData(nameof(Communities))]
    public void Going_to_an_unnamed_unit_in_a_place_is_a_visit(string place)
    {
        var result = Read($"今天去{place}一家做跨境直播的公司聊了聊");
        var visit = Assert.Single(result.Actions);
        Assert.Equal((ActionKind.Visit, null), (visit.Kind, visit.Organization));
        Assert.Equal(new[] { "organization" }, result.Missing);
    }

    [Theory]
    [MemberData(nameof(Communities))]
    public void Coming_back_from_an_unnamed_unit_in_a_place_is_a_visit(string place)
    {
        var result = Read($"刚从{place}那个汽修厂出来 那边没有党员");
        Assert.Contains(result.Actions, a => a.Kind == ActionKind.Visit && a.Organization is null);
        Assert.Equal(new[] { "organization" }, result.Missing);
    }

    [Fact]
    public void A_pointer_right_after_a_name_points_back_at_it() =>
        Assert.Equal("深圳市金桥投资发展有限公司", Assert.Single(Read("金桥投资那个空壳公司今天也去看了一下").Actions, a => a.Kind == ActionKind.Visit).Organization);

    [Fact]
    public void A_member_at_an_unnamed_unit_is_no_visit() =>
        Assert.DoesNotContain(Read("有个党员在一家物流公司上班").Actions, a => a.Kind == ActionKind.Visit);

    [Theory]
    [MemberData(nameof(UnitPartNouns))]
    public void Being_at_a_part_of_a_unit_is_a_visit(string part)
    {
        var visit = Assert.Single(Read($"今天人在恒信建筑{part}，职工现在150人").Actions, a => a.Kind == ActionKind.Visit);
        Assert.Equal(Hengxin, visit.Organization);
    }

    [Theory]
    [MemberData(nameof(CompletionVerbs))]
    public void A_completion_verb_sets_up_the_body(string verb)
    {
        var formation = Assert.Single(Read($"恒信建筑的党总支今天{verb}").Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal((Hengxin, PartyOrganizationLevel.GeneralBranch), (formation.Organization, formation.Level));
    }

    [Theory]
    [InlineData("单独分出来了")]
    [InlineData("单独拆出来了")]
    [InlineData("独立出来了")]
    [InlineData("单独分离出来了")]
    public void A_unit_split_out_on_its_own_has_its_own_body(string split)
    {
        var formation = Assert.Single(Read($"德润物业 呃 从联合支部里{split} 今天 党员三个 书记罗德润").Actions);
        Assert.Equal((ActionKind.Formation, Derun, FormationMethod.Single, PartyOrganizationLevel.Branch, "罗德润"),
            (formation.Kind, formation.Organization, formation.Method, formation.Level, formation.Secretary));
    }

    [Fact]
    public void A_split_before_a_formation_verb_leaves_the_verb_to_say_it()
    {
        var formation = Assert.Single(Read("德润物业从联合支部里单独分出来了，今天成立了党总支").Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal((FormationMethod.Single, PartyOrganizationLevel.GeneralBranch), (formation.Method, formation.Level));
    }

    [Theory]
    [InlineData("拉个单子")]
    [InlineData("拉个名单")]
    [InlineData("列个清单")]
    [InlineData("列个名单")]
    public void A_list_of_unformed_units_asked_with_list_words_is_progress(string ask)
    {
        var query = Assert.Single(Read($"横岗街道该建没建的 你给我{ask}", "u_wang").Actions);
        Assert.Equal((ActionKind.ProgressQuery, "横岗街道", ProgressMetric.Unformed), (query.Kind, query.Scope, query.Metric));
    }

    [Fact]
    public void A_ledger_word_beside_the_list_still_exports() =>
        Assert.Contains(Read("横岗街道该建没建的台账导出来", "u_wang").Actions, a => a.Kind == ActionKind.Export);

    [Theory]
    [InlineData("几个街道的覆盖率从高到低排一下")]
    [InlineData("哪些社区的覆盖率最低")]
    [InlineData("各个街道覆盖率排个名")]
    public void A_count_of_scopes_names_no_scope(string text)
    {
        var query = Assert.Single(Read(text, "u_wang").Actions);
        Assert.Equal((ActionKind.ProgressQuery, null, ProgressMetric.Coverage), (query.Kind, query.Scope, query.Metric));
    }

    /// <summary>The branch's two blind batches (first runs 0.575 and 0.700) stay where the work left them; the misses are
    /// noted in docs/understanding.md.</summary>
    [Theory]
    [InlineData("understanding-r6-ukinds.jsonl", 0.825)]
    [InlineData("understanding-r6-ukinds-2.jsonl", 0.95)]
    public void The_branch_batches_keep_their_score(string file, double floor)
    {
        var score = UnderstandingScorer.EvaluateFile(file, Understanding);
        Assert.True(score.CaseExact >= floor, $"{file}: {score}\n{string.Join("\n", score.Failures)}");
    }
}
