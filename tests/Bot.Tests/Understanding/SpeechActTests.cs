using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r8-uact (MessageParser.SpeechActs.cs): what the message does, read from its grammar, each form as a class: advice
/// asked with the unit's facts as its slots, a question only reported, help asked in other words, the set of units with no
/// member asked for, visit words that are a figure's nouns, an undo naming the record it undoes, a unit's fact asked.
/// </summary>
public sealed class SpeechActTests
{
    private const string Zhengheng = "广东正衡律师事务所";
    private const string Huitong = "深圳市汇通汽车服务有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static readonly string[] AdviceQuestions =
    [
        "依规定是否必须单独建立党支部？", "这样的规模该单建吗", "是不是该自己单独建了", "能不能单独成立党支部", "这种情况咋覆盖",
        "是自己建还是跟别人联合建好一点", "应当单独组建吗", "需要单独建支部吗",
    ];

    private static readonly string[] FactsSaid = ["现有从业人员三十二名、正式党员三名，", "三十二个人 党员三个 ", "职工32人，党员3名，"];

    public static IEnumerable<object[]> AdviceWithFacts() =>
        from facts in FactsSaid from question in AdviceQuestions select new object[] { facts, question };

    [Theory]
    [MemberData(nameof(AdviceWithFacts))]
    public void Advice_asked_with_the_units_facts_takes_them_as_slots_and_records_nothing(string facts, string question)
    {
        var actions = Read($"正衡律所{facts}{question}");
        var advice = Assert.Single(actions);
        Assert.Equal(ActionKind.FormationAdvice, advice.Kind);
        Assert.Equal((Zhengheng, 32, 3), (advice.Organization, advice.Employees, advice.PartyMembers));
    }

    [Theory]
    [InlineData("正衡律所三十二个人 党员三个 下个月准备单独建支部")]
    [InlineData("正衡律所三十二个人 党员三个 上周已经单独建立了党支部")]
    public void Forming_said_as_a_plan_or_a_fact_asks_no_advice(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.FormationAdvice);

    public static IEnumerable<object[]> ReportedQuestions() =>
        from subject in new[] { "负责人", "程老板", "他们", "对方" }
        from question in new[] { "能不能单独建支部", "哪些人能当党建指导员", "要不要建工会", "一共走访了多少家" }
        select new object[] { subject, question };

    [Theory]
    [MemberData(nameof(ReportedQuestions))]
    public void A_question_someone_else_put_is_reported_the_visit_stays_and_nothing_is_asked(string subject, string question)
    {
        var actions = Read($"今天走访汇通汽车，{subject}问{question}，我已经解答了", "u_zhao");
        var visit = Assert.Single(actions);
        Assert.Equal((ActionKind.Visit, Huitong), (visit.Kind, visit.Organization));
    }

    [Theory]
    [InlineData("今天走访云启科技，负责人说想单独建支部，问我行不行")]
    [InlineData("今天走访了青禾文化，走访情况挺好")]
    public void A_report_with_a_question_reported_or_a_figures_noun_stays_one_visit(string text) =>
        Assert.Equal(ActionKind.Visit, Assert.Single(Read(text)).Kind);

    [Theory]
    [InlineData("恒信建筑党支部是不是上周成立了")]
    [InlineData("华鼎物流是否已经成立党支部")]
    public void Whether_a_unit_has_formed_asks_a_fact_not_advice(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.FormationAdvice);

    [Theory]
    [InlineData("请问")]
    [InlineData("我想问一下")]
    [InlineData("问一下")]
    public void A_question_put_to_the_bot_still_asks(string lead) =>
        Assert.Contains(Read($"汇通汽车五十五个人 没有党员 {lead}能不能单独建支部", "u_zhao"), a => a.Kind == ActionKind.FormationAdvice);

    public static IEnumerable<object[]> HelpQuestions() =>
        from subject in new[] { "这个系统", "机器人", "该系统", "你" }
        from ability in new[] { "还能", "都能", "可以" }
        from asked in new[] { "干什么", "办理哪些事项", "做些啥" }
        select new object[] { $"{subject}{ability}{asked}" };

    [Theory]
    [MemberData(nameof(HelpQuestions))]
    [InlineData("第一次用，不知道怎么操作，能说说吗")]
    [InlineData("本人初次使用，请问该系统能办理哪些事项？")]
    public void Help_asked_in_other_words(string text) => Assert.Equal(ActionKind.Help, Assert.Single(Read(text)).Kind);

    [Theory]
    [InlineData("你能帮我查一下云启科技的台账吗")]
    [InlineData("党员能办理哪些事项")]
    public void An_ability_question_about_something_else_is_no_help(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.Help);

    public static IEnumerable<object[]> UnformedSets() =>
        from size in new[] { "50人以上", "职工五十人以上", "" }
        from set in new[] { "没党员的", "无党员的", "没有党员的" }
        from asked in new[] { "企业还有哪几家", "企业，按街道通报一下", "企业，列个清单" }
        select new object[] { $"{size}{set}{asked}" };

    [Theory]
    [MemberData(nameof(UnformedSets))]
    [InlineData("爱联社区还有几家五十人以上没党员的")]
    [InlineData("坂田街道没党员的企业多不多")]
    public void The_set_of_units_with_no_member_asked_for_is_the_unformed_list(string text)
    {
        var query = Assert.Single(Read(text, "u_wang"));
        Assert.Equal((ActionKind.ProgressQuery, ProgressMetric.Unformed), (query.Kind, query.Metric));
    }

    [Theory]
    [InlineData("今天走访了一家没党员的企业")]
    [InlineData("汇通汽车是一家没党员的企业，今天去看了")]
    public void A_unit_with_no_member_reported_is_no_list_asked(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.ProgressQuery);

    [Theory]
    [InlineData("这周走访量跟上周比一下，看看是不是掉了")]
    [InlineData("横岗街道本月的走访次数跟上个月对比一下")]
    [InlineData("本月走访次数排个名")]
    public void Visit_words_that_are_a_figures_nouns_ask_for_the_figure_and_report_no_visit(string text)
    {
        var actions = Read(text, "u_wang");
        var query = Assert.Single(actions);
        Assert.Equal((ActionKind.ProgressQuery, ProgressMetric.Visits), (query.Kind, query.Metric));
    }

    [Fact]
    public void An_undo_naming_the_record_it_undoes_reports_nothing() =>
        Assert.Equal(ActionKind.Undo, Assert.Single(Read("刚才所报顺达快递走访一条日期有误，请撤回。", "u_liu")).Kind);

    [Fact]
    public void An_undo_followed_by_the_corrected_report_keeps_the_report() =>
        Assert.Equal([ActionKind.Undo, ActionKind.Visit], Read("刚才那条撤回，今天走访的是云启网络科技", "u_sun").Select(a => a.Kind));

    [Theory]
    [InlineData("请查一下，本月2日本人走访华鼎精密制造时所录的职工人数是多少？")]
    [InlineData("我上周走访华鼎精密制造时登记的党员人数是多少")]
    public void A_units_fact_asked_is_its_card_though_a_visit_and_a_count_are_said(string text)
    {
        var lookup = Assert.Single(Read(text));
        Assert.Equal((ActionKind.OrgLookup, "深圳市华鼎精密制造有限公司"), (lookup.Kind, lookup.Organization));
    }

    [Fact]
    public void Formed_and_not_formed_both_asked_is_the_coverage_figure()
    {
        var query = Assert.Single(Read("龙城街道两新这块摸个底，建了多少、没建多少", "u_wang"));
        Assert.Equal((ProgressMetric.Coverage, "龙城街道"), (query.Metric, query.Scope));
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // First run 0.667 (2026-12-06 00:33 UTC, rules c6b692a); see docs/understanding.md, "Round 8, branch r8-uact".
        var score = UnderstandingScorer.EvaluateFile("understanding-r8-uact.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.96, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
