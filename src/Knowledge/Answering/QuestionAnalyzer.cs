using System.Text;
using System.Text.RegularExpressions;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// Turns a question into the terms evidence must cover: question words are dropped, synonym words become groups,
/// the rest of the Han text becomes bigrams, numbers stay whole. Generic campaign terms are marked.
/// </summary>
public sealed partial class QuestionAnalyzer(Vocabulary vocabulary, IReadOnlyList<ThesaurusEntry>? thesaurus = null, WordSegmenter? segmenter = null,
    IReadOnlyList<UnitClass>? unitClasses = null)
{
    private readonly IReadOnlyList<UnitClass> unitTypes = unitClasses ?? UnitClasses.Default;

    /// <summary>True when the segmenter's dictionary holds <paramref name="word"/> (false without a segmenter).</summary>
    public bool IsWord(string word) => segmenter?.IsWord(word) ?? false;

    /// <summary>True when <paramref name="word"/> is a question word, an interrogative or a time or quantity word of the vocabulary.</summary>
    public bool IsQuestionWord(string word) => questionWords.Contains(word) || (vocabulary.Interrogatives ?? []).Contains(word);

    /// <summary>The word's frequency in the segmenter's dictionary (0 without a segmenter).</summary>
    public int WordFrequency(string word) => segmenter?.Frequency(word) ?? 0;

    /// <summary>
    /// A word of speech that places or frames what is told rather than naming a subject: a function word, a time word or a
    /// locative (当时, 以后, 上面, 过来: jieba's tags t/f) or a directional complement (回来, 起来, 下去, 不了). A question says
    /// them on any subject; content words no passage uses (年龄, 工资, 补贴, 面积) are not of this class, however common.
    /// </summary>
    public static bool IsEverydayWord(string word) => WordClasses.IsFunctionWord(word) || WordClasses.IsTimeOrPlaceWord(word) || Directional().IsMatch(word);

    /// <summary>Directional complements and their potential forms: 回来, 起来, 下去, 过不来, 不了.</summary>
    [GeneratedRegex(@"^([上下进出回过起开]?(不|得)?[上下进出回过起开][来去]|[上下进出回过起开][来去]|不了|得了)$")]
    private static partial Regex Directional();

    private readonly ThesaurusEntry[] expansions = [.. (thesaurus ?? []).OrderByDescending(e => e.Word.Length)];

    private readonly string[] questionWords =
        [.. vocabulary.QuestionWords.Concat(vocabulary.TimeWords).Concat(vocabulary.QuantityWords).OrderByDescending(w => w.Length)];
    private readonly (string Word, IReadOnlyList<string> Group)[] synonymWords =
        [.. vocabulary.Synonyms.SelectMany(g => g.Select(w => (w, g))).OrderByDescending(p => p.w.Length)];

    public bool AsksQuantity(string question) => vocabulary.QuantityWords.Any(Asked(question).Contains);

    public bool AsksTime(string question) => vocabulary.TimeWords.Any(Asked(question).Contains);

    /// <summary>
    /// The part of the question that asks (<see cref="AskingMask"/>), rough counts ("好几个老板") blanked: "几" there does not
    /// ask how many.
    /// </summary>
    public string Asked(string question)
    {
        var form = MatchForm(question);
        var mask = AskingMask(question);
        var asked = mask is null ? form : string.Concat(form.Select((c, i) => mask[i] ? c : '|'));
        return NotAsking().Replace(asked, m => new string('|', m.Length));
    }

    /// <summary>Text as terms are matched against it (see <see cref="TextCleaner.MatchForm"/>).</summary>
    public static string MatchForm(string text) => TextCleaner.MatchForm(text);

    public IReadOnlyList<KeyTerm> Terms(string question)
    {
        var original = MatchForm(question);
        var text = original.ToCharArray();
        var terms = new List<KeyTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var generic = new bool[text.Length];
        foreach (var word in vocabulary.GenericWords)
        {
            for (var at = original.IndexOf(word, StringComparison.Ordinal); at >= 0; at = original.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(generic, true, at, word.Length);
            }
        }

        // Synonym words first (longest first), so "片区联建" matches "区域联建" as a whole.
        foreach (var (word, group) in synonymWords)
        {
            var at = new string(text).IndexOf(word, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            if (seen.Add(string.Join('|', group)))
            {
                terms.Add(new KeyTerm(group, generic.AsSpan(at, word.Length).IndexOf(false) < 0, Start: at));
            }

            Blank(text, word);
        }

        // The thesaurus: a word people use ("写字楼") is covered by the documents' words for it ("商务楼宇"), for less.
        foreach (var entry in expansions)
        {
            var at = new string(text).IndexOf(entry.Word, StringComparison.Ordinal);
            if (at < 0 || !seen.Add(entry.Word))
            {
                continue;
            }

            terms.Add(new KeyTerm([entry.Word], generic.AsSpan(at, entry.Word.Length).IndexOf(false) < 0, Start: at)
            {
                Expansions = entry.DocumentWords,
                ExpansionCredit = entry.Credit,
            });
            Blank(text, entry.Word);
        }

        // "怎么办理" is the verb 办理, not the question word 怎么办.
        var kept = new bool[text.Length];
        foreach (var word in vocabulary.KeptWords ?? [])
        {
            for (var at = original.IndexOf(word, StringComparison.Ordinal); at >= 0; at = original.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(kept, true, at, word.Length);
            }
        }

        // "每个支部能有80人吗": a modal right before 有 (能有, 会有, 得有) asks whether, as 可以 and 要 do (question words);
        // it is no content word. Only a modal that starts a word of the cut: 工会有 is 工会 + 有, 可能有 is 可能 + 有.
        var cut = segmenter?.Words(original);
        BlankModals(text, original, cut);

        foreach (var word in questionWords)
        {
            Blank(text, word, kept);
        }

        // "三名" / "五十人" count like "3名" / "50人": the documents write figures in digits.
        var asksQuantity = AsksQuantity(question);
        foreach (Match spelled in SpelledCount().Matches(new string(text)))
        {
            if (!StatesNoFigure(spelled, original, asksQuantity) && ChineseNumber(spelled.Groups["n"].Value) is { } value
                && seen.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                // The documents write most figures in digits, some in words ("一人一企", "至少帮扶组建一个"): either covers it;
                // "一个支部最多多少人" asks what holds for each: "每个支部人数一般不超过50人".
                string[] words = value == 1 ? [value.ToString(System.Globalization.CultureInfo.InvariantCulture), spelled.Value, "每" + spelled.Value[1..]]
                    : [value.ToString(System.Globalization.CultureInfo.InvariantCulture), spelled.Value];
                var end = spelled.Index + spelled.Length;
                if (spelled.Value.EndsWith('个') && end < original.Length && original[end] == '人')
                {
                    // "一个人管几家" is the written "一人多企": a count of persons drops its measure word 个.
                    words = [.. words, spelled.Groups["n"].Value + "人"];
                }

                terms.Add(new KeyTerm(words, false, Start: spelled.Index));
            }

            Array.Fill(text, '|', spelled.Index, spelled.Length);
        }

        var rest = new string(text);
        // "100多名" is a number with its measure word, not the words 多名.
        rest = Measure().Replace(rest, m => new string('|', m.Length));
        foreach (Match number in Number().Matches(rest))
        {
            if (seen.Add(number.Value))
            {
                terms.Add(new KeyTerm([number.Value], false, Start: number.Index));
            }
        }

        // A bigram across two words ("党员有" → 员有) is an artefact of reading two characters at a time: none is a term.
        var boundaries = cut is null ? null : WordSegmenter.Boundaries(cut, original.Length);
        var guessed = cut is null ? null : GuessedJoins(cut, original);
        var runs = HanRun().Matches(rest).ToList();

        // A word of three or four characters ("联络员", "副书记") is a term of its own beside its bigrams.
        var inWord = new string?[rest.Length];
        foreach (var (start, end) in cut ?? [])
        {
            var word = rest[start..end];
            if (end - start is 3 or 4 && word.All(TextCleaner.IsCjk) && seen.Add(word))
            {
                terms.Add(new KeyTerm([word], generic.AsSpan(start, end - start).IndexOf(false) < 0, Start: start) { IsWord = true });
                for (var at = start; at + 1 < end; at++)
                {
                    inWord[at] = word;
                }
            }
        }

        var onlyContent = runs.Count == 1 && terms.Count == 0;
        for (var r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            if (run.Length == 1)
            {
                // A lone character between removed words says little, unless it is all the question has.
                if (onlyContent && seen.Add(run.Value))
                {
                    terms.Add(new KeyTerm([run.Value], generic[run.Index], r, 0, run.Index));
                }
                else if (vocabulary.LoneWords is { } lone && lone.TryGetValue(run.Value, out var words) && seen.Add(run.Value))
                {
                    // "党组织书记怎么选" asks about 选举/产生: the verb the question leaves alone is what it asks.
                    terms.Add(new KeyTerm(words, false, Start: run.Index));
                }

                continue;
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                var bigram = run.Value.Substring(i, 2);
                if (seen.Add(bigram))
                {
                    terms.Add(new KeyTerm([bigram], generic[run.Index + i] && generic[run.Index + i + 1], r, i, run.Index + i)
                    {
                        // "对联络员": 对联 is a word, but not here, where the longer word 联络员 begins.
                        CrossesWords = boundaries is not null && boundaries[run.Index + i]
                            && (!segmenter!.IsWord(bigram) || inWord[run.Index + i + 1] is not null || run.Index + i >= 1 && inWord[run.Index + i - 1] is not null),
                        InWord = inWord[run.Index + i],
                        GuessedJoin = guessed is not null && guessed[run.Index + i],
                    });
                }
            }
        }

        foreach (Match word in LatinWord().Matches(rest))
        {
            if (seen.Add(word.Value))
            {
                terms.Add(new KeyTerm([word.Value], false));
            }
        }

        // A term inside a unit type the question names ("没有党员的律所") is covered, for less, by its class (社会组织).
        var named = UnitClasses.Named(original, unitTypes);
        for (var k = 0; k < terms.Count; k++)
        {
            if (terms[k].Start >= 0 && terms[k].Start < named.Length && named[terms[k].Start] is { } unitType)
            {
                terms[k] = terms[k] with { UnitClass = unitType };
            }
        }

        return terms;
    }

    /// <summary>A character at least this frequent as a word of its own in jieba's dictionary is a word where it stands alone.</summary>
    public const int CommonWordFrequency = 1000;

    /// <summary>
    /// Where jieba's HMM joined two common dictionary words into a word its dictionary does not hold: "一个人管一家" gives
    /// 人管 (人|管), "太少单建" gives 太少单 (太少|单). True at the first character of the bigram across the join.
    /// </summary>
    private bool[] GuessedJoins(IReadOnlyList<(int Start, int End)> cut, string text)
    {
        bool Common(string part) => part.All(TextCleaner.IsCjk) && segmenter!.IsWord(part) && segmenter.Frequency(part) >= CommonWordFrequency;
        var joins = new bool[text.Length];
        foreach (var (start, end) in cut)
        {
            var word = text[start..end];
            if (end - start is not (2 or 3) || !word.All(TextCleaner.IsCjk) || segmenter!.IsWord(word))
            {
                continue;
            }

            for (var at = 1; at < word.Length; at++)
            {
                if (Common(word[..at]) && Common(word[at..]))
                {
                    joins[start + at - 1] = true;
                    break;
                }
            }
        }

        return joins;
    }

    /// <summary>
    /// Where the question starts asking (its first question word, "入党要交什么材料" → 要): the words before it are what it is
    /// about. The question's length when it has none.
    /// </summary>
    public int AskedAt(string question)
    {
        var original = MatchForm(question);
        var taken = new bool[original.Length];
        foreach (var word in synonymWords.Select(p => p.Word).Concat(vocabulary.KeptWords ?? []))
        {
            for (var at = original.IndexOf(word, StringComparison.Ordinal); at >= 0; at = original.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(taken, true, at, word.Length);
            }
        }

        var first = original.Length;
        // "的" joins a phrase ("职工50人以上的企业"); it does not start the asking.
        foreach (var word in questionWords.Where(w => w != "的"))
        {
            for (var at = original.IndexOf(word, StringComparison.Ordinal); at >= 0 && at < first; at = original.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, word.Length).IndexOf(true) < 0)
                {
                    first = at;
                    break;
                }
            }
        }

        return first;
    }

    /// <summary>
    /// Which characters of the question (in <see cref="MatchForm"/>) stand in a clause that asks: one that holds an
    /// interrogative (什么, 怎么, 几, 吗…) or ends with a question mark. Null when the question is one clause, or when every
    /// clause or none asks: then all of it asks. "我们社区有家物业公司，30个员工，2个党员，该怎么建？" asks in its last clause;
    /// the others tell the situation.
    /// </summary>
    /// <param name="extend">
    /// Every asking clause also takes the clause before it: "…老板自己当了党组织书记，那还需要另外配人吗？" asks, with words no
    /// document uses, about what the clause before it names.
    /// </param>
    public bool[]? AskingMask(string question, bool extend = false)
    {
        var text = MatchForm(question);
        var clauses = Clause().Matches(text);
        if (clauses.Count < 2 || vocabulary.Interrogatives is not { Count: > 0 } interrogatives)
        {
            return null;
        }

        var mask = new bool[text.Length];
        Match? previous = null;
        foreach (Match clause in clauses)
        {
            // "好几个老板", "几十家" count roughly; they do not ask how many.
            var words = NotAsking().Replace(clause.Value, m => new string('|', m.Length));
            if (clause.Value.EndsWith('?') || interrogatives.Any(w => words.Contains(w, StringComparison.Ordinal)))
            {
                Array.Fill(mask, true, clause.Index, clause.Length);

                // "我们公司有个员工想入党，要交什么材料？": an asking clause with no subject of its own asks about the clause before it.
                // "正式党员不够仨的支部 上面咋处理": a short noun phrase before the asking clause is its topic, not a situation told.
                if (previous is not null && (extend || !HasSubject(clause.Value, interrogatives) || NounPhrase().IsMatch(previous.Value)))
                {
                    Array.Fill(mask, true, previous.Index, previous.Length);
                }

                // "…，这种情况文件里怎么说？": the situation it points back to is everything its sentence told before it.
                if (Situation().IsMatch(clause.Value))
                {
                    var start = clause.Index == 0 ? -1 : text.LastIndexOfAny(SentenceEnds, clause.Index - 1);
                    Array.Fill(mask, true, start + 1, clause.Index - start - 1);
                }
            }

            previous = clause;
        }

        var asking = mask.Count(a => a);
        return asking == 0 || asking == text.Length ? null : mask;
    }

    /// <summary>Where the asking part of the question (<see cref="Asked"/>) has its first interrogative (什么, 怎么…); -1 when none.</summary>
    public int FirstInterrogative(string question)
    {
        var asked = Asked(question);
        return (vocabulary.Interrogatives ?? []).Select(w => asked.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
    }

    /// <summary>
    /// True when a word of two or more characters, not a question word, stands before the clause's first interrogative
    /// ("这种口袋党员该怎么办" → 口袋党员; "要交什么材料" has none).
    /// </summary>
    private bool HasSubject(string clause, IReadOnlyList<string> interrogatives)
    {
        var words = NotAsking().Replace(clause, m => new string('|', m.Length));
        var at = interrogatives.Select(w => words.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(words.Length).Min();
        var prefix = words[..at].ToCharArray();
        foreach (var word in questionWords)
        {
            Blank(prefix, word);
        }

        // "这么大的企业文件里有啥要求": what points back (这么, 这种, 他) and the campaign's generic words (企业) name no subject of
        // the clause's own; the clause asks about what was told before it.
        foreach (var word in vocabulary.GenericWords)
        {
            Blank(prefix, word);
        }

        var rest = PointsBack().Replace(new string(prefix), m => new string('|', m.Length));
        return HanRun().Matches(JoiningCharacters().Replace(rest, "|")).Any(m => m.Length >= 2);
    }

    /// <summary>Blanks each modal of the vocabulary (能, 会, 得) that starts a word of <paramref name="cut"/> right before 有.</summary>
    private void BlankModals(char[] text, string original, IReadOnlyList<(int Start, int End)>? cut)
    {
        if (cut is null || vocabulary.ModalWords is not { Count: > 0 } modals)
        {
            return;
        }

        foreach (var (start, _) in cut)
        {
            foreach (var modal in modals)
            {
                var end = start + modal.Length;
                if (end < original.Length && original[end] == '有' && string.CompareOrdinal(original, start, modal, 0, modal.Length) == 0)
                {
                    Array.Fill(text, '|', start, modal.Length);
                }
            }
        }
    }

    private static void Blank(char[] text, string word, bool[]? kept = null)
    {
        var s = new string(text);
        for (var at = s.IndexOf(word, StringComparison.Ordinal); at >= 0; at = s.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            if (kept is null || kept.AsSpan(at, word.Length).IndexOf(true) < 0)
            {
                Array.Fill(text, '|', at, word.Length);
            }
        }
    }

    private static IEnumerable<string> Bigrams(string word)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            yield return word.Substring(i, 2);
        }
    }

    private static int? ChineseNumber(string value)
    {
        const string digits = "零一二三四五六七八九";
        int total = 0, current = 0;
        foreach (var c in value.Replace('两', '二'))
        {
            var d = digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0)
            {
                current = d;
            }
            else if (c is '十' or '百')
            {
                total += (current == 0 ? 1 : current) * (c == '十' ? 10 : 100);
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return total + current;
    }

    [GeneratedRegex(@"(?<n>[一二两三四五六七八九十百]+)([名人位家]|个(?=党员|单位|企业|公司|组织|支部|人|\P{IsCJKUnifiedIdeographs}|$))")]
    private static partial Regex SpelledCount();

    [GeneratedRegex(@"(?<=\d)[多余来]?[名人个位家项条次]")]
    private static partial Regex Measure();

    [GeneratedRegex(@"\d+(\.\d+)?%?")]
    private static partial Regex Number();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]+")]
    private static partial Regex HanRun();

    [GeneratedRegex(@"[^,;。?!:]+[,;。?!:]*")]
    private static partial Regex Clause();

    /// <summary>
    /// A short clause that is a bare noun phrase ending in "的" and its head ("正式党员不够仨的支部", "没党员的公司"): the topic
    /// the next clause asks about, not a situation told (a longer one, "参照海口那个文件的做法", tells).
    /// </summary>
    [GeneratedRegex(@"^(?=[^,;。?!:]{3,12}[,;。?!:]*$)[^,;。?!:的]+的\p{IsCJKUnifiedIdeographs}{1,4}[,;。?!:]*$")]
    private static partial Regex NounPhrase();

    // "哪几样" asks which items, not how many: its 几 is no count (哪 still asks); "哪几天" still asks days.
    [GeneratedRegex(@"好几|几十|十几|几百|几千|几乎|(不了|没有?|不到|没得)几|(?<=哪)几(?![天号日月年周])")]
    private static partial Regex NotAsking();

    /// <summary>Words that point back to what was told before: demonstratives and third-person pronouns (not 其他).</summary>
    [GeneratedRegex(@"这种|这类|这样|这么|这个(?!月)|这些|这家|这位|此类|上述|(?<!其)[他她]")]
    private static partial Regex PointsBack();

    /// <summary>Characters that join words rather than name anything (的, 了, 有, 里…).</summary>
    [GeneratedRegex(@"[的地得了着过有在里对把被从向由以将和与及或等]")]
    private static partial Regex JoiningCharacters();

    /// <summary>A clause naming the situation as a whole: 这种情况, 这样的问题, 上述情形.</summary>
    [GeneratedRegex(@"(这种|这类|这样的?|这个|此种|上述|以上)(情况|情形|问题|现象|事)")]
    private static partial Regex Situation();

    private static readonly char[] SentenceEnds = ['。', '.', '?', '!', '？', '！'];

    [GeneratedRegex(@"[a-z]{2,}")]
    private static partial Regex LatinWord();
}
