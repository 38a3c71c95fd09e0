using System.Text.RegularExpressions;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// Citations are true: every quote of every answer over every question set, and of every formation reason, is the cited
/// document's own cleaned text, inside the section the citation names; and a reason states only what its citation says.
/// </summary>
public sealed partial class CitationTruthTests(ITestOutputHelper output)
{
    private static readonly string Plan = TestFolder.Data("documents", "001-quality-plan.txt");

    [Fact]
    public void Every_quote_of_every_answer_is_in_the_cited_section_of_the_cited_document()
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([Plan]);
        var sections = Sections(withPlan: true);

        var checkedQuotes = 0;
        var false_ = new List<string>();
        foreach (var file in new[] { "qa-dev.jsonl", "qa-own.jsonl", "qa-own-c.jsonl", "qa-own-misses.jsonl" })
        {
            foreach (var c in QaScorer.Load(TestFolder.Data(file)))
            {
                var answer = knowledge.Ask(c["question"]!.GetValue<string>());
                foreach (var citation in answer.Citations)
                {
                    checkedQuotes++;
                    if (!Holds(sections, citation))
                    {
                        false_.Add($"{c["id"]}: 《{citation.Document}》{citation.Section}: {citation.Quote}\n  sections: "
                            + string.Join("\n  ", sections.GetValueOrDefault(citation.Document)?.Where(p => p.Section == citation.Section).Select(p => p.Text + " | " + string.Join(";", p.Children)) ?? []));
                    }
                }
            }
        }

        output.WriteLine($"{checkedQuotes} quotes checked");
        Assert.True(checkedQuotes > 300);
        Assert.True(false_.Count == 0, string.Join('\n', false_));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_formation_reason_cites_a_true_quote_and_states_no_figure_its_quote_lacks(bool withPlan)
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        if (withPlan)
        {
            knowledge.AddDocuments([Plan]);
        }

        var sections = Sections(withPlan);
        var reasons = new List<RecommendationReason>();
        foreach (var members in new int?[] { 0, 1, 2, 3, 20, 51, 120 })
        {
            foreach (var type in new[] { OrganizationType.Enterprise, OrganizationType.SocialOrg })
            {
                reasons.AddRange(knowledge.Advise(new OrganizationFacts(Type: type, Employees: 150, PartyMembers: members,
                    CurrentOrganization: members >= 3 ? FormationMethod.Joint : null))?.Reasons ?? []);
                reasons.AddRange(knowledge.Advise(new OrganizationFacts(Type: type, Employees: 60, PartyMembers: members, FlowingMembers: 5))?.Reasons ?? []);
                reasons.AddRange(knowledge.Advise(new OrganizationFacts(Type: type, Employees: 35, PartyMembers: members, MostlyPublicStaff: true))?.Reasons ?? []);
            }
        }

        reasons.Add(knowledge.Advisor.DormantReason());
        reasons.Add(knowledge.Advisor.DeregisteredReason());

        Assert.NotEmpty(reasons);
        foreach (var reason in reasons.Distinct())
        {
            output.WriteLine(reason.Text + " ← " + reason.Citation);
            if (reason.Citation is not { } citation)
            {
                // A rule whose only source the deployment lacks says which document it follows.
                Assert.Contains("依据《", reason.Text, StringComparison.Ordinal);
                continue;
            }

            Assert.True(Holds(sections, citation), $"{reason.Text}: 《{citation.Document}》{citation.Section}: {citation.Quote}");
            var statement = reason.Text[(reason.Text.IndexOf('：', StringComparison.Ordinal) + 1)..];
            foreach (Match figure in Figure().Matches(statement))
            {
                Assert.True(TextCleaner.Normalize(citation.Quote).Contains(figure.Value, StringComparison.Ordinal),
                    $"{reason.Text} states {figure.Value}, its quote does not: {citation.Quote}");
            }
        }
    }

    [Fact]
    public void Without_001_the_joint_reason_does_not_say_at_most_three_units_from_a_document_that_does_not()
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);

        var joint = knowledge.Advise(new OrganizationFacts(PartyMembers: 1))!;

        var reason = Assert.Single(joint.Reasons, r => r.Text.StartsWith("联合组建时", StringComparison.Ordinal));
        Assert.DoesNotContain("不超过3个", reason.Text, StringComparison.Ordinal);
        Assert.Contains("合理确定联合组建", reason.Text, StringComparison.Ordinal);
        Assert.Contains("合理确定联合组建", TextCleaner.Normalize(reason.Citation!.Quote), StringComparison.Ordinal);
    }

    /// <summary>The cleaned text of each section of each document, by document title, as parsed from the files themselves.</summary>
    private static Dictionary<string, List<(string Section, string Text, List<string> Children)>> Sections(bool withPlan)
    {
        var files = Directory.EnumerateFiles(TestFolder.Corpus).Where(DocumentReader.IsSupported).ToList();
        if (withPlan)
        {
            files.Add(Plan);
        }

        return files.Select(DocumentReader.Read).ToDictionary(
            d => d.Metadata.Title,
            d => d.Passages.Select(p => (p.Section, TextCleaner.Normalize(p.Text), p.ChildHeadings.Select(TextCleaner.Normalize).ToList())).ToList());
    }

    private static bool Holds(Dictionary<string, List<(string Section, string Text, List<string> Children)>> sections, Citation citation)
    {
        if (!sections.TryGetValue(citation.Document, out var document))
        {
            return false;
        }

        // A quote that ends a passage announcing a list carries the headings of the sections below, joined by "；".
        var quote = TextCleaner.Normalize(citation.Quote);
        return document.Any(p => p.Section == citation.Section
            && p.Text.Contains(p.Children.Aggregate(quote, (q, child) => q.Replace(child, string.Empty, StringComparison.Ordinal)).TrimEnd('；', ';'), StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Figure();
}
