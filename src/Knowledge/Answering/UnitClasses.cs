namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// A unit type a question may name (律师事务所, 协会, 物业公司) and the classes the documents state their rules for
/// (实体性社会组织, 社会组织, 非公有制企业): a text naming a class covers the unit type for <paramref name="Credit"/>.
/// </summary>
public sealed record UnitClass(string UnitType, IReadOnlyList<string> Classes, double Credit, string Source);

/// <summary>The unit types and their classes (Resources/unit-classes.tsv), longest unit type first.</summary>
public static class UnitClasses
{
    private static readonly Lazy<IReadOnlyList<UnitClass>> Shipped = new(LoadDefault);

    /// <summary>The shipped table, read once.</summary>
    public static IReadOnlyList<UnitClass> Default => Shipped.Value;

    public static IReadOnlyList<UnitClass> LoadDefault() =>
        [.. SourcedTable.Read("unit-classes.tsv", (unitType, classes, credit, source) => new UnitClass(unitType, classes, credit, source))
            .OrderByDescending(e => e.UnitType.Length)];

    /// <summary>
    /// Where a text names unit types: for each character, the unit type named there (null elsewhere), longest first, so
    /// 律师事务所 is read whole and not as 事务所.
    /// </summary>
    public static UnitClass?[] Named(string text, IReadOnlyList<UnitClass> table)
    {
        var named = new UnitClass?[text.Length];
        foreach (var entry in table)
        {
            for (var at = text.IndexOf(entry.UnitType, StringComparison.Ordinal); at >= 0; at = text.IndexOf(entry.UnitType, at + 1, StringComparison.Ordinal))
            {
                var free = true;
                for (var i = at; i < at + entry.UnitType.Length; i++)
                {
                    free &= named[i] is null;
                }

                if (free)
                {
                    named.AsSpan(at, entry.UnitType.Length).Fill(entry);
                }
            }
        }

        return named;
    }

    /// <summary>The credit a text gives a unit type through its classes: the entry's credit when the text names one, else 0.</summary>
    public static double Credit(UnitClass? entry, string text)
    {
        if (entry is null)
        {
            return 0;
        }

        foreach (var word in entry.Classes)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return entry.Credit;
            }
        }

        return 0;
    }
}
