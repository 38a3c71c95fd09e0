using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>The corpus vocabulary read by pinyin, once per test class.</summary>
public sealed class PinyinKnowledge : IDisposable
{
    private readonly TestFolder folder = new();

    public PinyinKnowledge()
    {
        Knowledge = folder.ShippedCorpusWithPlan();
        var files = Directory.EnumerateFiles(TestFolder.Corpus).Where(DocumentReader.IsSupported).Append(TestFolder.Data("documents", "001-quality-plan.txt"));
        Text = string.Concat(files.Select(f => QuestionAnalyzer.MatchForm(string.Concat(DocumentReader.Read(f).Passages.Select(p => p.Section + p.Text)))));
    }

    public KnowledgeBase Knowledge { get; }

    /// <summary>The documents' text in match form.</summary>
    public string Text { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        folder.Dispose();
    }
}

/// <summary>
/// Pinyin-IME typos: the generated character table reads every character of the documents, and a typo made systematically
/// from the campaign's terms (one character swapped for a same-pinyin one) is read as its term, while correct questions
/// are left as they are.
/// </summary>
public sealed class HomophoneTests(PinyinKnowledge fixture, ITestOutputHelper output) : IClassFixture<PinyinKnowledge>
{
    [Fact]
    public void The_pinyin_table_reads_every_character_of_the_documents()
    {
        Assert.True(Pinyin.Count >= 3500, Pinyin.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["dang"], Pinyin.Readings('党'));
        Assert.Contains("xing", Pinyin.Readings('行'));
        Assert.Contains("hang", Pinyin.Readings('行'));
        Assert.Contains("dang yuan", Pinyin.Keys("党员"));
        var unread = fixture.Text.Where(TextCleaner.IsCjk).Distinct().Where(c => Pinyin.Readings(c).Count == 0).ToList();
        Assert.True(unread.Count == 0, "no reading: " + string.Concat(unread));
    }

    /// <summary>
    /// Every campaign term (the synonym groups and the thesaurus's document words, two to four characters, written in the
    /// documents) with one character swapped for each same-pinyin character of the table, kept where the result is neither
    /// written in the documents nor a dictionary word: the typos an IME's first candidate makes.
    /// </summary>
    private List<(string Typo, string Term)> GeneratedTypos()
    {
        var segmenter = IndexWords.Default.Segmenter;
        var terms = Vocabulary.LoadDefault().Synonyms.SelectMany(g => g).Concat(Thesaurus.LoadDefault().SelectMany(e => e.DocumentWords))
            .Where(t => t.Length is >= 2 and <= 4 && t.All(TextCleaner.IsCjk) && fixture.Text.Contains(t, StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var typos = new List<(string, string)>();
        foreach (var term in terms)
        {
            for (var i = 0; i < term.Length; i++)
            {
                foreach (var c in Pinyin.Readings(term[i]).SelectMany(Pinyin.WithReading).Distinct().Where(c => c != term[i]).Order())
                {
                    var typo = string.Concat(term.AsSpan(0, i), c.ToString(), term.AsSpan(i + 1));
                    if (!fixture.Text.Contains(typo, StringComparison.Ordinal) && !segmenter.IsWord(typo))
                    {
                        typos.Add((typo, term));
                    }
                }
            }
        }

        return typos;
    }

    [Fact]
    public void A_generated_typo_of_a_campaign_term_is_read_as_the_term()
    {
        var typos = GeneratedTypos();
        var asker = fixture.Knowledge.Asker;
        var wrong = typos.Where(t => asker.CorrectTypos(t.Typo) != t.Term).ToList();
        // Some typos sound like another corpus word as well (支部/知部 and 职务…): the most frequent word is taken.
        var soundsLikeAnother = wrong.Count(t => asker.CorrectTypos(t.Typo) != t.Typo);
        output.WriteLine($"{typos.Count} generated typos of {typos.Select(t => t.Term).Distinct().Count()} terms; {wrong.Count} not read as their term ({soundsLikeAnother} as another word)");
        foreach (var (typo, term) in wrong.Take(40))
        {
            output.WriteLine($"{typo} → {asker.CorrectTypos(typo)} (term {term})");
        }

        Assert.True(typos.Count >= 300, typos.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(wrong.Count <= typos.Count * 0.1, $"{wrong.Count} of {typos.Count} generated typos not read as their term");
    }

    [Fact]
    public void Correct_questions_are_left_as_they_are()
    {
        var asker = fixture.Knowledge.Asker;
        var questions = QaScorer.Load(TestFolder.Data("qa-dev.jsonl")).Concat(QaScorer.Load(TestFolder.Data("qa-own.jsonl")))
            .Select(c => c["question"]!.GetValue<string>()).ToList();
        var changed = questions.Select(q => (Question: q, Read: asker.CorrectTypos(q))).Where(x => x.Read != x.Question).ToList();
        foreach (var (question, read) in changed)
        {
            output.WriteLine($"{question} → {read}");
        }

        Assert.All(QaScorer.Load(TestFolder.Data("qa-dev.jsonl")), c => Assert.Equal(c["question"]!.GetValue<string>(), asker.CorrectTypos(c["question"]!.GetValue<string>())));
        Assert.True(changed.Count <= questions.Count / 50, $"{changed.Count} of {questions.Count} own questions changed");
    }

    [Fact]
    public void A_question_typed_with_homophones_is_answered_like_the_correct_one()
    {
        var asker = fixture.Knowledge.Asker;
        Assert.Equal("党员超过50个可以成立啥", asker.CorrectTypos("当员超过50个可以成立啥"));

        var typed = fixture.Knowledge.Ask("企业有几个正式当员就可以单独建知部？");
        var correct = fixture.Knowledge.Ask("企业有几个正式党员就可以单独建支部？");

        Assert.True(correct.Answered);
        Assert.Equal(correct.Text, typed.Text);
    }

    [Fact]
    public void A_typo_read_across_two_correct_words_is_left_alone_and_the_question_answered()
    {
        var asker = fixture.Knowledge.Asker;
        // 应当|建立 holds 当建, 应当|委托 holds 当委: neither is a typo of 党建 or 党委.
        Assert.Equal("哪些单位应当建立党组织", asker.CorrectTypos("哪些单位应当建立党组织"));
        Assert.Equal("应当委托街道办理", asker.CorrectTypos("应当委托街道办理"));
        var table = new Homophones([("党建", 10)]);
        Assert.Equal("当建工作怎么搞", table.Correct("当建工作怎么搞", _ => true, _ => false)); // a word on both sides: left alone
        Assert.Equal("党建工作怎么搞", table.Correct("当建工作怎么搞", w => w == "工作", _ => false));

        Assert.True(fixture.Knowledge.Ask("哪些单位应当建立党组织").Answered);
    }
}
