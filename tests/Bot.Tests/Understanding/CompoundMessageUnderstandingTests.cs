using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Messages that report and ask at once, and small talk, as understanding reads them.</summary>
public sealed class CompoundMessageUnderstandingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 20, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    [Fact]
    public void A_question_after_a_report_carries_only_its_own_words_for_the_documents()
    {
        var result = Understand("今天走访了顺达快递，顺便问一下联合组建怎么弄", "u_liu");

        Assert.Equal([ActionKind.Visit, ActionKind.PolicyQuestion], result.Actions.Select(a => a.Kind));
        Assert.Equal("联合组建怎么弄", result.Actions[1].Question);
        Assert.Null(Understand("联合组建怎么弄").Actions.Single().Question);
    }

    [Fact]
    public void A_request_for_advice_after_a_report_is_about_the_organisation_reported_on()
    {
        var result = Understand("上午走访智联物流，职工85人，党员2名。另外想问下他们这种情况适合怎么组建", "u_zhao");

        Assert.Equal([ActionKind.Visit, ActionKind.OrgUpdate, ActionKind.FormationAdvice], result.Actions.Select(a => a.Kind));
        Assert.Equal("深圳市智联物流有限公司", result.Actions[2].Organization);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Figures_said_just_before_a_request_for_advice_are_the_question_s_not_a_record()
    {
        var result = Understand("今天走访了星辰半导体，党员已经有52名了，可以成立党总支吗");

        Assert.Equal([ActionKind.Visit, ActionKind.FormationAdvice], result.Actions.Select(a => a.Kind));
        Assert.Equal(52, result.Actions[1].PartyMembers);
    }

    [Fact]
    public void Two_requests_turned_by_顺便_are_both_answered()
    {
        var result = Understand("坂田街道覆盖率多少？顺便把坂田街道台账导出来发我", "u_wang");

        Assert.Equal([ActionKind.ProgressQuery, ActionKind.Export], result.Actions.Select(a => a.Kind));
        Assert.All(result.Actions, a => Assert.Equal("坂田街道", a.Scope));
    }

    [Theory]
    [InlineData("你好", "greeting")]
    [InlineData("谢谢你啊 小助手 辛苦啦", "thanks")]
    [InlineData("你好，在吗？", "greeting")]
    [InlineData("在吗", "presence")]
    [InlineData("好的 收到", "ack")]
    public void Small_talk_asks_for_nothing_and_says_what_kind_it_is(string text, string kind)
    {
        Assert.Empty(Understand(text).Actions);
        Assert.Equal(kind, understanding.SmallTalkOf(text));
    }

    [Theory]
    [InlineData("你好 今天走访了青禾文化")]
    [InlineData("在吗 想问下功能型党组织的党员怎么交党费")]
    [InlineData("好的 谢谢 那我明天再去汇通汽车看看")]
    public void Small_talk_beside_anything_else_is_not_small_talk(string text) => Assert.Null(understanding.SmallTalkOf(text));
}
