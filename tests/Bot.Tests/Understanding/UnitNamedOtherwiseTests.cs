using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 17, branch r17-uorg: which organisation a message is about, and when to ask. Each class read over names, places
/// and kinds that neither a–ao's misses nor the branch batch use: a unit the ledger lacks brought in by a classifier and a
/// naming word (一家叫…的), by 开了个, run into a place the ledger names (a community + a name) or after a place and 的; a
/// position word before a name is no part of it (对面, 楼下的); advice about a unit the message only describes asks for no
/// organisation, advice about one pointed at (那家…) does; an unnamed unit in a list of visits is asked for.
/// </summary>
public sealed class UnitNamedOtherwiseTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 12, 16, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Names the ledger lacks, each with a unit's kind (none of them in a–ao or the branch batch).</summary>
    public static readonly TheoryData<string> Names = new()
    {
        { "康泰养老院" },
        { "青松围棋研究会" },
        { "丰源食品加工厂" },
        { "乐童托育服务中心" },
    };

    private static UnderstandingResult Read(string text, string user = "u_liu") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now);

    private static void Visited(string text, string name)
    {
        var result = Read(text);
        Assert.Contains(result.Actions, a => a.Kind == ActionKind.Visit && a.Organization == name);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_after_a_classifier_and_a_naming_word_is_the_unit(string name)
    {
        Visited($"下午去了一家叫{name}的，聊了半个钟头", name);
        Visited($"今天上门看了有个叫{name}的，负责人很热情", name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_unit_opened_lately_is_named_after_kai_le_ge(string name) =>
        Visited($"布吉新开了个{name} 今天过去看了", name);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_community_said_before_a_name_is_its_first_part_and_with_de_only_where_it_is(string name)
    {
        Visited($"今天走访了五和{name}", $"五和{name}");
        Visited($"五和社区的{name}今天去过了", name);
    }

    [Theory]
    [InlineData("对面", "深圳市明税税务师事务所有限公司", "明税税务师事务所")]
    [InlineData("楼下的", "深圳市顺达快递服务有限公司", "顺达快递")]
    [InlineData("隔壁", "深圳市佳和餐饮管理有限公司", "佳和餐饮")]
    public void A_position_word_before_a_name_is_no_part_of_it(string where, string ledger, string said) =>
        Visited($"今天去了趟{where}{said}", ledger);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_position_word_before_a_name_the_ledger_lacks_is_no_part_of_it(string name) =>
        Visited($"今天去了趟隔壁的{name}", name);

    [Theory]
    [InlineData("有个做餐饮的小公司，十几个人，一个党员，能自己建支部吗")]
    [InlineData("社区里有家托育机构 老师二十个 党员两名 建啥样的合适")]
    [InlineData("一家做电商的企业，职工70人，党员4名，该单独建还是联合建？")]
    [InlineData("有家私立医院 医护八十来个 党员五个 这种该怎么建")]
    public void Advice_about_a_unit_the_message_describes_asks_for_no_organisation(string text)
    {
        var result = Read(text);
        var advice = Assert.Single(result.Actions, a => a.Kind == ActionKind.FormationAdvice);
        Assert.Null(advice.Organization);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData("那家装修公司该怎么建党组织")]
    [InlineData("华鼎那家，党员三个，该怎么建")]
    public void Advice_about_a_unit_pointed_at_and_not_resolved_asks_which(string text) =>
        Assert.Equal(["organization"], Read(text).Missing);

    [Theory]
    [InlineData("今天跑了两家 顺达快递 还有一家新开的烧烤店 名字没问")]
    [InlineData("上午去了优品超市 下午还去了一家新开的米粉馆")]
    public void An_unnamed_unit_in_a_round_of_visits_is_asked_for(string text)
    {
        var result = Read(text);
        Assert.Contains(result.Actions, a => a.Kind == ActionKind.Visit && a.Organization is null);
        Assert.Equal(["organization"], result.Missing);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r17-uorg.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.84, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
