using InstructorBot.Knowledge.Answering;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>jieba.NET with its dictionary copied beside the assembly: the words a question is read in.</summary>
public sealed class WordSegmenterTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("党员积分怎么用", "积分")]
    [InlineData("有3名党员的企业", "党员")]
    [InlineData("党员红帆站建在哪里", "红帆站")]
    public void Cuts_a_question_into_dictionary_words(string text, string word)
    {
        // jieba's dictionary is one per process: a word added here must be one no question or document holds.
        var segmenter = new WordSegmenter(["红帆站"]);

        var words = segmenter.Words(text).Select(w => text[w.Start..w.End]).ToList();
        output.WriteLine(string.Join('/', words));

        Assert.Contains(word, words);
        Assert.Equal(text, string.Concat(words));
    }

    [Fact]
    public void Marks_a_bigram_across_two_words_so_it_is_no_term()
    {
        var analyzer = new QuestionAnalyzer(Vocabulary.LoadDefault(), null, new WordSegmenter([]));

        var terms = analyzer.Terms("党员有3名以上的单位要做什么？");

        Assert.Contains(terms, t => t.Alternatives[0] == "员有" && t.CrossesWords);
        Assert.Contains(terms, t => t.Alternatives[0] == "党员" && !t.CrossesWords);
    }

    [Fact]
    public void A_three_character_word_is_a_term_and_a_dictionary_bigram_at_its_edge_is_a_junction()
    {
        var analyzer = new QuestionAnalyzer(Vocabulary.LoadDefault(), null, new WordSegmenter([]));

        var terms = analyzer.Terms("文件里对联络员有什么要求？");

        Assert.Contains(terms, t => t.Alternatives[0] == "联络员" && t.IsWord);
        Assert.Contains(terms, t => t.Alternatives[0] == "络员" && t.InWord == "联络员");
        Assert.Contains(terms, t => t.Alternatives[0] == "对联" && t.CrossesWords);
    }

    [Fact]
    public void Marks_a_word_jieba_only_guessed_from_two_common_words_as_a_guessed_join()
    {
        var analyzer = new QuestionAnalyzer(Vocabulary.LoadDefault(), null, new WordSegmenter([]));

        var terms = analyzer.Terms("指导员是一个人管一家吗？");

        Assert.Contains(terms, t => t.Alternatives[0] == "人管" && t.GuessedJoin);
        Assert.DoesNotContain(analyzer.Terms("党员人数超过多少可以建总支部？"), t => t.GuessedJoin);
    }

    [Fact]
    public void A_spelled_count_of_persons_also_reads_without_its_measure_word()
    {
        var analyzer = new QuestionAnalyzer(Vocabulary.LoadDefault(), null, new WordSegmenter([]));

        var terms = analyzer.Terms("指导员是一个人管一家吗？");

        Assert.Contains(terms, t => t.Alternatives.Contains("1") && t.Alternatives.Contains("一人"));
    }
}
