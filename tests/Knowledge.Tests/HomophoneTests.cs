using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Tests;

/// <summary>The pinyin-IME typo table is reviewed data: its typos are never the documents' words, its terms always are.</summary>
public sealed class HomophoneTests
{
    [Fact]
    public void Every_typo_is_written_nowhere_in_the_documents_and_every_term_is_written_there()
    {
        var files = Directory.EnumerateFiles(TestFolder.Corpus).Where(DocumentReader.IsSupported).Append(TestFolder.Data("documents", "001-quality-plan.txt"));
        var text = string.Concat(files.Select(f => QuestionAnalyzer.MatchForm(string.Concat(DocumentReader.Read(f).Passages.Select(p => p.Section + p.Text)))));

        var typos = Homophones.LoadDefault();

        Assert.True(typos.Count >= 20);
        Assert.All(typos, t =>
        {
            Assert.False(text.Contains(t.Typo, StringComparison.Ordinal), $"{t.Typo}: written in the documents, not a typo");
            Assert.True(text.Contains(QuestionAnalyzer.MatchForm(t.Term), StringComparison.Ordinal), $"{t.Typo} → {t.Term}: not in the documents");
            Assert.Equal(t.Typo.Length, t.Term.Length);
            Assert.DoesNotContain(" ", t.Typo, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_question_typed_with_homophones_is_answered_like_the_correct_one()
    {
        Assert.Equal("党员超过50个可以成立啥", Homophones.Correct("当员超过50个可以成立啥"));
        Assert.Equal("联建的党组织怎么覆盖", Homophones.Correct("联建的党组织怎么覆盖"));

        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        var typed = knowledge.Ask("企业有几个正式当员就可以单独建知部？");
        var correct = knowledge.Ask("企业有几个正式党员就可以单独建支部？");

        Assert.True(correct.Answered);
        Assert.Equal(correct.Text, typed.Text);
    }

    [Fact]
    public void A_typo_read_across_two_correct_words_is_left_alone_and_the_question_answered()
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        // 应当|建立 holds 当建, 应当|委托 holds 当委: neither is a typo of 党建 or 党委.
        var segmenter = new WordSegmenter([]);
        Assert.Equal("哪些单位应当建立党组织", Homophones.Correct("哪些单位应当建立党组织", segmenter.IsWord));
        Assert.Equal("应当委托街道办理", Homophones.Correct("应当委托街道办理", segmenter.IsWord));
        Assert.Equal("当建工作怎么搞", Homophones.Correct("当建工作怎么搞", _ => true)); // a word on both sides: left alone
        Assert.Equal("党员超过50个可以成立啥", Homophones.Correct("当员超过50个可以成立啥", segmenter.IsWord));

        Assert.True(knowledge.Ask("哪些单位应当建立党组织").Answered);
    }
}
