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
    [InlineData("辖区有家物流企业，员工一百多人，这么大的企业文件里有啥要求？", "员工一百多人,这么大的企业文件里有啥要求?")] // 这么 points back
    [InlineData("我们街道今年新建了一批支部，他们的书记一般怎么选出来？", "他们的书记一般怎么选出来?")] // 书记 is its own subject
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
    [InlineData("园区有家企业老板兼着书记，党员也挺多，这种情况文件里怎么说？")] // 这种情况 takes every clause of its sentence
    public void Has_no_telling_part_when_every_clause_asks_or_there_is_one_clause(string question)
    {
        Assert.Null(analyzer.AskingMask(question));
    }

    [Fact]
    public void A_rough_count_in_a_telling_clause_does_not_make_the_question_ask_how_many()
    {
        Assert.False(analyzer.AsksQuantity("好几个老板不配合，出资人的教育引导由哪些部门负责？"));
        Assert.True(analyzer.AsksQuantity("好几个老板不配合，联合党组织最多覆盖几个单位？"));
        // A negated rough count ("回来不了几次", "没几个") tells, it does not ask.
        Assert.False(analyzer.AsksQuantity("他在外地打工一年回来不了几次，流动党员要向哪里报告？"));
        Assert.False(analyzer.AsksQuantity("厂里没几个党员，联合党组织由谁来牵头？"));
    }

    [Theory]
    [InlineData("回来", true)] // a directional complement
    [InlineData("起来", true)]
    [InlineData("当时", true)] // a time word (jieba tag t)
    [InlineData("以后", true)] // a locative (f)
    [InlineData("这么", true)] // a function word (pronoun)
    [InlineData("年龄", false)] // content words, however common: what an off-corpus question asks about
    [InlineData("工资", false)]
    [InlineData("补贴", false)]
    [InlineData("面积", false)]
    public void Tells_words_of_speech_from_content_words(string word, bool speech)
    {
        Assert.Equal(speech, QuestionAnalyzer.IsEverydayWord(word));
    }
}
