using System.Text.RegularExpressions;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The ledger's organisations by every name an instructor might use: the full name (tier 0), the name without
/// region or legal form (tier 1: 深圳市云启科技有限公司 → 云启科技), and derived short forms (tier 2: the brand with
/// some or none of its generic words, abbreviations: 蓝海电商, 正衡律所, 华鼎). A mention takes the best tier;
/// several organisations at that tier make it ambiguous. Built once; lookups are dictionary probes per position.
/// </summary>
public sealed partial class OrganizationIndex
{
    private const int FullName = 0;
    private const int Core = 1;
    private const int Derived = 2;

    private readonly Dictionary<string, AliasEntry> aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AliasEntry>.AlternateLookup<ReadOnlySpan<char>> aliasLookup;
    private readonly Dictionary<char, int> longestByFirst = [];
    private readonly Dictionary<string, Organization> byCreditCode = new(StringComparer.Ordinal);
    private readonly HashSet<string> scopeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> placeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> placeLookup;
    private int longestPlace;
    private readonly Vocabulary vocabulary;
    private readonly KeywordSet legalSuffixes;
    private readonly KeywordSet employeeWords;
    private readonly KeywordSet institutionSuffixes;
    private readonly KeywordSet tradeEndings;
    private readonly HashSet<char> headCharacters;
    private readonly KeywordSet boundaries;
    private readonly KeywordSet rejects;
    private readonly KeywordSet regions;
    private readonly KeywordSet genericPhrases;
    private readonly KeywordSet leadingFillers;
    private readonly KeywordSet positionModifiers;
    private readonly KeywordSet functionLeads;
    private readonly KeywordSet nameStops;
    private readonly string[] genericWordsLongestFirst;
    private readonly string[] legalFormsLongestFirst;
    private readonly HashSet<string> genericWords;
    private readonly HashSet<string> stopwords;
    private readonly UnitNameShape shape;
    private readonly OrganizationSoundAlikes soundAlikes = new(SoundAlikes.DictionaryFrequency);
    private readonly List<(string Name, int ProperLength)> heardNames = [];
    private readonly OrganizationLinker linker;

    public OrganizationIndex(IReadOnlyList<Organization> organizations, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
        Organizations = organizations;
        legalFormsLongestFirst = [.. vocabulary.LegalForms.Select(TextNormalizer.NormalizeName).Where(f => f.Length > 0).Distinct().OrderByDescending(f => f.Length)];
        genericWordsLongestFirst = [.. vocabulary.GenericWords.Concat(vocabulary.Abbreviations.Keys).Distinct().OrderByDescending(w => w.Length)];
        genericWords = [.. genericWordsLongestFirst, .. vocabulary.Abbreviations.Values.SelectMany(v => v)];
        stopwords = [.. vocabulary.AliasStopwords];
        legalSuffixes = new KeywordSet(vocabulary.LegalForms.Concat(["律师事务所", "会计师事务所", "税务师事务所", "事务所"]));
        institutionSuffixes = new KeywordSet(vocabulary.InstitutionSuffixes.Concat(vocabulary.UnitHeadNouns));
        tradeEndings = new KeywordSet(vocabulary.UnitTradeWords);
        headCharacters = vocabulary.UnitHeadCharacterSet();
        employeeWords = new KeywordSet(vocabulary.EmployeeWords);
        boundaries = new KeywordSet(vocabulary.NameBoundaries);
        rejects = new KeywordSet(vocabulary.NameRejects);
        regions = new KeywordSet(vocabulary.RegionPrefixes);
        genericPhrases = new KeywordSet(vocabulary.GenericOrganizationPhrases);
        leadingFillers = new KeywordSet(vocabulary.NameLeadingFillers);
        positionModifiers = new KeywordSet(vocabulary.UnitPositionModifiers);
        functionLeads = new KeywordSet(vocabulary.UnitNameFunctionLeads);
        nameStops = new KeywordSet(vocabulary.NameStopwords.Concat(vocabulary.ShortNameStops));
        shape = new UnitNameShape(vocabulary);
        string[] kinds = [.. vocabulary.LegalForms.Concat(vocabulary.InstitutionSuffixes).Concat(["律师事务所", "会计师事务所", "税务师事务所", "事务所", "单位", "企业", "机构"])
            .Select(TextNormalizer.NormalizeName)];
        // Head nouns the kinds lack (酒楼, 校友会) are words a unit's name may lack: said after a ledger unit's proper part
        // ("启航校友会"), they name another unit, as a trade word does (OrganizationLinker.Contradicts).
        linker = new OrganizationLinker([.. genericWords, .. kinds, .. vocabulary.UnitHeadNouns], kinds, nameStops);
        for (var i = 0; i < organizations.Count; i++)
        {
            AddOrganization(i, organizations[i]);
        }

        foreach (var (name, properLength) in heardNames.Where(h => aliases.ContainsKey(h.Name)))
        {
            soundAlikes.Add(name, properLength);
        }

        aliasLookup = aliases.GetAlternateLookup<ReadOnlySpan<char>>();
        placeLookup = placeNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<Organization> Organizations { get; }

    /// <summary>Districts, streets and communities the ledger names (龙岗区, 坂田街道, 五和社区).</summary>
    public IReadOnlySet<string> ScopeNames => scopeNames;

    public int AliasCount => aliases.Count;

    private Dictionary<char, string[]>? scopeNamesByFirst;
    private ScopeStemsKept? scopeStems; // a reference, so threads see the suffixes and their stems together

    /// <summary>The scope names whose first character is <paramref name="first"/>, in the order <see cref="ScopeNames"/> gives them.</summary>
    internal string[] ScopeNamesStartingWith(char first)
    {
        var byFirst = scopeNamesByFirst ??= scopeNames.Where(n => n.Length > 0).GroupBy(n => n[0]).ToDictionary(g => g.Key, g => g.ToArray());
        return byFirst.TryGetValue(first, out var names) ? names : [];
    }

    /// <summary>
    /// Each scope name ending with one of <paramref name="suffixes"/> (two characters or more left), with that stem
    /// (坂田街道 → 坂田), in the order of <see cref="ScopeNames"/> and then of the suffixes: made once, not per message.
    /// </summary>
    internal (string Name, string Stem)[] ScopeStems(IReadOnlyList<string> suffixes)
    {
        if (scopeStems is { } kept && ReferenceEquals(kept.Suffixes, suffixes))
        {
            return kept.Stems;
        }

        (string Name, string Stem)[] stems = [.. scopeNames.SelectMany(name => suffixes
            .Where(suffix => name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
            .Select(suffix => (name, name[..^suffix.Length])))];
        scopeStems = new ScopeStemsKept(suffixes, stems);
        return stems;
    }

    private sealed record ScopeStemsKept(IReadOnlyList<string> Suffixes, (string Name, string Stem)[] Stems);

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
        while (end < Math.Min(limit, text.Length) && end - position < 14 && TextNormalizer.IsHan(text[end])
            && (nameStops.MatchAt(text, end) is null || (end == position + 1 && text[end] is '和' or '与')))
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

    /// <summary>Names written in full with a legal form ("深圳市新锐物流有限公司"): linked when the ledger has them, else kept as written.</summary>
    private void FindFullNames(string text, List<OrganizationMention> mentions, bool[] covered)
    {
        // A social organisation's kind ("深圳市龙岗区青年创业促进会") ends a full name too, when a region word starts it.
        // The two suffix classes one after the other, each walked in order (was a Select and a Concat per lookup).
        foreach (var (position, suffix) in legalSuffixes.FindAll(text))
        {
            FullNameAt(text, position, suffix, false, mentions, covered);
        }

        foreach (var (position, suffix) in InstitutionSuffixesOverlapping(text))
        {
            FullNameAt(text, position, suffix, true, mentions, covered);
        }
    }

    /// <summary>The full name that ends with <paramref name="suffix"/> at <paramref name="position"/>, added when found.</summary>
    private void FullNameAt(string text, int position, string suffix, bool needsRegion, List<OrganizationMention> mentions, bool[] covered)
    {
        if (needsRegion && (covered[position] || (position + suffix.Length < text.Length && institutionSuffixes.MatchAt(text, position + suffix.Length) is not null)))
        {
            return;
        }

        var end = position + suffix.Length;
        if (EndsStaffWord(text, position, end))
        {
            return; // "蓝海电商全公司加起来七十人": 全公司 counts the staff, it ends no name
        }

        while (legalSuffixes.MatchAt(text, end) is { } more)
        {
            end += more.Length;
        }

        var start = position;
        while (start > 0 && position - start < 20 && IsNameChar(text[start - 1]) && !boundaries.EndsAt(text, start, Math.Max(0, start - 4)) && !covered[start - 1])
        {
            start--;
        }

        if (start > 0 && text[start - 1] is '和' or '与' && JoinedNameStart(text, start - 1, end, covered) is { } wider)
        {
            start = wider; // "深圳市佳和餐饮管理有限公司", "深圳市和美家居有限公司": 和 inside a full name
        }

        if (start > 0 && positionModifiers.MatchAt(text, start - 1, position) is { } split && split.Length > 1)
        {
            start += split.Length - 1; // "对面德衡税务师事务所": 对 ends the stretch as a boundary, 面 is no part of the name
        }

        while (start < position && (leadingFillers.MatchAt(text, start, position) ?? positionModifiers.MatchAt(text, start, position)) is { } filler)
        {
            start += filler.Length;
        }

        // A region word inside the stretch starts the name ("走访了深圳市新锐物流有限公司").
        for (var i = start; i < position; i++)
        {
            if (regions.MatchAt(text, i) is not null)
            {
                start = i;
                break;
            }
        }

        if (needsRegion && regions.MatchAt(text, start) is null)
        {
            return;
        }

        var written = text[start..end];
        var core = CoreOf(written);
        // A name that starts with a region word is judged by its shape below; "家" in 和谐家园 is no determiner there.
        if (core.Length < 2 || (regions.MatchAt(text, start) is null && BrandRejected(Decompose(core).Brand)) || start == position)
        {
            return;
        }

        if (aliasLookup.TryGetValue(written, out var entry) && entry.Tier <= Core
            || aliasLookup.TryGetValue(core, out entry) && entry.Tier <= Core)
        {
            Add(mentions, covered, ToMention(start, written, entry));
        }
        else if (LongestKnownTail(text, start, position, end) is { } known)
        {
            Add(mentions, covered, ToMention(known.Start, text[known.Start..end], known.Entry));
        }
        else if (LinkWhole(start, written) is { } linked)
        {
            Add(mentions, covered, linked); // "深圳市顺达快递有限公司", "德润物业公司": a ledger unit by the parts of its name
        }
        else if (HeardMention(start, written, core) is { } heard)
        {
            Add(mentions, covered, heard); // "深圳市家和餐饮管理有限公司", "争衡律师事务所": a ledger name heard alike
        }
        else if (shape.Accepts(written))
        {
            Add(mentions, covered, new OrganizationMention(start, written.Length, written));
        }
    }

    /// <summary>True when a staff word (全公司, 全厂) starts before the suffix at <paramref name="position"/> and ends with it.</summary>
    private bool EndsStaffWord(string text, int position, int end)
    {
        for (var start = position - 1; start >= Math.Max(0, position - 2); start--)
        {
            if (employeeWords.MatchAt(text, start, end) is { } word && start + word.Length == end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a full name starts when the 和/与 at <paramref name="joiner"/> is inside it: the stretch before the joiner
    /// begins with a region word ("深圳市" + 和美家居有限公司) or the whole stretch is a ledger name; else null (a list).
    /// </summary>
    private int? JoinedNameStart(string text, int joiner, int end, bool[] covered)
    {
        var start = joiner;
        while (start > 0 && joiner - start < 12 && IsNameChar(text[start - 1]) && !covered[start - 1]
            && !(boundaries.EndsAt(text, start, Math.Max(0, start - 4)) && text[start - 1] is not ('和' or '与')))
        {
            start--;
        }

        for (var s = start; s < joiner; s++)
        {
            if (aliasLookup.TryGetValue(text.AsSpan(s, end - s), out var entry) && entry.Tier <= Core)
            {
                return s;
            }
        }

        for (var s = start; s < joiner; s++)
        {
            // "深圳市恒通与信科技有限公司": a region word, then a brand that is no complete short name before the joiner.
            if (regions.MatchAt(text, s) is { } region && s + region.Length <= joiner
                && !genericWordsLongestFirst.Any(w => text.AsSpan(s + region.Length, joiner - s - region.Length).EndsWith(w)))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>A ledger name that ends the stretch once words before it are dropped ("查一下明税税务师事务所").</summary>
    private (int Start, AliasEntry Entry)? LongestKnownTail(string text, int start, int suffixAt, int end)
    {
        for (var s = start + 1; s < suffixAt; s++)
        {
            if (aliasLookup.TryGetValue(text.AsSpan(s, end - s), out var entry) && entry.Tier <= Core)
            {
                return (s, entry);
            }

            var legal = StripLegalForm(text[s..end]);
            if (aliasLookup.TryGetValue(legal, out entry) && entry.Tier <= Core)
            {
                return (s, entry);
            }
        }

        return null;
    }

    private static bool IsNameChar(char c) => TextNormalizer.IsHan(c) || char.IsAsciiLetter(c) || c is '(' or ')';

    private void AddPlace(string place)
    {
        if (place.Length >= 2 && placeNames.Add(place))
        {
            longestPlace = Math.Max(longestPlace, place.Length);
        }
    }

    private void AddOrganization(int index, Organization org)
    {
        var name = TextNormalizer.NormalizeName(org.Name);
        if (name.Length == 0)
        {
            return;
        }

        AddAlias(name, index, FullName);
        if (!string.IsNullOrWhiteSpace(org.CreditCode))
        {
            byCreditCode.TryAdd(org.CreditCode.Trim().ToUpperInvariant(), org);
        }

        foreach (var scope in new[] { org.District, org.Street, org.Community })
        {
            if (!string.IsNullOrWhiteSpace(scope))
            {
                scopeNames.Add(scope);
                AddPlace(scope);
            }
        }

        if (!string.IsNullOrWhiteSpace(org.Park))
        {
            AddPlace(TextNormalizer.NormalizeName(org.Park)); // 天安云谷, 大运软件小镇: places, never units
        }

        var withoutLegal = StripLegalForm(name);
        var variants = new List<string> { withoutLegal };
        var localRegions = LocalRegions(org);
        for (var changed = true; changed;)
        {
            changed = false;
            var last = variants[^1];
            foreach (var region in vocabulary.RegionPrefixes.Concat(localRegions))
            {
                if (region.Length > 0 && last.StartsWith(region, StringComparison.Ordinal) && last.Length - region.Length >= 2)
                {
                    variants.Add(last[region.Length..]);
                    changed = true;
                    break;
                }
            }
        }

        var (properPart, tradeWords, properIsGeneric) = Decompose(variants[^1]);
        if (!properIsGeneric)
        {
            linker.Add(index, properPart, tradeWords, name[withoutLegal.Length..]);
        }

        foreach (var variant in variants.Distinct())
        {
            AddAlias(variant, index, variant == name ? FullName : Core);
            var (brand, _, brandIsGeneric) = Decompose(variant);
            foreach (var derived in DerivedAliases(variant))
            {
                AddAlias(derived, index, Derived);
                if (!brandIsGeneric && derived.StartsWith(brand, StringComparison.Ordinal))
                {
                    heardNames.Add((derived, brand.Length));
                }
            }

            if (!brandIsGeneric && variant != name)
            {
                heardNames.Add((variant, brand.Length));
            }
        }
    }

    private static IEnumerable<string> LocalRegions(Organization org)
    {
        foreach (var (scope, suffix) in new[] { (org.District, "区"), (org.Street, "街道"), (org.Community, "社区") })
        {
            if (string.IsNullOrWhiteSpace(scope))
            {
                continue;
            }

            yield return scope;
            if (scope.EndsWith(suffix, StringComparison.Ordinal) && scope.Length - suffix.Length >= 2)
            {
                yield return scope[..^suffix.Length];
            }
        }
    }

    private string StripLegalForm(string name)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var folded in legalFormsLongestFirst)
            {
                if (name.EndsWith(folded, StringComparison.Ordinal) && name.Length - folded.Length >= 2)
                {
                    name = name[..^folded.Length];
                    changed = true;
                    break;
                }
            }
        }

        return name;
    }

    /// <summary>A written name without its legal form and region words.</summary>
    private string CoreOf(string written)
    {
        var core = StripLegalForm(written);
        for (var changed = true; changed;)
        {
            changed = false;
            if (regions.MatchAt(core, 0) is { } region && core.Length - region.Length >= 2)
            {
                core = core[region.Length..];
                changed = true;
            }
        }

        return core;
    }

    /// <summary>Splits a core name into its brand and the generic words after it: 蓝海跨境电子商务 → 蓝海 + [跨境, 电子商务].</summary>
    private (string Brand, List<string> Tail, bool BrandIsGeneric) Decompose(string core)
    {
        var tail = new List<string>();
        var rest = core;
        for (var changed = true; changed && !genericWords.Contains(rest);)
        {
            changed = false;
            foreach (var word in genericWordsLongestFirst)
            {
                if (rest.Length > word.Length && rest.EndsWith(word, StringComparison.Ordinal))
                {
                    tail.Insert(0, word);
                    rest = rest[..^word.Length];
                    changed = true;
                    break;
                }
            }
        }

        return (rest, tail, genericWords.Contains(rest));
    }

    private IEnumerable<string> DerivedAliases(string core)
    {
        var (brand, tail, brandIsGeneric) = Decompose(core);
        if (tail.Count == 0 || tail.Count > 6)
        {
            yield break;
        }

        // Each generic word is kept, dropped, or replaced by its abbreviation; pairs may abbreviate together (外国语学校 → 外校).
        var choices = new List<List<string>>();
        for (var i = 0; i < tail.Count; i++)
        {
            var options = new List<string> { "", tail[i] };
            if (vocabulary.Abbreviations.TryGetValue(tail[i], out var shorts))
            {
                options.AddRange(shorts);
            }

            choices.Add(options);
        }

        var produced = new HashSet<string>(StringComparer.Ordinal);
        var brands = brandIsGeneric && vocabulary.Abbreviations.TryGetValue(brand, out var brandShorts) ? [brand, .. brandShorts] : new List<string> { brand };
        foreach (var combination in Combine(choices, 0))
        {
            if (brandIsGeneric && combination.Length == 0)
            {
                continue;
            }

            foreach (var alias in brands.Select(b => b + combination))
            {
                if (produced.Add(alias))
                {
                    yield return alias;
                }
            }
        }

        for (var i = 0; i + 1 < tail.Count; i++)
        {
            if (vocabulary.Abbreviations.TryGetValue(tail[i] + tail[i + 1], out var shorts))
            {
                foreach (var s in shorts)
                {
                    if (produced.Add(brand + s))
                    {
                        yield return brand + s;
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Combine(List<List<string>> choices, int at)
    {
        if (at == choices.Count)
        {
            yield return "";
            yield break;
        }

        foreach (var rest in Combine(choices, at + 1))
        {
            foreach (var option in choices[at])
            {
                yield return option + rest;
            }
        }
    }

    private void AddAlias(string alias, int index, int tier)
    {
        if (alias.Length < 2 || (tier > FullName && (stopwords.Contains(alias) || genericWords.Contains(alias) || alias.All(ChineseNumber.IsNumeralChar))))
        {
            return;
        }

        if (!aliases.TryGetValue(alias, out var entry))
        {
            aliases[alias] = new AliasEntry(tier, index);
            longestByFirst[alias[0]] = Math.Max(longestByFirst.GetValueOrDefault(alias[0]), alias.Length);
            return;
        }

        entry.Offer(tier, index);
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

    /// <summary>The organisations an alias names at its best tier.</summary>
    private sealed class AliasEntry(int tier, int first)
    {
        public int Tier { get; private set; } = tier;

        public List<int> Members { get; } = [first];

        public void Offer(int tier, int index)
        {
            if (tier < Tier)
            {
                Tier = tier;
                Members.Clear();
                Members.Add(index);
            }
            else if (tier == Tier && !Members.Contains(index))
            {
                Members.Add(index);
            }
        }
    }
}
