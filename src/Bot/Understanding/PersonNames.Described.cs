namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A person named after a description of them (round 16, r16-uname): the words before the name are stepped over as classes,
/// never as phrases — fillers (那个, 就是), owners (我们, 他们), places, units and titles with their chains (罗岗社区党委副书记兼
/// 居委会主任), the unknown words of an affiliation between them (区财政局, 民治街道党群服务中心专职…), an attributive ending in
/// 的 (区财政局下派的), a nickname the full name repeats (小刘刘海燕, 老鲍 鲍建勋) — and the name is the first that closes: a pause,
/// the end, a word that follows names (同志, 负责, 他), or a dictionary word beginning right after it (陈晓东|专门, not 陈晓|东专).
/// A name is never a word of the rules' verb classes (成立) and never starts inside a place, unit or title word (区|文联).
/// Where no name closes, or a nickname stands alone (街道派来的小邓), nothing is read: a wrong name is worse than none.
/// </summary>
internal sealed partial class PersonNames
{
    /// <summary>A dictionary word at least this frequent that begins right after a name ends it (专门 8512, 负责, 联系).</summary>
    private const int BoundaryWordFrequency = 100;

    private readonly KeywordSet fillers = new(vocabulary.SpokenFillers);
    private readonly KeywordSet duties = new(Holder(vocabulary, "duty_verbs"));

    /// <summary>Words of the rules' verb and function classes: a name is none of them ("书记是…主席 成立" heard for 陈立).</summary>
    private readonly HashSet<string> classWords = new(vocabulary.FormationVerbs.Concat(vocabulary.VisitVerbs).Concat(vocabulary.DiscoveryVerbs)
        .Concat(vocabulary.HireVerbs).Concat(vocabulary.MassFormationVerbs).Concat(vocabulary.InstructorVerbs).Concat(vocabulary.PairingVerbs)
        .Concat(vocabulary.CompletionVerbs).Concat(vocabulary.NameStopwords).Concat(vocabulary.NameClosingWords), StringComparer.Ordinal);

    /// <summary>A word's frequency in the dictionary people write (jieba's; 0 when it holds no such word).</summary>
    private readonly Func<string, int> frequency = SoundAlikes.DictionaryFrequency;

    /// <summary>
    /// The person a description names from <paramref name="position"/> (after a post and its link, 由, a handing verb, or a pause
    /// in apposition), with where the name starts; null where no name closes within the description or the reading is unsure.
    /// A pause is crossed only after a description word (a title, a place, 的) or a nickname: "工会主席 陈立", "老鲍 鲍建勋".
    /// </summary>
    public (string Name, int Start)? ReadDescribed(string text, int position, int end = int.MaxValue)
    {
        end = Math.Min(Math.Min(end, text.Length), position + 32);
        // A name is tried only where a description word has just ended (or at the start): never inside a word the lists lack.
        var open = true;
        for (var i = position; i < end;)
        {
            var c = text[i];
            if (c is ' ' or '，' or ',' or '、')
            {
                // Voice input spaces the words of one stretch; a written pause goes on only after a description word.
                if (c != ' ' && (i == position || !open))
                {
                    return null;
                }

                i++;
                continue;
            }

            if (!TextNormalizer.IsHan(c))
            {
                return null;
            }

            if (fillers.MatchAt(text, i, end) is { } filler)
            {
                (i, open) = (i + filler.Length, true);
                continue;
            }

            if (pointers.MatchAt(text, i, end) is { Length: >= 2 } owner)
            {
                (i, open) = (i + owner.Length, true); // 我们街道的…, 他们的…
                continue;
            }

            if (open && NicknameAt(text, i, end) is { } surname)
            {
                return FullNameAfterNickname(text, i + 2, end, surname);
            }

            if (open && NameStartingAt(text, i, end) is { } name)
            {
                return (name, i);
            }

            var word = preceding.MatchAt(text, i, end)?.Length ?? 0;
            open = word > 0 || c is '的' or '兼';
            i += Math.Max(word, 1);
        }

        return null;
    }

    /// <summary>A name that starts at <paramref name="i"/> and closes, is no class word and starts inside no place, unit or title word.</summary>
    private string? NameStartingAt(string text, int i, int end)
    {
        if (stopwords.MatchAt(text, i, end) is { Length: > 1 } || closing.MatchAt(text, i, end) is { Length: > 1 } || InsidePrecedingWord(text, i)
            || ReadAt(text, i, end) is not { Length: >= 2 } name || classWords.Contains(name) || name.Skip(1).Any(ChineseNumber.IsNumeralChar))
        {
            return null;
        }

        var after = i + name.Length;
        return EndsName(text, after) && places.MatchAt(text, after) is null && !DescribesNext(text, after) ? name : null;
    }

    /// <summary>小/老/阿 + a surname at <paramref name="i"/> ("小刘", "老纪"), not a word of the name classes (老师): the surname, else null.</summary>
    private char? NicknameAt(string text, int i, int end) =>
        i + 1 < end && nicknamePrefixes.Contains(text[i]) && surnames.Contains(text[i + 1]) && closing.MatchAt(text, i, end) is null
            && stopwords.MatchAt(text, i, end) is null && preceding.MatchAt(text, i, end) is null
            ? text[i + 1]
            : null;

    /// <summary>The full name a nickname's surname opens after it ("小刘刘海燕", "老鲍 鲍建勋"); a nickname alone names nobody surely.</summary>
    private (string Name, int Start)? FullNameAfterNickname(string text, int i, int end, char surname)
    {
        while (i < end && text[i] is ' ' or '，' or ',')
        {
            i++;
        }

        return i < end && text[i] == surname && NameStartingAt(text, i, end) is { } full ? (full, i) : null;
    }

    /// <summary>
    /// Whether a name may end at <paramref name="position"/>: <see cref="ClosedAt"/>, a verb of taking a duty on (负责, 对接), or a
    /// dictionary word beginning there that does not straddle the boundary (陈晓东|专门 ends; 党务工|作者 does not: 工作 is a word).
    /// </summary>
    private bool EndsName(string text, int position)
    {
        if (ClosedAt(text, position) || duties.MatchAt(text, position) is not null)
        {
            return true;
        }

        return position + 2 <= text.Length && position >= 1 && TextNormalizer.IsHan(text[position + 1])
            && frequency(text.Substring(position, 2)) >= BoundaryWordFrequency && frequency(text.Substring(position - 1, 2)) == 0;
    }

    /// <summary>"区文联的老纪…": a name-like word followed by 的 and more words describes what follows; it is not the holder.</summary>
    private static bool DescribesNext(string text, int position) =>
        position + 1 < text.Length && text[position] == '的' && TextNormalizer.IsHan(text[position + 1]);

    /// <summary>Whether a verb of taking a duty on (负责, 来当, 对接; <c>holder_phrases.duty_verbs</c>) starts at <paramref name="position"/>.</summary>
    public bool DutyAt(string text, int position) => duties.MatchAt(text, position) is not null;
}
