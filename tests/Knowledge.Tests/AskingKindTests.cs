using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// What the asking clause asks for steers the ranking (docs/knowledge.md, round 12, r12-qfind): "哪几" asks which items, not
/// how many; people are counted in 人, 名 or 位 alike. Questions written for this test, not taken from an evaluation batch.
/// </summary>
public sealed class AskingKindTests
{
    private static readonly QuestionAnalyzer Analyzer = new(Vocabulary.LoadDefault(), Thesaurus.LoadDefault());

    [Theory]
    [InlineData("社会组织要开展党建工作，得具备哪几个条件？")]
    [InlineData("摸底的时候要弄清楚哪几样情况？")]
    public void Which_few_asks_for_items_not_a_count(string question)
    {
        Assert.False(Analyzer.AsksQuantity(question));
        Assert.Equal(AnswerKind.Kind.List, AnswerKind.Asked(Analyzer.Asked(question)));
    }

    [Theory]
    [InlineData("每个月哪几天之前要报上去？")]
    public void Which_few_days_still_asks_a_date(string question) => Assert.True(Analyzer.AsksTime(question));

    [Theory]
    [InlineData("一个支部最多放多少个党员？")]
    [InlineData("党员有几名才能单独建支部？")]
    public void A_count_is_still_a_count(string question) => Assert.True(Analyzer.AsksQuantity(question));

    [Fact]
    public void People_counted_in_another_measure_word_answer_a_how_many_question()
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        // "位" asked, "人" written: "每个支部人数一般不超过50人".
        var (answer, _) = knowledge.Asker.AskScored("一个党支部最多能有多少位党员？");

        Assert.Contains("50人", answer.Text, StringComparison.Ordinal);
    }
}
