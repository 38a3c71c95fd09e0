namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// The slot classes a self-repair can name (<see cref="SelfCorrections"/>, round 10): each word of the vocabulary's slot
/// classes with its class and value — joint modes, party organisation levels, coverage measures (工会/团支部/妇联), org
/// types, member categories (long and short: 流动党员, 流动), periods of a request (这周, 上个月), the action itself (visit
/// verbs, contact verbs like 电话联系, and unrealized visits like 没去成) — found in one leftmost-longest set built once.
/// A repair's class selects its reparandum: the nearest earlier word of the same class.
/// </summary>
internal sealed class RepairClasses
{
    public const string Mode = "mode";
    public const string Level = "level";
    public const string Measure = "measure";
    public const string OrgType = "org_type";
    public const string Category = "category";
    public const string Period = "period";
    public const string Action = "action";

    private readonly Dictionary<string, (string Class, string Value)> classOf = new(StringComparer.Ordinal);

    public RepairClasses(Vocabulary v)
    {
        ArgumentNullException.ThrowIfNull(v);
        // Earlier classes win a word two classes share (派驻 is a joint mode before it is anything else).
        AddAll(v.JointModes, Mode);
        AddAll(v.PartyOrganizationWords.Where(p => p.Value.Length > 0), Level);
        AddAll(v.MassOrganizations, Measure);
        AddAll(v.MemberCategories, Category);
        AddAll(v.CategoryShortWords, Category);
        AddAll(v.OrgTypeWords, OrgType);
        AddAll(v.PeriodWords.Select(w => KeyValuePair.Create(w, w)), Period);
        AddAll(v.VisitVerbs.Select(w => KeyValuePair.Create(w, "visit")), Action);
        AddAll(v.ContactVerbs.Select(w => KeyValuePair.Create(w, "contact")), Action);
        AddAll(v.UnrealizedVisitWords.Select(w => KeyValuePair.Create(w, "none")), Action);
        Words = new KeywordSet(classOf.Keys);
        GroupLeads = new KeywordSet(v.RepairGroupLeads);
        Roles = new KeywordSet(v.PredicateRoleNouns.Concat(v.NamingVerbs));
    }

    /// <summary>Every word of every slot class.</summary>
    public KeywordSet Words { get; }

    /// <summary>都是, 全是, 全都是: a repair said over a whole group of categories ("俩都是流动的").</summary>
    public KeywordSet GroupLeads { get; }

    /// <summary>书记, 负责人, 叫…: a role or naming word whose name a repair says again ("书记是王海波", "叫李明华").</summary>
    public KeywordSet Roles { get; }

    public (string Class, string Value) ClassOf(string word) => classOf[word];

    private void AddAll(IEnumerable<KeyValuePair<string, string>> words, string slotClass)
    {
        foreach (var (word, value) in words)
        {
            var key = TextNormalizer.NormalizeName(word);
            if (key.Length > 1)
            {
                classOf.TryAdd(key, (slotClass, value));
            }
        }
    }
}
