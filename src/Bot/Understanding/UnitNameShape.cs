namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Stage 2 (entity spans): whether a name the ledger lacks looks like a unit's name. An organisation is a name, not any
/// noun before an organisation word: after the region words in front and the legal form, kind words and generic trade
/// words at the end are taken off (深圳市|荷坳|五金|制品厂), what is left must be a proper name of two or more characters
/// that is no determiner or generic noun of the vocabulary (<c>unit_name_rejects</c>: 小公司, 皮包公司, 整个单位, 这家店)
/// and starts with no pronoun or pointer (<c>name_leading_pointers</c>: 他们物业公司, 人家公司).
/// A name that fails is not an organisation: the message then names none and the bot asks.
/// </summary>
internal sealed class UnitNameShape
{
    private readonly string[] endings;
    private readonly string[] regions;
    private readonly HashSet<string> rejects;
    private readonly string[] leadingRejects;
    private readonly HashSet<char> headCharacters;

    public UnitNameShape(Vocabulary vocabulary)
    {
        endings = [.. vocabulary.LegalForms.Concat(vocabulary.InstitutionSuffixes).Concat(vocabulary.GenericWords)
            .Concat(vocabulary.UnitHeadNouns).Concat(vocabulary.UnitTradeWords)
            .Concat(vocabulary.Abbreviations.Keys).Concat(["律师事务所", "会计师事务所", "税务师事务所", "事务所", "单位", "企业", "机构"])
            .Select(TextNormalizer.NormalizeName).Where(w => w.Length > 0).Distinct().OrderByDescending(w => w.Length)];
        regions = [.. vocabulary.RegionPrefixes.OrderByDescending(r => r.Length)];
        rejects = [.. vocabulary.UnitNameRejects];
        headCharacters = vocabulary.UnitHeadCharacterSet();
        leadingRejects = [.. vocabulary.UnitNameRejects.Where(r => r.Length >= 1 && "这那该本某各每整".Contains(r[0]))
            .Concat(vocabulary.NameLeadingPointers).Concat(vocabulary.UnitNameLeadingRejects).Distinct().OrderByDescending(r => r.Length)];
    }

    /// <summary>The proper name inside <paramref name="written"/> (荷坳 in 深圳市荷坳五金制品厂), or null when there is none.</summary>
    public string? ProperNameOf(string written)
    {
        if (endings.Contains(written) || rejects.Contains(written))
        {
            return null; // a kind alone ("有限公司") or a generic word ("全门店", "厂里") names nothing
        }

        var rest = written;
        foreach (var region in regions)
        {
            if (rest.StartsWith(region, StringComparison.Ordinal))
            {
                rest = rest[region.Length..];
                break;
            }
        }

        // A one-character head (聚贤阁, 巧手缝纫铺) ends the written name only: taken off once, before the kinds and trade
        // words; never again inside (美居装饰 keeps 美居).
        if (rest.Length > 2 && headCharacters.Contains(rest[^1]))
        {
            rest = rest[..^1];
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var ending in endings)
            {
                if (rest.Length > ending.Length && rest.EndsWith(ending, StringComparison.Ordinal))
                {
                    rest = rest[..^ending.Length];
                    changed = true;
                    break;
                }
            }
        }

        foreach (var lead in leadingRejects)
        {
            if (rest.StartsWith(lead, StringComparison.Ordinal))
            {
                return null; // 这家…, 整个…, 该…: a pointer, not a name
            }
        }

        return rest.Length < 2 || rejects.Contains(rest) || endings.Contains(rest) ? null : rest;
    }

    public bool Accepts(string written) => ProperNameOf(written) is not null;
}
