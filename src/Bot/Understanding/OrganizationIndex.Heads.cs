namespace InstructorBot.Bot.Understanding;

public sealed partial class OrganizationIndex
{
    // Measure words of buildings, floors and counts: a numeral before one says where or how many (同一栋楼, 三号楼, 两家),
    // it names nothing.
    private const string PlaceMeasures = "栋幢座层号楼间家个排";

    /// <summary>
    /// True when <paramref name="candidate"/> ends with a one-character head (<c>unit_head_characters</c>: 馆, 铺, 楼, 轩…)
    /// that can end a name here: the name's stretch of characters ends with it (<paramref name="endsStretch"/>: "巧手缝纫铺，",
    /// not "…馆长说"), and no numeral + measure word stands before it ("同一栋楼", "三号楼": a place, not a name).
    /// </summary>
    private bool EndsWithHeadCharacter(string candidate, bool endsStretch)
    {
        if (!endsStretch || !headCharacters.Contains(candidate[^1]))
        {
            return false;
        }

        if (candidate.Length > 1 && ChineseNumber.IsNumeralChar(candidate[^2]))
        {
            return false; // "横岗大厦三楼": a floor, not a name (round 20)
        }

        for (var i = 0; i + 1 < candidate.Length - 1; i++)
        {
            if ((ChineseNumber.IsNumeralChar(candidate[i])) && PlaceMeasures.Contains(candidate[i + 1], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // What may stand before a classifier (家, 个) when it counts or points (两家, 几家, 这家, 每个, 有个, 是家): a classifier after any other
    // character of a brand is part of the name (惠家, 万家福), and a doubled one is a brand's (家家旺).
    private const string ClassifierLeads = "一二两三四五六七八九十几多每这那哪某各整好数半俩仨有是了";

    /// <summary>
    /// True when <paramref name="brand"/> holds a determiner or classifier of <c>name_rejects</c> (这, 该, 一家…): the words
    /// name no unit. A one-character classifier counts only where it counts or starts the brand undoubled ("家小店"), not
    /// after a brand's own character ("惠家便利店") or doubled ("家家旺超市") (round 20, branch r20-uunits).
    /// </summary>
    private bool BrandRejected(string brand)
    {
        foreach (var (position, word) in rejects.FindAll(brand))
        {
            var classifier = word.Length == 1 && word[0] is '家' or '个';
            var doubled = position + 1 < brand.Length && brand[position + 1] == word[0] || position > 0 && brand[position - 1] == word[0];
            var counted = position == 0 || ClassifierLeads.Contains(brand[position - 1], StringComparison.Ordinal);
            if (!classifier || (counted && !doubled))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The proper part of a name the ledger lacks (鑫源 in 鑫源五金), or null when it has no unit's shape.</summary>
    public string? ProperNameOf(string written) => shape.ProperNameOf(written);

    /// <summary>True when <paramref name="written"/> is a full name: it starts with a region word or ends with a legal form.</summary>
    public bool IsFullName(string written) =>
        regions.MatchAt(written, 0) is not null || legalSuffixes.EndsAt(written, written.Length);

    /// <summary>
    /// The institution suffixes and head nouns of <paramref name="text"/>, leftmost-longest, except that one overlapped by a
    /// longer head that ends after it gives way to that head ("龙城老年大学校友会": 学校 gives way to 校友会, round 20).
    /// </summary>
    private IEnumerable<(int Position, string Word)> InstitutionSuffixesOverlapping(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (institutionSuffixes.MatchAt(text, i) is not { } word)
            {
                continue;
            }

            var longer = false;
            for (var j = i + 1; j < i + word.Length && !longer; j++)
            {
                longer = institutionSuffixes.MatchAt(text, j) is { } other && j + other.Length > i + word.Length && other.Length > 2;
            }

            if (!longer)
            {
                yield return (i, word);
                i += word.Length - 1;
            }
        }
    }
}
