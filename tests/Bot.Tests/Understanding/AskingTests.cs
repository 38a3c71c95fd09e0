using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r10-uask (MessageParser.Asking.cs, AskingWords): the object asked for decides the action, each form as a class
/// over the words of its vocabulary class, with the report beside a question still read (asking never swallows a record
/// said with a day or a unit).
/// </summary>
public sealed class AskingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 16, 19, 5, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    [Theory]
    [InlineData("文件里是怎么规定的")]
    [InlineData("按文件该怎么办")]
    [InlineData("文件上对这种情况是怎么说的")]
    [InlineData("有什么具体要求")]
    [InlineData("规定至少要几个")]
    public void A_documents_rule_asked_about_a_case_described_is_a_policy_question_and_no_record(string asked)
    {
        var action = Assert.Single(Read($"社区书记一对一帮扶组建，{asked}？"));
        Assert.Equal(ActionKind.PolicyQuestion, action.Kind);
    }

    [Fact]
    public void A_report_with_a_unit_and_a_day_beside_a_documents_rule_is_still_recorded()
    {
        var kinds = Read("今天走访了云启科技，文件里对党员人数有什么规定？").Select(a => a.Kind).ToList();
        Assert.Contains(ActionKind.Visit, kinds);
        Assert.Contains(ActionKind.PolicyQuestion, kinds);
    }

    [Theory]
    [InlineData("台账上是啥情况")]
    [InlineData("台账里登记的是什么来着")]
    [InlineData("在台账上党员有几个")]
    public void A_ledger_place_after_a_unit_in_a_question_asks_for_its_card(string asked)
    {
        var action = Assert.Single(Read($"明税税务所现在{asked}？调出来我看下"));
        Assert.Equal((ActionKind.OrgLookup, "深圳市明税税务师事务所有限公司"), (action.Kind, action.Organization));
    }

    [Theory]
    [InlineData("走访情况", "出个表", ProgressMetric.Visits)]
    [InlineData("新建党组织情况", "做成表发我", ProgressMetric.Formations)]
    [InlineData("覆盖率", "画个图", ProgressMetric.Coverage)]
    public void A_table_of_a_figure_broken_down_is_the_figure_not_the_ledger_file(string noun, string table, ProgressMetric metric)
    {
        var action = Assert.Single(Read($"各街道的{noun} {table}", "u_wang"));
        Assert.Equal((ActionKind.ProgressQuery, metric), (action.Kind, action.Metric));
    }

    [Fact]
    public void The_ledger_of_a_street_as_a_file_is_still_an_export()
    {
        var action = Assert.Single(Read("坂田街道的台账导出来发给我", "u_wang"));
        Assert.Equal((ActionKind.Export, "坂田街道"), (action.Kind, action.Scope));
    }

    [Theory]
    [InlineData("你还有啥用处")]
    [InlineData("这个小助手除了记走访还能干嘛")]
    [InlineData("除了登记走访，你还有哪些功能？")]
    [InlineData("机器人都有什么本事")]
    public void Capabilities_asked_are_help_and_the_work_named_after_besides_is_no_record(string text)
    {
        var action = Assert.Single(Read(text));
        Assert.Equal(ActionKind.Help, action.Kind);
    }

    [Theory]
    [InlineData("我上周三都走访了哪几家来着", "2026-12-09", "2026-12-09")]
    [InlineData("我十一月份在罗岗社区一共跑了多少家", "2026-11-01", "2026-11-30")]
    [InlineData("我上礼拜一共走访过几家", "2026-12-07", "2026-12-13")]
    [InlineData("这个月 哦不对 上个月我走访了多少家", "2026-11-01", "2026-11-30")]
    public void The_senders_own_visits_name_the_sender_and_the_window_said(string text, string from, string to)
    {
        var action = Assert.Single(Read(text, "u_li"));
        Assert.Equal((ActionKind.ProgressQuery, "李娜"), (action.Kind, action.Person));
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (action.From!.Value, action.To!.Value));
    }

    [Theory]
    [InlineData("建啥组织合适")]
    [InlineData("你看适合用啥方式建")]
    public void Advice_asked_with_spoken_question_words_takes_the_figures_before_it(string asked)
    {
        var action = Assert.Single(Read($"仁爱医院党员3个，93个人，{asked}"));
        Assert.Equal((ActionKind.FormationAdvice, 93, 3), (action.Kind, action.Employees, action.PartyMembers));
    }
}
