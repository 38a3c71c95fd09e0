using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The right sentence first and an answer that says it once (docs/knowledge.md, round 18, r18-qcompose): a word held only
/// inside an adverb (原则上) is no match for the noun, users' 支部 is the documents' 党支部/党组织, a how-many question with
/// 以上 asks a least figure, and no sentence stands twice in an answer. Questions written for this test, not taken from an
/// evaluation batch; the forced answer (<c>AskScored</c>) is read, so the judge's threshold does not enter.
/// </summary>
public sealed class ComposeTests(AdviceKnowledge fixture, ITestOutputHelper output) : IClassFixture<AdviceKnowledge>
{
    [Theory]
    [InlineData("联合支部选成员单位时遵循什么原则？")]
    [InlineData("几家小单位组成联合支部，选哪些单位要讲什么原则？")]
    public void A_principle_asked_is_not_answered_by_the_adverb_as_a_rule(string question)
    {
        var (answer, _) = fixture.Knowledge.Asker.AskScored(question);

        Assert.Contains("行业相近", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("事务所从业人员多少人以上必须建支部？")]
    public void A_figure_with_以上_asked_is_answered_by_a_least_figure(string question)
    {
        var (answer, _) = fixture.Knowledge.Asker.AskScored(question);

        Assert.Contains("30人以上", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("发展党员的四个一批是哪四批？")]
    [InlineData("两新组织的党员队伍怎么发展壮大？招聘党员是哪一批？")]
    [InlineData("隐形党员怎么让他们亮出来？")]
    public void No_sentence_stands_twice_in_an_answer(string question)
    {
        var (answer, _) = fixture.Knowledge.Asker.AskScored(question);

        var sentences = Regex.Split(answer.Text, "(?<=[。；！？])|\n").Select(s => Regex.Replace(s, @"\W", string.Empty)).Where(s => s.Length >= 8).ToList();
        Assert.Equal(sentences.Count, sentences.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The own batch of this round, shipped: its first run (main 47daa07) passed 21 of 28, abstain 1.000.</summary>
    [Fact]
    public void The_own_batch_stays_above_its_first_run()
    {
        var gold = QaScorer.Load(TestFolder.Data("qa-r18-qcompose.jsonl"));
        var result = QaScorer.Score(gold, gold.ToDictionary(
            c => c["id"]!.GetValue<string>(),
            c => JsonSerializer.SerializeToNode(fixture.Knowledge.Ask(c["question"]!.GetValue<string>()), QaEvaluationTests.Json)!.AsObject()));

        output.WriteLine(result.ToString());
        foreach (var failure in result.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(result.PassRate >= 0.75, result + "\n" + string.Join('\n', result.Failures));
        Assert.Equal(1.0, result.AbstainAccuracy);
    }
}
