using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The asking clauses' content words (<see cref="FocusCoverage"/>) against a real index of the shipped corpus and 001: which
/// words a question asks with, how each is matched, and the measures the answer scorer weighs.
/// </summary>
public sealed class FocusCoverageTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly KnowledgeBase knowledge;
    private readonly FocusCoverage focus;

    public FocusCoverageTests()
    {
        knowledge = folder.ShippedCorpusWithPlan();
        focus = knowledge.Asker.Focus;
    }

    private List<string> Words(string question) => [.. focus.Words(question).Select(w => w.Word)];

    [Fact]
    public void A_message_that_tells_first_asks_with_the_words_of_its_last_asking_sentence()
    {
        // The first clause holds 多少 but only tells what the asker is doing; the question is the last sentence.
        var words = Words("我们街道最近在摸排辖区企业有多少家，报上去的数对不上。按文件这项工作归哪个部门负责核实？");

        Assert.Contains("部门", words);
        Assert.Contains("核实", words);
        Assert.DoesNotContain("摸排", words);
        Assert.DoesNotContain("街道", words);
    }

    [Fact]
    public void Function_words_question_words_and_generic_campaign_words_are_not_asked_about()
    {
        var words = Words("请问每个社区书记具体要帮建几个企业？");

        Assert.Contains("社区书记", words); // a campaign word, whole
        Assert.Contains("帮建", words);
        Assert.DoesNotContain("每个", words); // a pronoun in jieba's dictionary
        Assert.DoesNotContain("具体", words); // a question word
        Assert.DoesNotContain("企业", words); // a generic campaign word
    }

    [Fact]
    public void A_run_jieba_joins_from_single_characters_that_no_passage_uses_is_no_word()
    {
        var words = Words("党员多到什么程度可以成立总支？");

        Assert.DoesNotContain("多到", words);
        Assert.Contains("总支", words);
        Assert.False(focus.Words("党员多到什么程度可以成立总支？").Single(w => w.Word == "程度").Known); // a word, but none of the documents'
    }

    [Fact]
    public void An_abbreviation_is_matched_by_the_fuller_corpus_word_but_a_common_word_is_not_read_as_one()
    {
        var helped = focus.Words("每个社区书记要帮建几个？").Single(w => w.Word == "帮建");
        Assert.Contains("帮扶组建", helped.Abbreviated);
        // 帮 is also a one-character verb of the documents (帮扶), so 帮建 may be credited in full; never less than an abbreviation.
        Assert.InRange(helped.Credit("一个社区党组织书记至少帮扶组建一个两新组织党组织"), FocusCoverage.AbbreviationCredit, 1);
        var general = focus.Words("党员多到什么程度可以成立总支？").Single(w => w.Word == "总支");
        Assert.Contains("总支部", general.Abbreviated);
        Assert.InRange(general.Credit("党员人数超过50名的，因工作需要，可以成立党的总支部"), FocusCoverage.AbbreviationCredit, 1);
        Assert.Equal(0, general.Credit("每个支部人数一般不超过50人"));

        // 党员 is a word in its own right: 党建指导员 holds its characters in order but is not short for it.
        var member = focus.Words("党员可以兼任吗？").Single(w => w.Word == "党员");
        Assert.Empty(member.Abbreviated);
        Assert.Equal(0, member.Credit("选派党建指导员"));
    }

    [Fact]
    public void A_word_people_use_is_matched_by_the_documents_word_for_it_at_the_thesaurus_credit()
    {
        var building = focus.Words("写字楼里的小公司党建归谁管？").Single(w => w.Word == "写字楼");

        Assert.True(building.Known);
        var credit = building.Credit("对于商务楼宇，探索把商务楼宇作为一个社区建制");
        Assert.InRange(credit, 0.5, 0.99);
    }

    [Fact]
    public void The_sentence_that_answers_covers_the_asking_words_and_one_on_another_subject_does_not()
    {
        const string question = "我们社区书记开会说要帮着企业建组织，每个社区书记要帮建几个？";
        var answering = focus.Measure(question, QuestionAnalyzer.MatchForm("一个社区党组织书记、一个镇（街道）党（工）委书记至少帮扶组建一个两新组织党组织。"), string.Empty, string.Empty);
        var other = focus.Measure(question, QuestionAnalyzer.MatchForm("每个支部人数一般不超过50人，按业务或班组建立若干个党小组。"), string.Empty, string.Empty);

        Assert.True(answering.SentenceCoverage >= FocusCoverage.AbbreviationCredit - 0.01, answering.ToString());
        Assert.True(other.SentenceCoverage <= 0.1, other.ToString());
    }

    [Fact]
    public void Asking_words_no_document_uses_are_the_share_of_an_off_corpus_question()
    {
        var offCorpus = focus.Measure("党组织书记的津贴每月发多少？", "党组织书记", string.Empty, string.Empty);
        var answerable = focus.Measure("联合党组织最多覆盖几个单位？", "每个联合党组织覆盖单位数不超过3个", string.Empty, string.Empty);

        Assert.True(offCorpus.UnknownShare > 0.2, offCorpus.ToString());
        Assert.Equal(0, answerable.UnknownShare);
    }

    public void Dispose()
    {
        knowledge.Dispose();
        folder.Dispose();
    }
}
