using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r9-uforms (FormNotes.cs, the request words of MessageParser.Requests.cs): a note written as a form is the record
/// its frame describes, its key：value lines the frame's slots; requests said in a form's terse words or with a pointer
/// after the name are still requests. Sentences here are new, not the blind batches'.
/// </summary>
public sealed class FormNotesTests
{
    private const string Anjie = "深圳市安捷电子有限公司";
    private const string Derun = "深圳市德润物业管理有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 18, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static UnderstandingResult Read(string text, string user = "u_chen") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now);

    /// <summary>A visit frame (its heading's word 走访) over key：value lines, whatever separates them.</summary>
    [Theory]
    [InlineData("走访登记\n企业名称：安捷电子\n走访时间：12月14日\n职工人数：320人\n党员：11名")]
    [InlineData("走访情况 单位：安捷电子 日期：12.14 员工：320 党员人数：11")]
    [InlineData("安捷电子走访记录 / 时间：12月14日 / 员工总数：320人 / 党员：11名 / 备注：人事经理接待")]
    public void A_visit_form_is_a_visit_and_its_figures(string text)
    {
        var actions = Read(text).Actions;
        var visit = Assert.Single(actions, a => a.Kind == ActionKind.Visit);
        Assert.Equal((Anjie, new DateOnly(2026, 12, 14)), (visit.Organization, visit.Date));
        var update = Assert.Single(actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal((320, 11), (update.Employees, update.PartyMembers));
    }

    [Theory]
    [InlineData("走访记录\n单位：（未填）\n日期：12月15日\n党员：4名")]
    [InlineData("走访表 单位名称：无 党员：4名")]
    public void An_empty_unit_names_none(string text)
    {
        var result = Read(text);
        Assert.Contains(result.Actions, a => a.Kind == ActionKind.Visit && a.Organization is null);
        Assert.Equal(["organization"], result.Missing);
    }

    /// <summary>A finding frame (排查) over numbered items: one discovery of them all, the unit and day from the heading.</summary>
    [Theory]
    [InlineData("摸排情况（德润物业，12月16日）：①口袋党员1名 ②流动党员2名")]
    [InlineData("排查结果\n德润物业\n(1) 口袋党员1名\n(2) 流动党员2名")]
    public void Numbered_findings_under_a_finding_heading_are_one_discovery(string text)
    {
        var discovery = Assert.Single(Read(text, "u_liu").Actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal((Derun, 3), (discovery.Organization, discovery.Count));
        Assert.Contains(("flowing", 2), discovery.Categories!.NonZero());
    }

    [Fact]
    public void A_pairing_form_with_本人_is_the_senders_pairing()
    {
        var pairing = Assert.Single(Read("结对帮扶登记 被帮扶单位：德润物业 帮扶人：本人", "u_li").Actions);
        Assert.Equal((ActionKind.Pairing, Derun, "李娜"), (pairing.Kind, pairing.Organization, pairing.Secretary));
    }

    /// <summary>A date key's verb (成立日期) frames a note whose heading names no frame.</summary>
    [Fact]
    public void A_founding_date_key_makes_a_formation()
    {
        var formation = Assert.Single(Read("安捷电子党支部 成立日期：12月11日 党员：11名 书记：王海峰").Actions);
        Assert.Equal((ActionKind.Formation, Anjie, new DateOnly(2026, 12, 11), 11), (formation.Kind, formation.Organization, formation.Date, formation.Members));
    }

    /// <summary>Control: a work log of several units keeps its items.</summary>
    [Fact]
    public void A_work_log_of_two_units_keeps_its_items()
    {
        var visits = Read("走访记录：1. 上午安捷电子，党员11名 2. 下午德润物业，党员3名").Actions.Where(a => a.Kind == ActionKind.Visit).Select(a => a.Organization);
        Assert.Equal([Anjie, Derun], visits);
    }

    /// <summary>Progress asked in a form's terse words: a count noun after 统计/查询, 本人 for the sender.</summary>
    [Theory]
    [InlineData("查询：本人 本月 走访家数", "visits")]
    [InlineData("统计 民治街道 上月 新成立党组织数", "formations")]
    public void A_terse_count_is_a_progress_query(string text, string metric)
    {
        var query = Assert.Single(Read(text).Actions);
        Assert.Equal(ActionKind.ProgressQuery, query.Kind);
        Assert.Equal(metric, query.Metric switch { ProgressMetric.Visits => "visits", ProgressMetric.Formations => "formations", _ => "other" });
    }

    [Fact]
    public void 本人_in_a_terse_query_is_the_sender() =>
        Assert.Equal("陈静", Assert.Single(Read("查询：本人 本月 走访家数").Actions).Person);

    /// <summary>A lookup in other words (翻一下台账, 拉一下) and with a pointer after the name (那家 查一下).</summary>
    [Theory]
    [InlineData("德润物业那家帮我翻一下台账", Derun)]
    [InlineData("德润物业的基本信息 拉一下", Derun)]
    [InlineData("德润物业那家 查一下", Derun)]
    public void A_lookup_in_other_words_is_a_lookup(string text, string organization)
    {
        var lookup = Assert.Single(Read(text, "u_liu").Actions);
        Assert.Equal((ActionKind.OrgLookup, organization), (lookup.Kind, lookup.Organization));
    }

    [Fact]
    public void An_ambiguous_name_with_a_pointer_asks_which()
    {
        var result = Read("云启那家 查一下", "u_wang");
        Assert.Equal(ActionKind.OrgLookup, Assert.Single(result.Actions).Kind);
        Assert.Equal(["organization"], result.Missing);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r9-uforms.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.9, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
