using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Messages that once threw or overflowed the stack: each is read without an exception.</summary>
public sealed class PathologicalMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    [Theory]
    [InlineData("不对，撤销上一条记录")]
    [InlineData("不对，发现2名党员")]
    [InlineData("说错了，3名")]
    [InlineData("不好意思 2个")]
    [InlineData("今天走访了皮包公司，建议怎么处理？")]
    [InlineData("今天走访了皮包公司，建议怎么处理？今天走访了皮包公司，建议怎么处理？")]
    [InlineData("不对不对不对，是2名，不对，是3名，不对")]
    public void A_message_that_once_crashed_is_read_without_an_exception(string text)
    {
        var exception = Record.Exception(() => understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now));
        Assert.Null(exception);
    }

    [Fact]
    public void A_full_ledger_name_with_he_inside_is_one_organisation_not_a_list_split_at_he()
    {
        // Issue 10, finding 8: "今天走访了深圳市佳和餐饮管理有限公司" split the name at 和 and recorded nothing.
        var visit = Assert.Single(understanding.Understand("今天走访了深圳市佳和餐饮管理有限公司", FixtureLedger.Users()["u_liu"], Now).Actions);
        Assert.Equal((ActionKind.Visit, "深圳市佳和餐饮管理有限公司"), (visit.Kind, visit.Organization));
    }
}
