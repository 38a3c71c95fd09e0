namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Reads a Chinese personal name (surname + one or two characters) where the grammar says one stands. A name is bounded by
/// word classes (vocabulary.json): it ends where a word that follows names begins (<c>name_stopwords</c>,
/// <c>name_closing_words</c>: 同志, 书记, 这回, 自己, 当, 兼任) and it starts after a place, unit or title word
/// (<c>name_preceding_words</c>, <c>titles</c>, <c>chain_titles</c>: 社区, 党委, 主任), never on that word's last character.
/// </summary>
internal sealed partial class PersonNames(Vocabulary vocabulary)
{
    private readonly HashSet<char> surnames = [.. vocabulary.Surnames];
    private readonly KeywordSet compound = new(vocabulary.CompoundSurnames);
    private readonly KeywordSet stopwords = new(vocabulary.NameStopwords);
    private readonly KeywordSet closing = new(vocabulary.NameClosingWords);
    private readonly KeywordSet preceding = new(vocabulary.NamePrecedingWords.Concat(vocabulary.Titles).Concat(vocabulary.ChainTitles));
    private readonly KeywordSet places = new(vocabulary.NamePrecedingWords);
    private readonly KeywordSet pointers = new(vocabulary.NameLeadingPointers);
    private readonly KeywordSet links = new(Holder(vocabulary, "links"));
    private readonly HashSet<char> nicknamePrefixes = [.. Holder(vocabulary, "nickname_prefixes").Where(w => w.Length == 1).Select(w => w[0])];
    private readonly KeywordSet titleWords = new(vocabulary.Titles.Concat(vocabulary.ChainTitles).Where(w => w.Length >= 2));
    private readonly KeywordSet addressTitles = new(Holder(vocabulary, "address_titles"));
    private readonly HashSet<char> neverGiven = [.. Holder(vocabulary, "never_given").Where(w => w.Length == 1).Select(w => w[0])];
    private readonly int longestPreceding = vocabulary.NamePrecedingWords.Concat(vocabulary.Titles).Concat(vocabulary.ChainTitles).Select(w => w.Length).DefaultIfEmpty(1).Max();

    /// <summary>The name starting at <paramref name="position"/>, or null when no name starts there.</summary>
    public string? ReadAt(string text, int position, int end = int.MaxValue)
    {
        end = Math.Min(end, text.Length);
        if (position >= end)
        {
            return null;
        }

        // "那边", "这回": a pointer (这, 那, 该, 本, 各) is read as a pointer, not as the rare surname it may also be.
        var surnameLength = compound.MatchAt(text, position, end)?.Length ?? (surnames.Contains(text[position]) && pointers.MatchAt(text, position, end) is null ? 1 : 0);
        if (surnameLength == 0)
        {
            return null;
        }

        var i = position + surnameLength;
        if (AddressedByTitle(text, i, end))
        {
            return null; // "杨主任", "孙经理", "张总": a surname and a title address a person, they are no name
        }

        var given = 0;
        while (i < end && given < 2 && TextNormalizer.IsHan(text[i]) && !neverGiven.Contains(text[i]) && (given == 0 || (stopwords.MatchAt(text, i, end) is null && closing.MatchAt(text, i) is null) || ConjunctionClosing(text, i, end)))
        {
            if (given == 0 && (stopwords.MatchAt(text, i, end) is { Length: > 1 } || closing.MatchAt(text, i) is { Length: > 1 }))
            {
                break;
            }

            i++;
            given++;
        }

        // "李建国说他来…" read back from 他: 国说 is no name, a one-character stopword (说, 在, 有) is no whole given name.
        return given == 0 || (given == 1 && stopwords.MatchAt(text, i - 1, i) is not null) ? null : text[position..i];
    }

    /// <summary>
    /// Whether a title follows the surname that ends at <paramref name="position"/>: a title word of two characters or more
    /// (<c>titles</c>, <c>chain_titles</c>: 主任, 经理, 部长), or an address title (<c>holder_phrases.address_titles</c>: 总, 董)
    /// that closes there ("张总，", "王总 王建国").
    /// </summary>
    private bool AddressedByTitle(string text, int position, int end)
    {
        if (titleWords.MatchAt(text, position, end) is not null)
        {
            return true;
        }

        return addressTitles.MatchAt(text, position, end) is { } address
            && (ClosedAt(text, position + address.Length) || position + address.Length >= end || surnames.Contains(text[position + address.Length]));
    }

    /// <summary>Whether a surname and a title stand at <paramref name="position"/> ("张总", "李主任"): an address, no name.</summary>
    public bool TitledSurnameAt(string text, int position) =>
        position < text.Length && (compound.MatchAt(text, position)?.Length ?? (surnames.Contains(text[position]) ? 1 : 0)) is var length and > 0
        && AddressedByTitle(text, position + length, text.Length);

    /// <summary>"书记何佳和" closing its clause: a conjunction joins nothing there, so it is the given name's last character.</summary>
    private static bool ConjunctionClosing(string text, int position, int end) =>
        text[position] is '和' or '与' or '及' or '同' or '跟' && (position + 1 >= Math.Min(end, text.Length) || !TextNormalizer.IsHan(text[position + 1]));

    public string? StopwordAt(string text, int position) => stopwords.MatchAt(text, position);

    /// <summary>Whether a name may end at <paramref name="position"/>: the text ends, a pause, or a word that follows names.</summary>
    public bool ClosedAt(string text, int position) =>
        position >= text.Length || !TextNormalizer.IsHan(text[position]) || stopwords.MatchAt(text, position) is not null || closing.MatchAt(text, position) is not null;

    /// <summary>Whether a place, unit or title word ends right at <paramref name="position"/> ("街道组织员|黄海涛").</summary>
    public bool PrecededAt(string text, int position) => position > 0 && preceding.LongestEndingAt(text, position) > 0;

    /// <summary>Whether <paramref name="position"/> lies inside a place, unit or title word (社区 over 区, 党委 over 党): no name starts there.</summary>
    private bool InsidePrecedingWord(string text, int position)
    {
        for (var s = Math.Max(0, position - longestPreceding + 1); s <= position; s++)
        {
            if (preceding.MatchAt(text, s) is { } word && s + word.Length > position)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name that ends right before <paramref name="end"/> ("周海涛书记", "王书记" gives null: no given name). Words that
    /// follow names and end at or cross <paramref name="end"/> are stepped over first ("邓丽书记", "任爱华兼|任", "林青禾自己").
    /// </summary>
    public string? ReadBefore(string text, int end, int start = 0)
    {
        end = Math.Min(end, text.Length);
        for (var q = Math.Max(start, end - 2); q < end; q++)
        {
            // "院长任爱华兼任书记" with the end between 兼 and 任: the word crossing the end is no part of the name.
            if (closing.MatchAt(text, q) is { } crossing && q + crossing.Length > end && q > start)
            {
                end = q;
                break;
            }
        }

        for (var guard = 0; guard < 4 && end - start > 2 && TrailingWord(text, end) is { } trailing; guard++)
        {
            end -= trailing;
        }

        for (var length = 3; length >= 2; length--)
        {
            var position = end - length;
            if (position >= start && !InsidePrecedingWord(text, position) && ReadAt(text, position, end) is { } name && name.Length == length)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The length of a word that follows names and ends at <paramref name="end"/> (同志, 这回, 自己, 今天, 被), or null.</summary>
    private int? TrailingWord(string text, int end)
    {
        for (var length = 3; length >= 1; length--)
        {
            var at = end - length;
            // A one-character stopword (和, 来) may be the given name's last character ("何佳和同志"): only closing words step back by one.
            if (at >= 0 && (closing.MatchAt(text, at, end)?.Length == length || (length > 1 && stopwords.MatchAt(text, at, end)?.Length == length)))
            {
                return length;
            }
        }

        return null;
    }

    /// <summary>
    /// A name at <paramref name="position"/> that closes there ("冯立新同志", "邓小军 明天…"), or after a qualifier that
    /// ends in 的, a colon or a place, unit or title word ("布吉街道的邓小军", "鹏城数据：民治街道党建办干事郑凯", "汇通的汤志刚"),
    /// within the clause; else a name that starts there and is not a place's first characters.
    /// </summary>
    public string? ReadQualified(string text, int position)
    {
        if (ReadAt(text, position) is { Length: >= 2 } direct && ClosedAt(text, position + direct.Length) && places.MatchAt(text, position + direct.Length) is null
            && !InsidePrecedingWord(text, position) && !DescribesNext(text, position + direct.Length))
        {
            return direct;
        }

        for (var i = position; i < text.Length && i - position < 16 && (TextNormalizer.IsHan(text[i]) || text[i] is '：' or ':'); i++)
        {
            var after = text[i] is '的' or '：' or ':' ? i + 1 : preceding.MatchAt(text, i) is { } word ? i + word.Length : -1;
            if (after > 0 && ReadAt(text, after) is { Length: >= 2 } name && ClosedAt(text, after + name.Length) && !InsidePrecedingWord(text, after)
                && !DescribesNext(text, after + name.Length))
            {
                return name;
            }
        }

        // "指导员赵敏帮着…": a name the clause goes on after, unless a place word follows it (龙城街道).
        return ReadAt(text, position) is { Length: >= 2 } open && places.MatchAt(text, position + open.Length) is null ? open : null;
    }

    /// <summary>
    /// The person a holder phrase names at <paramref name="position"/> (after a post word and its link, an appointing or a
    /// handing verb). The name's boundary comes from the words that describe a person before it: within one stretch of
    /// speech as <see cref="ReadQualified"/> reads it (places, units, 的, titles: "街道的邹建华", "党群服务中心专职干事罗海燕");
    /// across one pause when the stretch before it is a description that ends in a title or a place word ("他们的技术总监，
    /// 叫龚志强", "主任律师 叫潘文彬"), where a link (叫, 是) may go on, or ends in a nickname (小/老/阿 + a surname) that the
    /// full name after the pause repeats ("小谭 谭志远", "老钱，钱立新").
    /// </summary>
    public string? ReadHolder(string text, int position)
    {
        if (ReadDescribed(text, position) is { } described)
        {
            return described.Name; // PersonNames.Described.cs: "街道党群中心的王晓燕", "我们街道的小刘刘海燕", "那个陈晓东"
        }

        if (ReadQualified(text, position) is { } qualified)
        {
            return qualified;
        }

        var stretchEnd = position;
        while (stretchEnd < text.Length && stretchEnd - position < 16 && TextNormalizer.IsHan(text[stretchEnd]))
        {
            stretchEnd++;
        }

        var after = stretchEnd;
        while (after < text.Length && after - stretchEnd < 2 && text[after] is ' ' or '，' or ',' or '、')
        {
            after++;
        }

        if (stretchEnd - position < 2 || after == stretchEnd || after >= text.Length)
        {
            return null;
        }

        char? nickname = nicknamePrefixes.Contains(text[stretchEnd - 2]) && surnames.Contains(text[stretchEnd - 1]) ? text[stretchEnd - 1] : null;
        if (nickname is null && preceding.LongestEndingAt(text, stretchEnd) == 0)
        {
            return null;
        }

        if (nickname is null && links.MatchAt(text, after) is { } link)
        {
            after += link.Length;
        }

        return ReadAt(text, after) is { Length: >= 2 } full && ClosedAt(text, after + full.Length) && !full.Skip(1).Any(ChineseNumber.IsNumeralChar)
            && (nickname is null || full[0] == nickname)
            ? full
            : null;
    }

    private static IEnumerable<string> Holder(Vocabulary v, string name) => v.HolderPhrases.TryGetValue(name, out var words) ? words : [];
}
