namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Links a mention to ledger units by the parts of their names, where no exact name of the index fits: 德润物业公司,
/// 诚信会计事务所, 云启网科, 瑞康器械公司, 明税那个事务所, 深圳市顺达快递有限公司 (the ledger: 德润物业管理有限公司,
/// 诚信会计师事务所, 云启网络科技…, 顺达快递服务有限公司). A unit's name is split once into its proper part (德润) and
/// the rest (its trade words and legal form: 物业管理有限公司). A mention
/// <list type="bullet">
/// <item>keeps the proper part whole and first (it is the dictionary key: candidates come by it, never by a scan);</item>
/// <item>goes on with at least one piece the rest explains, in order: a word of the vocabulary (trade, kind or legal form)
/// found in the rest (物业, 器械, 事务所, 公司), or a shortening — characters taken in order from the rest, starting at one
/// of its words (网科 from 网络科技, 会计事务所 from 会计师事务所), two at least;</item>
/// <item>may hold one pointer between pieces (明税那个事务所, 金桥那个公司).</item>
/// </list>
/// Among the units whose proper part it is, those that explain the longest stretch compete: one alone wins; of several,
/// the one whose trade words were all said wins when it is the only one; else the mention is ambiguous (华鼎公司, 云启公司).
/// A trade word said after the proper part that the unit's name lacks (星辰科技 for 星辰半导体) is another unit:
/// <see cref="Contradicts"/>. No proper part (物流协会, 园区那家物流公司) links nothing here: a wrong unit is worse than a question.
/// </summary>
internal sealed class OrganizationLinker
{
    private const int MinShortening = 2;

    // Between the proper part and a kind ("明税那个事务所"): it points at the unit just named, it names none.
    private static readonly string[] Pointers = ["那个", "那家", "这个", "这家"];

    // Particles after a verb-like trade word ("星辰发展了三名党员"): the word is the verb there, not a trade.
    private static readonly string[] VerbParticles = ["了", "过", "着"];

    private readonly Dictionary<string, List<Unit>> byProper = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Unit>>.AlternateLookup<ReadOnlySpan<char>> properLookup;
    private readonly Dictionary<char, int> longestByFirst = [];
    private readonly Dictionary<int, Unit> byIndex = [];
    private readonly string[] wordsLongestFirst;
    private readonly HashSet<string> kindWords;
    private readonly KeywordSet nameStops;
    private readonly HashSet<char> tradeFirsts;

    /// <param name="words">trade, kind and legal words of the vocabulary (物业, 事务所, 有限公司…).</param>
    /// <param name="kinds">words that say what kind a unit is, not its trade (公司, 厂, 协会, 店…).</param>
    /// <param name="stops">words that end a name (今天, 发现, 的…).</param>
    public OrganizationLinker(IEnumerable<string> words, IEnumerable<string> kinds, KeywordSet stops)
    {
        wordsLongestFirst = [.. words.Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length)];
        kindWords = [.. kinds];
        nameStops = stops;
        tradeFirsts = [.. wordsLongestFirst.Where(w => w.Length >= 2 && !kindWords.Contains(w)).Select(w => w[0])];
        properLookup = byProper.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Ledger unit <paramref name="index"/>: its proper part and the rest of its name after it (trade words, legal form).</summary>
    public void Add(int index, string proper, IReadOnlyList<string> tradeWords, string legalForm)
    {
        if (proper.Length < 2 || !proper.All(TextNormalizer.IsHan))
        {
            return;
        }

        var starts = new List<int>();
        var rest = "";
        foreach (var word in tradeWords.Append(legalForm).Where(w => w.Length > 0))
        {
            starts.Add(rest.Length);
            rest += word;
        }

        if (!byProper.TryGetValue(proper, out var units))
        {
            byProper[proper] = units = [];
        }

        if (units.All(u => u.Index != index))
        {
            var unit = new Unit(index, rest, tradeWords.Sum(w => w.Length), [.. starts]);
            units.Add(unit);
            byIndex[index] = unit;
            longestByFirst[proper[0]] = Math.Max(longestByFirst.GetValueOrDefault(proper[0]), proper.Length);
        }
    }

    /// <summary>
    /// The units a mention starting at <paramref name="start"/> names (before <paramref name="limit"/>), with where it ends,
    /// or null when no proper part starts there with a piece of its name after it.
    /// </summary>
    public Link? LinkAt(string text, int start, int limit)
    {
        if (start >= limit || !longestByFirst.TryGetValue(text[start], out var longest))
        {
            return null;
        }

        for (var length = Math.Min(longest, limit - start); length >= 2; length--)
        {
            if (!properLookup.TryGetValue(text.AsSpan(start, length), out var units))
            {
                continue;
            }

            var end = -1;
            var best = new List<(Unit Unit, int Unsaid)>();
            foreach (var unit in units)
            {
                if (Explain(text, start + length, limit, unit) is not { } explained || Contradicts(unit, text, explained.End))
                {
                    continue;
                }

                if (explained.End > end)
                {
                    end = explained.End;
                    best.Clear();
                }

                if (explained.End == end)
                {
                    best.Add((unit, explained.Unsaid));
                }
            }

            if (best.Count == 0)
            {
                continue;
            }

            var whole = best.Where(b => b.Unsaid == 0).ToList();
            var members = best.Count == 1 ? best : whole.Count == 1 ? whole : best;
            return new Link(end, [.. members.Select(m => m.Unit.Index)]);
        }

        return null;
    }

    /// <summary>
    /// True when every unit of <paramref name="members"/> is contradicted at <paramref name="end"/>: a trade word follows the
    /// name that none of their names holds (星辰 + 科技 for 星辰半导体). Units this linker does not hold are never contradicted.
    /// </summary>
    public bool ContradictsAll(IReadOnlyList<int> members, string text, int end) =>
        members.All(m => byIndex.TryGetValue(m, out var unit) && Contradicts(unit, text, end));

    private bool Contradicts(Unit unit, string text, int end)
    {
        if (end >= text.Length || !tradeFirsts.Contains(text[end]))
        {
            return false;
        }

        foreach (var word in wordsLongestFirst)
        {
            if (word.Length < 2 || kindWords.Contains(word) || !text.AsSpan(end).StartsWith(word, StringComparison.Ordinal))
            {
                continue;
            }

            if (unit.Rest.Contains(word, StringComparison.Ordinal))
            {
                return false;
            }

            var after = end + word.Length;
            return after >= text.Length || !TextNormalizer.IsHan(text[after]) || kindWords.Any(k => text.AsSpan(after).StartsWith(k, StringComparison.Ordinal))
                || (nameStops.MatchAt(text, after) is { } stop && !VerbParticles.Contains(stop));
        }

        return false;
    }

    /// <summary>How far the pieces after the proper part reach for <paramref name="unit"/>, and how many trade characters went unsaid.</summary>
    /// <summary>The pointer (那个, 这家…) the span starts with, or null: a loop, not a closure per candidate position.</summary>
    private static string? PointerAt(ReadOnlySpan<char> span)
    {
        foreach (var pointer in Pointers)
        {
            if (span.StartsWith(pointer, StringComparison.Ordinal))
            {
                return pointer;
            }
        }

        return null;
    }

    private (int End, int Unsaid)? Explain(string text, int position, int limit, Unit unit)
    {
        var at = 0; // where in the unit's rest the next piece may start
        var said = 0;
        var end = -1;
        var pointerUsed = false;
        while (position < limit)
        {
            if (!pointerUsed && PointerAt(text.AsSpan(position, limit - position)) is { } pointer)
            {
                pointerUsed = true;
                position += pointer.Length;
                continue;
            }

            if (Piece(text, position, limit, unit, at) is not { } piece)
            {
                break;
            }

            said += Math.Min(piece.Length, Math.Max(0, unit.TradeLength - piece.RestStart));
            at = piece.RestEnd;
            position += piece.Length;
            end = position;
        }

        return end < 0 ? null : (end, Math.Max(0, unit.TradeLength - said));
    }

    /// <summary>One piece at <paramref name="position"/>: a vocabulary word found in the rest from <paramref name="from"/>, else a shortening.</summary>
    private (int Length, int RestStart, int RestEnd)? Piece(string text, int position, int limit, Unit unit, int from)
    {
        if (unit.Rest.IndexOf(text[position], from) < 0)
        {
            return null; // either piece starts with a character of the rest: most candidates stop here
        }

        foreach (var word in wordsLongestFirst)
        {
            if (word.Length <= limit - position && text.AsSpan(position, word.Length).SequenceEqual(word)
                && unit.Rest.IndexOf(word, from, StringComparison.Ordinal) is var found and >= 0)
            {
                return (word.Length, found, found + word.Length);
            }
        }

        // A shortening starts at a word of the rest and takes characters of it in order: 网科, 汽服, 会计事务所.
        foreach (var wordStart in unit.WordStarts)
        {
            if (wordStart < from || unit.Rest[wordStart] != text[position])
            {
                continue;
            }

            var r = wordStart + 1;
            var length = 1;
            while (position + length < limit && TextNormalizer.IsHan(text[position + length])
                && unit.Rest.IndexOf(text[position + length], r) is var next and >= 0)
            {
                r = next + 1;
                length++;
            }

            if (length >= MinShortening)
            {
                return (length, wordStart, r);
            }
        }

        return null;
    }

    /// <summary>Where a linked mention ends and the ledger units it names (one: linked; several: ambiguous).</summary>
    public sealed record Link(int End, IReadOnlyList<int> Members);

    private sealed record Unit(int Index, string Rest, int TradeLength, int[] WordStarts);
}
