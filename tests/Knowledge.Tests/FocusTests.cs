namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// A question that tells its situation first is judged by its asking clause: a preamble full of the campaign's words is
/// no evidence that an off-corpus question is answered, and does not drown an answerable one.
/// </summary>
public sealed class FocusTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly KnowledgeBase knowledge;

    public FocusTests()
    {
        knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
    }

    private const string Preamble = "我们镇今年按应建尽建的要求推进两个覆盖，五个清台账建好了，联合党支部组建了八个，党建指导员也都派到企业了，";

    [Theory]
    [InlineData("党组织书记的津贴每月发多少？")]
    [InlineData("党员活动室的门牌用什么颜色？")]
    [InlineData("预备党员的考察期是几年？")]
    [InlineData("党费补交的时候按什么标准算？")]
    [InlineData("发展党员每年分给我们多少个名额？")]
    [InlineData("党组织书记的任期是几年？")]
    [InlineData("两新组织党员的年龄有什么要求？")]
    public void A_rich_preamble_does_not_answer_an_off_corpus_question(string asking)
    {
        Assert.False(knowledge.Ask(asking).Answered);
        var told = knowledge.Ask(Preamble + asking);
        Assert.False(told.Answered, told.Text);
        Assert.Empty(told.Citations);
    }

    [Theory]
    [InlineData("商务楼宇党组织由谁直接领导？", "由街道党工委直接领导")]
    [InlineData("党组织书记培训班每个班次学习时间不少于多少？", "不少于三分之一的时间")]
    [InlineData("对正式党员不足3名的党支部要什么时候前清理？", "9月底前进行清理")]
    [InlineData("流动党员外出的时候要向谁报告？", "外出时向居住地党组织报告去向")]
    [InlineData("那些没有党员的企业文件说怎么开展工作？", "选派党建工作指导员联系服务")]
    public void A_rich_preamble_does_not_dilute_an_answerable_question(string asking, string quote)
    {
        var bare = knowledge.Ask(asking);
        Assert.True(bare.Answered, bare.Text);
        var told = knowledge.Ask(Preamble + asking);
        Assert.True(told.Answered, told.Text);
        Assert.Contains(told.Citations.Take(3), c => c.Quote.Contains(quote, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        knowledge.Dispose();
        folder.Dispose();
    }
}
