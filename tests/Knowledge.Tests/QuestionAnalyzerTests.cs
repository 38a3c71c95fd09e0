using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Tests;

/// <summary>Which clauses of a question ask and which tell its situation.</summary>
public sealed class QuestionAnalyzerTests
{
    private readonly QuestionAnalyzer analyzer = new(Vocabulary.LoadDefault());

    [Theory]
    [InlineData("最近好几个老板不太配合，出资人的教育引导由哪些部门负责？", "出资人的教育引导由哪些部门负责?")]
    [InlineData("我们社区有家物业公司，30个员工，这家物业公司该怎么建？", "这家物业公司该怎么建?")]
    [InlineData("我们社区有家物业公司，30个员工，2个党员，该怎么建？", "2个党员,该怎么建?")] // 该怎么建 has no subject of its own
    [InlineData("我们区这次参照海口那个文件的做法，基本情况表每次要在几号之前交？", "基本情况表每次要在几号之前交?")] // a long one tells
    public void Marks_the_clauses_that_ask_and_a_subjectless_asking_clause_takes_the_clause_before(string question, string asking)
    {
        var mask = analyzer.AskingMask(question);
        var form = QuestionAnalyzer.MatchForm(question);

        Assert.NotNull(mask);
        Assert.Equal(asking, string.Concat(form.Where((_, i) => mask[i])));
    }

    [Theory]
    [InlineData("海口这次集中攻坚专项行动什么时候开始，什么时候结束？")] // every clause asks
    [InlineData("联合党组织最多可以覆盖几个单位？")] // one clause
    [InlineData("我们公司有个员工想入党，要交什么材料？")] // 要交什么材料 asks about the clause before: then both ask
    [InlineData("正式党员不够仨的支部，上面咋处理")] // a short noun phrase before the asking clause is the topic it asks about
    public void Has_no_telling_part_when_every_clause_asks_or_there_is_one_clause(string question)
    {
        Assert.Null(analyzer.AskingMask(question));
    }

    [Fact]
    public void A_rough_count_in_a_telling_clause_does_not_make_the_question_ask_how_many()
    {
        Assert.False(analyzer.AsksQuantity("好几个老板不配合，出资人的教育引导由哪些部门负责？"));
        Assert.True(analyzer.AsksQuantity("好几个老板不配合，联合党组织最多覆盖几个单位？"));
    }
}
