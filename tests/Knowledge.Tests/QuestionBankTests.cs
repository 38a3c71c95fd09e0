using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Search;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The question bank (<see cref="QuestionBank"/>, Resources/asked/*.tsv): read as data, applied at indexing to every passage
/// holding a key (shipped and added documents alike), searched as a field, and weighed per candidate sentence
/// (<see cref="BankMatcher"/>). The synthetic lines here are test data only; the shipped bank is the knowledge team's.
/// </summary>
public sealed class QuestionBankTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestFolder folder = new();

    [Fact]
    public void Reads_key_and_question_lines_and_reports_the_lines_it_cannot_read()
    {
        var bank = QuestionBank.Parse([("synthetic.tsv", "# a comment\n每月召开一次党群服务例会\t多久开一次会\n\n短键\t太短的键\n没有制表符的一行\n多了\t一个\t制表符\n")]);

        var question = Assert.Single(bank.Questions);
        Assert.Equal("多久开一次会", question.Question);
        Assert.Equal(3, bank.Problems.Count);
        Assert.Contains(bank.Problems, p => p.StartsWith("synthetic.tsv:4:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_is_found_in_text_written_with_spaces_full_width_forms_and_markdown_marks()
    {
        var bank = QuestionBank.Parse([("synthetic.tsv", "实现50人以上企业党组织应建尽建\t五十个人的公司必须有党组织吗\n")]);

        Assert.Single(bank.Find(QuestionBank.KeyForm("- **实现５０人 以上企业党组织应建尽建**，")));
        Assert.Empty(bank.Find(QuestionBank.KeyForm("实现30人以上企业党组织应建尽建")));
    }

    [Fact]
    public void An_added_document_gets_the_questions_of_its_keys_and_a_question_in_users_words_finds_its_sentence_through_them()
    {
        var document = folder.File("会议制度.txt");
        File.WriteAllText(document, "关于楼宇党建的通知\n一、会议\n楼宇党组织每季度召开一次联席会议，通报工作情况。\n党群服务中心每月组织一次志愿服务活动，由楼宇党组织负责。\n二、经费\n楼宇党建工作经费由区财政统筹保障。\n");
        var bank = QuestionBank.Parse([("synthetic.tsv", "每季度召开一次联席会议\t写字楼里几家单位的党组织隔多长时间坐一块碰个头\n每季度召开一次联席会议\t楼里的支部多久凑一起开会\n")]);
        using var index = new KnowledgeIndex(folder.File("index"), IndexWords.Default, bank);
        index.Add(document);

        Assert.Equal(1, index.BankKeyPassages()["|" + QuestionBank.KeyForm("每季度召开一次联席会议")]);
        var asker = Asker(index);
        var reading = new BankMatcher(bank, index.Segmenter, Analyzer.Value, Vocabulary.LoadDefault()).Read("楼里那几家的支部隔多长时间要坐一块碰个头？");
        var (answer, features) = asker.Features("楼里那几家的支部隔多长时间要坐一块碰个头？");

        Assert.Contains("联席会议", answer.Text, StringComparison.Ordinal);
        Assert.True(features!.Bank.Coverage > 0.5, $"coverage {features.Bank.Coverage}; words {string.Join('/', reading.AskingWords)}");
        Assert.True(features.Bank.Dice > 0.3, $"dice {features.Bank.Dice}");

        // Without the bank the same question meets none of the sentence's words but 楼/支部 and finds no bank question.
        using var plain = new KnowledgeIndex(folder.File("index-plain"), IndexWords.Default, QuestionBank.Empty);
        plain.Add(document);
        var (_, none) = Asker(plain).Features("楼里那几家的支部隔多长时间要坐一块碰个头？");
        Assert.Equal(BankMatch.None, none!.Bank);
    }

    [Fact]
    public void A_bank_question_scores_higher_the_more_of_the_users_asking_words_it_says()
    {
        var bank = QuestionBank.Parse([("synthetic.tsv", "每季度召开一次联席会议\t楼里的支部多久凑一起开会\n党建工作经费由区财政统筹保障\t楼宇党建的钱谁出\n")]);
        var matcher = new BankMatcher(bank, IndexWords.Default.Segmenter, Analyzer.Value, Vocabulary.LoadDefault());
        var reading = matcher.Read("我们楼里有三个支部，这几个支部多久要凑一起开个会？");

        var meeting = matcher.Match(reading, "楼里的支部多久凑一起开会");
        var money = matcher.Match(reading, "楼宇党建的钱谁出");

        Assert.True(meeting.F1 > 2 * money.F1, $"{meeting}; {money}");
        Assert.True(meeting.Coverage > money.Coverage, $"{meeting}; {money}");
        Assert.True(meeting.Dice > money.Dice, $"{meeting}; {money}");
    }

    /// <summary>
    /// Every key of the shipped bank marks exactly one passage of the shipped corpus with 001 added through <c>index</c>:
    /// a key that matches nothing (the document's text changed, a typo in the key) or several passages is reported here.
    /// </summary>
    [Fact]
    public void Every_shipped_key_marks_exactly_one_passage_of_the_shipped_corpus_and_001()
    {
        using var knowledge = folder.ShippedCorpusWithPlan();
        var bank = QuestionBank.Default;
        var held = knowledge.Index.BankKeyPassages();

        var keys = bank.Questions.Select(q => q.Document + "|" + QuestionBank.KeyForm(q.Key)).Distinct().ToList();
        var unmatched = keys.Where(k => !held.ContainsKey(k)).ToList();
        var repeated = held.Where(h => h.Value > 1).Select(h => $"{h.Key} ({h.Value} passages)").ToList();
        output.WriteLine($"bank: {bank.Questions.Count} questions on {keys.Count} keys; keys matched {held.Count}");
        foreach (var line in bank.Problems.Concat(unmatched.Select(k => "matches no passage: " + k)).Concat(repeated.Select(r => "matches several: " + r)))
        {
            output.WriteLine(line);
        }

        Assert.True(bank.Questions.Count > 0, "the shipped bank is empty");
        Assert.Empty(bank.Problems);
        Assert.Empty(unmatched);
        Assert.Empty(repeated);
    }

    [Fact]
    public void The_bank_of_001_applies_only_once_001_is_indexed()
    {
        using var shipped = new KnowledgeBase(folder.File("index-shipped"), TestFolder.Corpus);
        shipped.EnsureCorpus();
        var before = shipped.Index.BankKeyPassages().Count;
        shipped.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
        var after = shipped.Index.BankKeyPassages().Count;

        // 001.tsv's keys are 001's sentences: none is in the shipped documents, all are once 001 is added.
        var ownKeys = QuestionBank.Default.Questions.Where(q => q.Document == "001").Select(q => QuestionBank.KeyForm(q.Key)).Distinct().Count();
        Assert.True(ownKeys > 0);
        Assert.Equal(before + ownKeys, after);
    }

    private static readonly Lazy<QuestionAnalyzer> Analyzer = new(() => new QuestionAnalyzer(Vocabulary.LoadDefault(), Thesaurus.LoadDefault(), IndexWords.Default.Segmenter));

    private static AskService Asker(KnowledgeIndex index) => new(index, Analyzer.Value, new FormationAdvisor(new FormationRuleBook(index)));

    public void Dispose() => folder.Dispose();
}
