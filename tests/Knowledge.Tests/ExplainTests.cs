using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>The tuning aid: how a question is analysed and ranked (questions from KB_EXPLAIN, separated by '|', are printed too).</summary>
public sealed class ExplainTests(ITestOutputHelper output)
{
    [Fact]
    public void Explains_a_question_by_its_weighted_terms_and_ranks_the_answering_sentence_first()
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        var lines = knowledge.Asker.Explain("联合组建要遵循什么原则？").ToList();

        Assert.Contains(lines, l => l.StartsWith("term 联合组建/", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("term 什么", StringComparison.Ordinal));
        Assert.Contains("原则", lines.First(l => !l.StartsWith("term ", StringComparison.Ordinal)), StringComparison.Ordinal);

        foreach (var question in (Environment.GetEnvironmentVariable("KB_EXPLAIN") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            output.WriteLine("== " + question);
            output.WriteLine("read as " + knowledge.Asker.CorrectTypos(question));
            foreach (var line in knowledge.Asker.Explain(question))
            {
                output.WriteLine(line);
            }

            output.WriteLine("=> " + knowledge.Ask(question).Text);
        }
    }
}
