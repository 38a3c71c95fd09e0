using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

// Weighing the question: a quoted name put right (NearName), the terms and their weights (Weigh, Weight), the terms
// that say nothing (Spoken, Junction, Unbound, WithoutJunctions), document frequency, and the word a question turns on.
public sealed partial class AskService
{
    /// <summary>
    /// The question with a name quoted slightly wrong put right: a run the documents never write that is one of their quoted
    /// names (“三同步”, “功能型党组织”, “挂点促建”) with one character changed, or with one character added at its end
    /// ("五个清楚" for “五个清”). Numerals are never changed ("四个一批" is not "三个一批"). Null when there is none.
    /// </summary>
    private string? NearName(string question, IReadOnlyList<PassageHit> hits)
    {
        var form = QuestionAnalyzer.MatchForm(question);
        bool Written(string run) => hits.Any(h => h.MatchText.Contains(run, StringComparison.Ordinal));
        var names = hits.SelectMany(h => QuotedNames(h.Text)).Where(n => !form.Contains(n, StringComparison.Ordinal)).Distinct().ToList();
        foreach (var name in names)
        {
            for (var at = 0; at + name.Length <= form.Length; at++)
            {
                // The one place the run differs from the name (-1: none or more than one), without a string per place.
                var differ = -1;
                for (var i = 0; i < name.Length; i++)
                {
                    if (form[at + i] != name[i])
                    {
                        if (differ >= 0)
                        {
                            differ = -1;
                            break;
                        }

                        differ = i;
                    }
                }

                if (differ >= 0 && TextCleaner.IsCjk(form[at + differ]) && !Numerals.Contains(form[at + differ]) && !Numerals.Contains(name[differ])
                    && form.Substring(at, name.Length) is var run && !Written(run) && question.Contains(run, StringComparison.Ordinal))
                {
                    return question.Replace(run, name, StringComparison.Ordinal);
                }
            }
        }

        var quoted = hits.SelectMany(h => QuotedNames(h.Text)).Distinct().ToList();
        foreach (var name in quoted)
        {
            var at = form.IndexOf(name, StringComparison.Ordinal);
            if (at < 0 || at + name.Length >= form.Length)
            {
                continue;
            }

            var run = form.Substring(at, name.Length + 1);
            var tail = string.Concat(name[^1], run[^1]);
            if (TextCleaner.IsCjk(run[^1]) && !FunctionCharacters.Contains(run[^1]) && !Written(run) && quoted.Any(n => n.EndsWith(tail, StringComparison.Ordinal))
                && question.Contains(run, StringComparison.Ordinal))
            {
                return question.Replace(run, name, StringComparison.Ordinal);
            }
        }

        return null;
    }

    private const string Numerals = "零一二两三四五六七八九十百千";

    /// <summary>The quoted names of three or more Han characters of each passage text, in match form and in order (read once per text).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string[]> quotedNames = new();

    private string[] QuotedNames(string text) => quotedNames.GetValue(text, static t =>
        [.. QuotedName().Matches(t).Select(m => QuestionAnalyzer.MatchForm(m.Groups["n"].Value)).Where(n => n.Length >= 3 && n.All(TextCleaner.IsCjk))]);

    /// <summary>Weight of a term that only the clauses telling the situation hold ("我们社区有家物业公司，…，该怎么建？").</summary>
    public const double ContextWeight = 0.45;

    /// <summary>
    /// The question's terms with their weights, and the word it turns on. In a question that first tells its situation and
    /// then asks, the telling clauses weigh <see cref="ContextWeight"/>, and their words the documents never use (人手不够, 顾虑)
    /// are dropped: they are the asker's own account, which no document could hold. The last item marks the terms the asking
    /// clauses hold (null when the whole question asks).
    /// </summary>
    private (List<KeyTerm> Terms, double[] Weights, string? Predicate, bool[]? Asking) Weigh(string question)
    {
        var total = Math.Max(index.PassageCount, 1);
        var form = QuestionAnalyzer.MatchForm(question);
        // A word of three or four characters the documents write ("联络员") stands for its bigrams (联络, 络员); one they do
        // not write leaves them.
        // A bigram across two words of the question ("对税" in 对|税务, "来抓" in 来|抓) is an artefact of reading two characters
        // at a time, not something the question asks about: it is no term (one the documents hold still weighs little, below).
        var terms = WithoutJunctions(analyzer.Terms(question)).Where(t => !t.CrossesWords || DocumentFrequency(t.Alternatives[0]) > 0).Select(t => Unbound(t, form))
            .Where(t => t.IsWord ? Written(t.Alternatives[0]) : t.InWord is not { } word || !Written(word))
            .Where(t => !Spoken(t)).ToList();
        var mask = analyzer.AskingMask(question);
        var asked = mask is null ? form : string.Concat(form.Select((c, i) => mask[i] ? c : '|'));
        bool Telling(KeyTerm t) => mask is not null && t.Start >= 0 && t.Start < mask.Length && !mask[t.Start]
            && !t.Alternatives.Any(a => asked.Contains(a, StringComparison.Ordinal));

        // The asking clauses are the question's focus however long the preamble: a rich account of the asker's campaign work
        // must neither make an off-corpus question look answered nor dilute an answerable one. Only an asking clause that
        // names nothing the documents speak of ("那还需要另外配人吗？", "该怎么办？") leaves the clause before it to say what it
        // asks about, and failing that the whole question.
        bool AsksKnown() => terms.Any(t => !t.Generic && !Telling(t) && t.Words.Max(DocumentFrequency) > 0);
        if (mask is not null && !AsksKnown())
        {
            mask = analyzer.AskingMask(question, extend: true);
            asked = mask is null ? form : string.Concat(form.Select((c, i) => mask[i] ? c : '|'));
        }

        if (mask is not null && !AsksKnown())
        {
            mask = null;
            asked = form;
        }

        terms = [.. terms.Where(t => !Telling(t) || t.Words.Max(DocumentFrequency) > 0)];
        var predicate = Predicate(asked);

        // The word a question turns on counts in full even when it is a campaign word ("几月份开始" turns on 开始).
        terms = [.. terms.Select(t => t.Generic && t.Alternatives[0] == predicate ? t with { Generic = false } : t)];
        var weights = terms.Select(t => Weight(t, total) * (IsMiddle(t, terms) ? 0.5 : 1) * (t.Alternatives[0] == predicate ? 1.5 : 1)
            * (Telling(t) ? ContextWeight : 1) * (Junction(t) ? JunctionWeight : 1)).ToArray();
        return (terms, weights, predicate, mask is null ? null : [.. terms.Select(t => !Telling(t))]);
    }

    /// <summary>
    /// A term no passage uses that stands for a word of speech ("一年回来不了几次": 回来; "当时", "这么", "以后"; see
    /// <see cref="QuestionAnalyzer.IsEverydayWord"/>): it
    /// says nothing the documents could answer or miss, so it neither asks nor counts against coverage. Rarer words no
    /// passage uses (补贴, 年龄, 工资) stay, however common: they are what an off-corpus question asks about.
    /// </summary>
    private bool Spoken(KeyTerm term)
    {
        var word = term.IsWord || term.InWord is null ? term.Alternatives[0] : term.InWord;
        return term.Alternatives.Count == 1 && term.Words.Max(DocumentFrequency) == 0 && word.Length >= 2 && QuestionAnalyzer.IsEverydayWord(word)
            && (word == term.Alternatives[0] || QuestionAnalyzer.IsEverydayWord(term.Alternatives[0]));
    }

    private static readonly string[] HowWords = ["怎么", "怎样", "如何", "咋"];

    /// <summary>Weight of a bigram across two words that the documents happen to hold (<see cref="Junction"/>).</summary>
    public const double JunctionWeight = 0.6;

    /// <summary>
    /// A bigram across two words of the question that the documents hold ("党员|有" → 员有, rare in 001's "党员有…"): a rare
    /// junction would weigh as a rare word and decide; it counts little, for the phrase it may still match ("党员积分").
    /// One they never hold keeps its weight: it tells that the question says something they do not.
    /// </summary>
    private bool Junction(KeyTerm term) => (term.CrossesWords || term.GuessedJoin) && DocumentFrequency(term.Alternatives[0]) > 0;

    /// <summary>Characters that join words rather than start one: "分散的小微企业" does not make 的小微 a word.</summary>
    private const string FunctionCharacters = "的地得和与及或等在对为是了把被从向由以将之其";

    /// <summary>How often a bigram may occur for <see cref="Unbound"/> to look at every place it stands.</summary>
    private const int BoundLookup = 6;

    /// <summary>
    /// A rare bigram the documents only ever use after one same character, as the end of a longer word ("兼职" only in
    /// "专兼职"), is another word where the question puts it after another character ("在企业兼职"): it then stands for the
    /// question's own three characters, which the documents do not hold.
    /// </summary>
    private KeyTerm Unbound(KeyTerm term, string form)
    {
        var bigram = term.Alternatives[0];
        // Only where the question's own word runs on to the left ("企业兼职"): a bigram after a question word ("几月结束") starts its word.
        if (term.Run < 0 || term.Position < 1 || term.Start < 1 || bigram.Length != 2 || DocumentFrequency(bigram) is 0 or > BoundLookup)
        {
            return term;
        }

        char? Around(int at) => at >= 0 && at < form.Length && TextCleaner.IsCjk(form[at]) ? form[at] : null;
        var left = Around(term.Start - 1);
        var lefts = new HashSet<char?>();
        var count = 0;
        foreach (var hit in index.Search([bigram], BoundLookup))
        {
            // Quotes kept: "“三有”" starts a word where the quote stands.
            var text = TextCleaner.Normalize(hit.Text);
            for (var at = text.IndexOf(bigram, StringComparison.Ordinal); at >= 0; at = text.IndexOf(bigram, at + 1, StringComparison.Ordinal))
            {
                lefts.Add(at > 0 && TextCleaner.IsCjk(text[at - 1]) ? text[at - 1] : null);
                count++;
            }
        }

        // "业兼" is nowhere in the documents while "每个" (of "每个社区") is: only a junction the documents never make is another word.
        if (count >= 2 && lefts.Count == 1 && lefts.First() is { } boundLeft && !FunctionCharacters.Contains(boundLeft) && boundLeft != left && left is { } ownLeft
            && DocumentFrequency(string.Concat(ownLeft, bigram[0])) == 0)
        {
            return term with { Alternatives = [ownLeft + bigram] };
        }

        return term;
    }

    /// <summary>
    /// Drops bigrams the documents never use that only join two known words ("方式选派" → 式选): artefacts of reading
    /// the question two characters at a time, not things it asks about.
    /// </summary>
    private List<KeyTerm> WithoutJunctions(IReadOnlyList<KeyTerm> terms)
    {
        bool Known(int run, int position) => terms.Any(t => t.Run == run && t.Position == position && DocumentFrequency(t.Alternatives[0]) > 0);
        return terms.Where(t => t.Run < 0 || t.Alternatives[0].Length < 2 || DocumentFrequency(t.Alternatives[0]) > 0
            || !(Known(t.Run, t.Position - 1) || Known(t.Run, t.Position + 1))).ToList();
    }

    /// <summary>A bigram with bigrams on both sides ("有条" in "三有条件") mostly joins two words: it counts half.</summary>
    private static bool IsMiddle(KeyTerm term, IReadOnlyList<KeyTerm> terms) =>
        term.Run >= 0 && terms.Any(t => t.Run == term.Run && t.Position == term.Position - 1)
        && terms.Any(t => t.Run == term.Run && t.Position == term.Position + 1);

    private double Weight(KeyTerm term, int total)
    {
        var df = term.Words.Max(DocumentFrequency);

        // A term the documents never use counts, but not as the rarest thing there is: it may be the question's own wording.
        var idf = df == 0 ? 0.4 * Math.Log(1 + (total + 0.5) / 0.5) : Math.Log(1 + (total - df + 0.5) / (df + 0.5));
        return term.Generic ? 0.3 * idf : idf;
    }

    private int DocumentFrequency(string word)
    {
        if (word.Length >= 2 && TextCleaner.IsCjk(word[0]))
        {
            var min = int.MaxValue;
            for (var i = 0; i + 1 < word.Length; i++)
            {
                min = Math.Min(min, index.DocumentFrequency(word.Substring(i, 2)));
            }

            return min;
        }

        var tokens = index.Analyze(word);
        return tokens.Count == 0 ? 0 : tokens.Min(index.DocumentFrequency);
    }

    /// <summary>
    /// The word a how- or what-question turns on ("怎么解决" → 解决, "带什么材料" → 材料): evidence that lacks it answers
    /// another question.
    /// </summary>
    private static string? Predicate(string question)
    {
        var m = PredicatePattern().Match(QuestionAnalyzer.MatchForm(question));
        return m.Success ? m.Groups["v"].Value : null;
    }
}
