using System.Text.RegularExpressions;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Finding mentions: the per-thread cache of the last texts looked up, FindMentions and Find, a name the ledger lacks
// read where the grammar puts one, places and exact names, and the patterns of a generic unit and a credit code.
public sealed partial class OrganizationIndex
{
    // The last texts each thread looked up, and what they name: one message's stages (the parser, the mention opinion, the
    // intent view, the heard-name mark, the learned doubt) ask about the same prepared text in turn, and the opinion asks
    // about its parts in between (one entry was evicted by them: the message was read again). Held weakly, so a replaced
    // index is not kept alive.
    [ThreadStatic]
    private static LastLookup[]? lastLookups;

    [ThreadStatic]
    private static int nextLookup;

    private const int LookupsKept = 8;

    /// <summary>Every organisation the text names, in order, not overlapping (a new list: the caller may change it).</summary>
    public List<OrganizationMention> FindMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Kept(text) is { } known)
        {
            return [.. known];
        }

        var found = Find(text);
        Remember(text, found);
        return found;
    }

    /// <summary>
    /// The same as <see cref="FindMentions"/>, read only: the kept lookup itself, not a copy. One message's stages read the
    /// same text's mentions several times; a copy each time was a fifth of the lookup's cost.
    /// </summary>
    internal IReadOnlyList<OrganizationMention> MentionsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Kept(text) is { } known)
        {
            return known;
        }

        return Remember(text, Find(text));
    }

    private OrganizationMention[]? Kept(string text)
    {
        var kept = lastLookups ??= [.. Enumerable.Range(0, LookupsKept).Select(_ => new LastLookup())];
        foreach (var last in kept)
        {
            if (last.Text is { } seen && string.Equals(seen, text, StringComparison.Ordinal) && last.Index.TryGetTarget(out var index) && ReferenceEquals(index, this))
            {
                return last.Mentions;
            }
        }

        return null;
    }

    private OrganizationMention[] Remember(string text, List<OrganizationMention> found)
    {
        var slot = lastLookups![nextLookup];
        nextLookup = (nextLookup + 1) % LookupsKept;
        slot.Index.SetTarget(this);
        slot.Text = text;
        slot.Mentions = [.. found];
        return slot.Mentions;
    }

    private sealed class LastLookup
    {
        public WeakReference<OrganizationIndex> Index { get; } = new(null!);

        public string? Text { get; set; }

        public OrganizationMention[] Mentions { get; set; } = [];
    }

    private List<OrganizationMention> Find(string text)
    {
        var mentions = new List<OrganizationMention>();
        var covered = new bool[text.Length];

        // A credit code holds six digits in a row: a text with none is not upper-cased and searched.
        if (HasSixDigitsInARow(text))
        {
            foreach (Match code in CreditCodePattern().Matches(text.ToUpperInvariant()))
            {
                if (byCreditCode.TryGetValue(code.Value, out var org))
                {
                    Add(mentions, covered, new OrganizationMention(code.Index, code.Length, code.Value) { Organization = org });
                }
            }
        }

        FindFullNames(text, mentions, covered);

        for (var i = 0; i < text.Length; i++)
        {
            if (covered[i])
            {
                continue;
            }

            // "金桥投资那个空壳公司": 那个/那家 right after a name points back at it, it names no other unit.
            if ((genericPhrases.MatchAt(text, i) ?? (text[i] == '那' && i > 0 && covered[i - 1] ? null : GenericAt(text, i))) is { } phrase)
            {
                if (!NamedAfterPointer(text, i, phrase.Length, covered))
                {
                    Add(mentions, covered, new OrganizationMention(i, phrase.Length, phrase) { IsGeneric = true });
                    i += phrase.Length - 1;
                }

                continue; // "那个优品超市", "那家恒信公司": the pointer goes before a name, which is read where it starts
            }

            if (NameAt(text, i, covered) is { } named)
            {
                Add(mentions, covered, named);
                i += named.Length - 1;
            }
        }

        FindHeardNames(text, mentions, covered);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>True when six characters in a row are digits (the pattern's \d: any decimal digit, as char.IsDigit).</summary>
    private static bool HasSixDigitsInARow(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsDigit(c) ? run + 1 : 0;
            if (run == 6)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A short name the ledger lacks, read where the grammar puts an organisation ("走访了新锐物流，…"): Han characters
    /// up to a word that ends the name, cut after the last generic word (物流, 科技, 超市…), with a brand of two or more.
    /// </summary>
    public OrganizationMention? ReadUnknownNameAt(string text, int position, int limit)
    {
        if (functionLeads.MatchAt(text, position, limit) is { } lead && position + lead.Length < limit)
        {
            position += lead.Length; // "，把鑫源五金厂和家家乐便利店带起来": a function word begins no name
        }

        if (positionModifiers.MatchAt(text, position, limit) is { } where)
        {
            // "隔壁的宏发超市", "对面德衡税务师事务所": where the unit stands is said before its name, no part of it.
            var after = position + where.Length + (position + where.Length < text.Length && text[position + where.Length] == '的' ? 1 : 0);
            return after < limit ? ReadNameAfterPlace(text, after, limit) : null;
        }

        return ReadNameAfterPlace(text, position, limit);
    }

    /// <summary>
    /// A place the ledger names at <paramref name="position"/>: with 的 after it, it says where the unit is ("六约社区的宏泰建材"
    /// names 宏泰建材); run into a name that has a unit's shape, it is the name's first part ("罗岗惠民大药房", "龙岗区潮汕商会");
    /// followed by anything else ("大运软件小镇里一家做游戏的"), it names no unit.
    /// </summary>
    private OrganizationMention? ReadNameAfterPlace(string text, int position, int limit)
    {
        var place = PlaceLengthAt(text, position);
        if (place == 0)
        {
            return ReadNameAt(text, position, limit);
        }

        var after = position + place;
        if (after < limit && text[after] == '的')
        {
            return after + 1 < limit ? ReadNameAt(text, after + 1, limit) : null;
        }

        return after < limit && PlaceLengthAt(text, after) == 0 && ReadNameAt(text, after, limit) is { } named
            && named.Start + named.Length - position <= 16
            ? new OrganizationMention(position, named.Start + named.Length - position, text[position..(named.Start + named.Length)])
            : null;
    }

    private OrganizationMention? ReadNameAt(string text, int position, int limit)
    {
        if (PlaceLengthAt(text, position) > 0)
        {
            return null; // "大运软件小镇里一家做游戏的": a park or community the ledger names is where a unit is, not its name
        }

        var end = position;
        // 和/与 after the first character is inside the brand ("青和文化", "永和物流"), not a list joiner: one character names nothing.
        // Right after a joiner (跟, 与, 、) 和 starts a name: no joiner follows another ("佳和餐饮跟和美家具厂", round 24).
        var joined = position > 0 && position < text.Length && text[position] == '和' && text[position - 1] is '跟' or '与' or '同' or '、' or '及';
        while (end < Math.Min(limit, text.Length) && end - position < 14 && TextNormalizer.IsHan(text[end])
            && (nameStops.MatchAt(text, end) is null || (end == position + 1 && text[end] is '和' or '与') || (end == position && joined)))
        {
            end++;
        }

        for (var cut = end; cut - position >= 3; cut--)
        {
            var candidate = text[position..cut];
            // "宏发五金厂", "川湘小厨": a unit's kind or head noun (厂, 店, 协会, 小厨) ends the name as a trade word does (物流,
            // 汽修); the name is not cut before it. A one-character head (馆, 铺, 轩) ends it only where the stretch ends
            // ("巧手缝纫铺，…"), never inside a longer word ("…馆长说").
            if (!genericWordsLongestFirst.Any(w => candidate.EndsWith(w, StringComparison.Ordinal)) && !institutionSuffixes.EndsAt(candidate, candidate.Length, 2)
                && !tradeEndings.EndsAt(candidate, candidate.Length, 2) && !EndsWithHeadCharacter(candidate, cut == end))
            {
                continue;
            }

            var (brand, _, brandIsGeneric) = Decompose(candidate);
            if (brandIsGeneric || brand.Length < 2 || BrandRejected(brand) || stopwords.Contains(brand) || !shape.Accepts(candidate))
            {
                return null;
            }

            return new OrganizationMention(position, candidate.Length, candidate);
        }

        return null;
    }

    /// <summary>
    /// A unit brought in by 有个/有家 is named only when a trade or kind of two characters or more follows its proper name
    /// (鑫达 + 五金厂, 大运 + 青年志愿者联合会); a product and a shop's kind alone (奶茶 + 店) is how one describes an unnamed unit.
    /// </summary>
    public bool NamesUnitAfterIntroducer(string written) => shape.ProperNameOf(written) is { } proper && written.Length - proper.Length >= 2;

    /// <summary>
    /// The length of the place the ledger names at <paramref name="position"/> (a district, street, community, park or
    /// building: 五和社区, 天安云谷), or 0: a dictionary probe per length, no scan.
    /// </summary>
    public int PlaceLengthAt(string text, int position)
    {
        for (var length = Math.Min(longestPlace, text.Length - position); length >= 2; length--)
        {
            if (placeLookup.Contains(text.AsSpan(position, length)))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>The organisation an exact name means (full name or core name), or null.</summary>
    public Organization? FindExact(string name)
    {
        var key = TextNormalizer.NormalizeName(name);
        return aliases.TryGetValue(key, out var entry) && entry.Tier <= Core && entry.Members.Count == 1 ? Organizations[entry.Members[0]] : null;
    }

    private OrganizationMention ToMention(int start, string written, AliasEntry entry) =>
        entry.Members.Count == 1
            ? new OrganizationMention(start, written.Length, written) { Organization = Organizations[entry.Members[0]] }
            : new OrganizationMention(start, written.Length, written)
            {
                Candidates = [.. entry.Members.Select(m => new OrganizationCandidate(Organizations[m].Id, Organizations[m].Name))],
            };

    private static void Add(List<OrganizationMention> mentions, bool[] covered, OrganizationMention mention)
    {
        mentions.Add(mention);
        Array.Fill(covered, true, mention.Start, mention.Length);
    }

    /// <summary>"一家物流公司", "某餐饮店": an organisation meant but not named.</summary>
    private static string? GenericAt(string text, int position)
    {
        if (position >= text.Length || text[position] is not ('一' or '某' or '那'))
        {
            return null;
        }

        var match = (text[position] == '那' ? PointedGenericPattern() : GenericPattern()).Match(text, position);
        return match.Success && match.Index == position ? match.Value : null;
    }

    // "一家做跨境直播的公司", "一个做游戏的工作室": a unit described by a relative clause (…的) before its kind is unnamed too;
    // a size or age word may stand between ("一家搞货运的小公司", round 16), or, after 一家, a product of two characters
    // ("一家新开的奶茶店"; not after 一个, which may count a member: "一个党员都没有的家政公司" is a class).
    [GeneratedRegex(@"\G(?:(?:一家|某家)(?:[\p{IsCJKUnifiedIdeographs}]{0,4}?|[\p{IsCJKUnifiedIdeographs}]{1,8}?的[\p{IsCJKUnifiedIdeographs}]{0,2}?)|(?:一个|某个|某)(?:[\p{IsCJKUnifiedIdeographs}]{0,4}?|[\p{IsCJKUnifiedIdeographs}]{1,8}?的(?:小|大|新)?))(?:企业|公司|单位|社会组织|协会|商会|机构|门店|店|学校|医院|律所|事务所|工作室|工厂|厂|饭馆|餐馆|馆|超市|诊所|作坊)")]
    private static partial Regex GenericPattern();

    /// <summary>"六约社区那个汽修厂", "那家做游戏的工作室": 那个/那家 before a unit's kind with a trade of one or two characters or a
    /// relative clause between (a name is longer: "那家华鼎物流公司" stays a name; "那家公司" points back at one named).</summary>
    [GeneratedRegex(@"\G(?:那家|那个)(?:[\p{IsCJKUnifiedIdeographs}]{1,2}?|[\p{IsCJKUnifiedIdeographs}]{1,8}?的(?:小|大|新)?)(?:企业|公司|单位|工作室|工厂|厂|饭馆|餐馆|超市|诊所|作坊)")]
    private static partial Regex PointedGenericPattern();

    [GeneratedRegex(@"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")]
    private static partial Regex CreditCodePattern();
}
