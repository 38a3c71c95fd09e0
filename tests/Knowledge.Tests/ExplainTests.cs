using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>Tuning aid: prints how questions in KB_EXPLAIN are analysed and ranked (does nothing when unset).</summary>
public sealed class ExplainTests(ITestOutputHelper output)
{
    [Fact]
    public void Explains_the_ranking_of_the_questions_given_in_the_environment()
    {
        var questions = Environment.GetEnvironmentVariable("KB_EXPLAIN");
        if (string.IsNullOrEmpty(questions))
        {
            return;
        }

        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
        foreach (var question in questions.Split('|'))
        {
            output.WriteLine("== " + question);
            foreach (var line in knowledge.Asker.Explain(question))
            {
                output.WriteLine(line);
            }

            output.WriteLine("=> " + knowledge.Ask(question).Text);
        }

        Assert.True(true);
    }
}
