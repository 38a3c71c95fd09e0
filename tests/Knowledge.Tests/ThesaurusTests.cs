using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Tests;

/// <summary>The campaign thesaurus is reviewed data: its document words are the documents' own, its credits below the word's own.</summary>
public sealed class ThesaurusTests
{
    [Fact]
    public void Every_document_word_of_the_thesaurus_is_written_in_the_documents_and_every_entry_names_its_source()
    {
        var files = Directory.EnumerateFiles(TestFolder.Corpus).Where(DocumentReader.IsSupported).Append(TestFolder.Data("documents", "001-quality-plan.txt"));
        var text = string.Concat(files.Select(f => QuestionAnalyzer.MatchForm(string.Concat(DocumentReader.Read(f).Passages.Select(p => p.Section + p.Text)))));

        var entries = Thesaurus.LoadDefault();

        Assert.True(entries.Count >= 30);
        Assert.All(entries, e =>
        {
            Assert.All(e.DocumentWords, w => Assert.True(text.Contains(w, StringComparison.Ordinal), $"{e.Word} → {w}: not in the documents"));
            Assert.InRange(e.Credit, 0.1, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(e.Source));
        });
    }

    [Fact]
    public void A_thesaurus_word_is_covered_by_the_documents_word_for_less_than_by_its_own()
    {
        var analyzer = new QuestionAnalyzer(Vocabulary.LoadDefault(), Thesaurus.LoadDefault());

        var term = Assert.Single(analyzer.Terms("写字楼里的企业怎么建党组织？"), t => t.Alternatives[0] == "写字楼");

        Assert.Equal(1.0, term.Credit("写字楼"));
        Assert.InRange(term.Credit("抓好商务楼宇党建"), 0.5, 0.99);
        Assert.Equal(0, term.Credit("园区"));
    }
}
