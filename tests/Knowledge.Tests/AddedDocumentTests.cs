using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// A document added with <c>index</c> is treated exactly like a shipped one: the same passages, titles and sections, the same
/// search scores, the same answers (a sealed set once found 001, added through <c>index</c>, answered far less often).
/// </summary>
public sealed class AddedDocumentTests
{
    public static TheoryData<string> Documents => new()
    {
        "000-haikou-2021-66.txt", // shipped, with its sidecar
        "003-wuhan-2016-bairi.txt",
        "001-quality-plan.txt", // never shipped, no sidecar: the tests add it through index
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_document_added_through_index_is_split_titled_and_scored_like_the_same_document_shipped(string name)
    {
        using var folder = new TestFolder();
        var source = File.Exists(Path.Combine(TestFolder.Corpus, name)) ? Path.Combine(TestFolder.Corpus, name) : TestFolder.Data("documents", name);

        // Shipped: the document inside the corpus. Added: the corpus without it, then the document through `index`.
        var withIt = Copy(folder.File("corpus-with"), TestFolder.Corpus, name, source);
        var without = Copy(folder.File("corpus-without"), TestFolder.Corpus, name, null);
        var elsewhere = Copy(folder.File("added"), null, name, source);
        using var shipped = new KnowledgeBase(folder.File("index-shipped"), withIt);
        using var added = new KnowledgeBase(folder.File("index-added"), without);
        shipped.EnsureCorpus();
        var result = Assert.Single(added.AddDocuments([Path.Combine(elsewhere, name)]));

        Assert.Equal(IndexOutcome.Added, result.Outcome);
        var shippedDocument = Assert.Single(shipped.Index.Documents, d => d.Path.EndsWith(name, StringComparison.Ordinal));
        var addedDocument = Assert.Single(added.Index.Documents, d => d.Path.EndsWith(name, StringComparison.Ordinal));
        Assert.True(shippedDocument.Shipped);
        Assert.False(addedDocument.Shipped);
        Assert.Equal(shippedDocument with { Path = "", Shipped = false }, addedDocument with { Path = "" });
        Assert.Equal(shipped.Index.PassageCount, added.Index.PassageCount);

        // Every passage of the whole index, found by a search on all the document's text, with its title, origin, section,
        // text and scores; and the same for questions searched through the word and bigram fields.
        var everything = File.ReadAllText(source);
        Assert.Equal(Passages(shipped.Index.Search([everything], 10_000)), Passages(added.Index.Search([everything], 10_000)));
        foreach (var question in Questions)
        {
            Assert.Equal(Passages(Search(shipped, question)), Passages(Search(added, question)));
            var a = shipped.Ask(question);
            var b = added.Ask(question);
            Assert.Equal(a.Answered, b.Answered);
            Assert.Equal(a.Text, b.Text);
            Assert.Equal(a.Citations, b.Citations);
        }
    }

    /// <summary>
    /// Round 8's flaw, caught: the blind questions answered only in 001, asked of an index where 001 is added through
    /// <c>index</c> and the bank holds no line for it (the shipped bank with 001's lines withheld), pass no fewer than with no
    /// bank at all. With round 8's single scorer (fitted on the bank's features) the added document's sentences lacked the
    /// bank match every shipped answer carries and were declined; the plain judge now judges them as before the bank.
    /// </summary>
    [Fact]
    public void A_document_without_bank_questions_is_answered_as_well_as_with_no_bank()
    {
        var gold = HeldOutFoldTests.AnsweredOnlyIn001(OwnQuestionFeatures.Blind.SelectMany(b =>
            QaScorer.Load(TestFolder.Data("blind", $"qa-{b.Date}-{b.Batch}.jsonl")).Select(c =>
            {
                c["id"] = $"{b.Batch}:{c["id"]!.GetValue<string>()}";
                return c;
            })));
        using var folder = new TestFolder();
        QaScorer.Result Run(string name, KnowledgeOptions options)
        {
            using var knowledge = new KnowledgeBase(folder.File(name), TestFolder.Corpus, options);
            knowledge.EnsureCorpus();
            knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
            return QaScorer.Score(gold, gold.ToDictionary(c => c["id"]!.GetValue<string>(), c =>
                System.Text.Json.JsonSerializer.SerializeToNode(knowledge.Ask(c["question"]!.GetValue<string>()), QaEvaluationTests.Json)!.AsObject()));
        }

        var noBank = Run("none", new KnowledgeOptions { UseQuestionBank = false });
        var withheld = Run("withheld", new KnowledgeOptions { QuestionBank = QuestionBank.Default.Without("001") });

        Assert.True(gold.Count >= 10, $"{gold.Count} questions");
        Assert.True(withheld.PassRate >= noBank.PassRate, $"001's bank withheld: {withheld}; no bank: {noBank}");
    }

    private static readonly string[] Questions =
    [
        "党员不足3名的企业怎么建立党组织？", "什么是五个清？", "联合党组织最多可以覆盖几个单位？", "党员有3名以上的单位要怎么做？",
        "集中组建截止哪天？", "百日攻坚行动要达到什么目标？", "党建工作指导员从哪些人里选派？", "在企业兼职的党员领导干部怎么管理？",
    ];

    private static IReadOnlyList<PassageHit> Search(KnowledgeBase knowledge, string question)
    {
        var analyzer = new Answering.QuestionAnalyzer(Answering.Vocabulary.LoadDefault(), Answering.Thesaurus.LoadDefault(), knowledge.Index.Segmenter);
        return knowledge.Index.Search(question, analyzer.Terms(question), null, 1_000);
    }

    /// <summary>What a hit is, in an order that does not depend on the order the documents were added in.</summary>
    private static List<string> Passages(IReadOnlyList<PassageHit> hits) =>
        [.. hits.Select(h => $"{h.Score:F5}|{h.WordScore:F5}|{h.BigramScore:F5}|{h.HeadingMatch:F5}|{h.DocumentTitle}|{h.Origin}|{h.Section}|{string.Join('/', h.ChildHeadings)}|{h.Text}")
            .Order(StringComparer.Ordinal)];

    /// <summary>A folder with the corpus's files but <paramref name="name"/> (and its sidecar), and <paramref name="document"/> with its sidecar.</summary>
    private static string Copy(string target, string? corpus, string name, string? document)
    {
        Directory.CreateDirectory(target);
        foreach (var file in corpus is null ? [] : Directory.GetFiles(corpus))
        {
            var own = Path.GetFileName(file);
            if (!own.StartsWith(name, StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(target, own));
            }
        }

        if (document is not null)
        {
            File.Copy(document, Path.Combine(target, name), overwrite: true);
            if (File.Exists(document + ".meta.json"))
            {
                File.Copy(document + ".meta.json", Path.Combine(target, name + ".meta.json"), overwrite: true);
            }
        }

        return target;
    }
}
