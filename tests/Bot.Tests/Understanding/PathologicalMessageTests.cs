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
}
