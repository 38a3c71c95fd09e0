using System.Text.RegularExpressions;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// The index's state and construction, its public counts and scope names, and the alias entry the parts share. The
// rest of the class is in OrganizationIndex.*.cs, one responsibility a file.

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
