using System.Globalization;
using InstructorBot.Knowledge.Answering;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// For tracing a verdict (KB_EXPLAIN="question|question…"): on the shipped corpus with 001 added, as FormationTests asks,
/// each judge's best sentence, its features, each feature's pull (weight × value) and the confidence against the threshold.
/// KB_EXPLAIN_ADD="text" adds a document of that text first (as AdminWhileRunningTests' index verb does). Does nothing
/// without KB_EXPLAIN.
/// </summary>
public sealed class JudgeExplainTests(ITestOutputHelper output)
{
    [Fact]
    public void A_verdict_is_explained_feature_by_feature_on_request()
    {
        var questions = (Environment.GetEnvironmentVariable("KB_EXPLAIN") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries);
        if (questions.Length == 0)
        {
            return;
        }

        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
        if (Environment.GetEnvironmentVariable("KB_EXPLAIN_ADD") is { Length: > 0 } added)
        {
            var file = folder.File("added.txt");
            File.WriteAllText(file, added.Replace("\\n", "\n", StringComparison.Ordinal));
            knowledge.AddDocuments([file]);
        }

        foreach (var question in questions)
        {
            var (_, routes, plain) = knowledge.Asker.Judged(question);
            var asked = knowledge.Ask(question);
            output.WriteLine($"{question} → answered {asked.Answered}: {asked.Text.ReplaceLineEndings(" ")}");
            foreach (var route in routes.Append(plain).OfType<AskService.Route>().Distinct())
            {
                var scorer = route.BankAware ? AnswerScorer.Default : AnswerScorer.Plain;
                var x = route.Features.Vector();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {(route.BankAware ? "bank" : "plain")}: confidence {scorer.Confidence(x):F3}, threshold {scorer.Threshold:F3}, margin {route.Margin:F3}; {route.Answer.Text.ReplaceLineEndings(" ")}"));
                output.WriteLine("   " + string.Join(", ", AnswerFeatures.Names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {x[i]:F3} ({scorer.Weights[i] * x[i]:+0.00;-0.00})"))));
            }
        }
    }
}
