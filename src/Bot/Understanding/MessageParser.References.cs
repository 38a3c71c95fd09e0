namespace InstructorBot.Bot.Understanding;

// Stage: entity spans. A unit said again by the noun of its kind ("会计所那边", "学校这边") after its name.
internal sealed partial class MessageParser
{
    /// <summary>The place words after a kind noun that make it a reference to a unit ("会计所那边程所长说…").</summary>
    private static readonly string[] ReferencePlaceWords = ["那边", "这边", "那儿", "这儿", "那里", "这里"];

    /// <summary>
    /// "今天走了三家，顺达、德润，还有那个诚信会计所。…会计所那边程所长说他们现在一共十八个人": the noun of a unit's kind
    /// (an abbreviation of vocabulary.json, an institution suffix or a generic word: 会计所, 学校, 医院, 协会, 物业), said outside
    /// any name and followed by 那边/这边, refers to the one unit named before it whose name holds that noun (or the long form
    /// the abbreviation stands for). Two such units, or none, leave it unresolved.
    /// </summary>
    private void FindKindNounReferences()
    {
        if (!ReferencePlaceWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
        {
            return; // the reference needs a place word after the noun: most messages have none
        }

        var added = false;
        foreach (var (noun, forms) in rules.KindNouns)
        {
            for (var at = text.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = text.IndexOf(noun, at + 1, StringComparison.Ordinal))
            {
                var end = at + noun.Length;
                // "启航学校那边": the noun that ends a name said whole is that name, not a reference.
                if (mentions.Any(m => m.Start < end && at <= m.End) || !ReferencePlaceWords.Any(w => text.AsSpan(end).StartsWith(w, StringComparison.Ordinal)))
                {
                    continue;
                }

                var named = mentions.Where(m => m.End <= at && !m.IsGeneric && m.Organization is { } o && forms.Any(f => o.Name.Contains(f, StringComparison.Ordinal)))
                    .Select(m => m.Organization!).DistinctBy(o => o.Id).ToList();
                if (named.Count == 1)
                {
                    mentions.Add(new OrganizationMention(at, noun.Length, noun) { Organization = named[0] });
                    added = true;
                }
            }
        }

        if (added)
        {
            mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>Each kind noun with the forms a ledger name holds it in: 会计所 → 会计所, 会计师事务所 (made once per vocabulary).</summary>
    internal static (string Noun, string[] Forms)[] KindNounsOf(Vocabulary vocabulary) => [.. KindNouns(vocabulary)];

    private static IEnumerable<(string Noun, string[] Forms)> KindNouns(Vocabulary vocabulary)
    {
        foreach (var (full, shorts) in vocabulary.Abbreviations)
        {
            foreach (var abbreviation in shorts.Where(s => s.Length >= 2))
            {
                yield return (abbreviation, [abbreviation, full]);
            }

            yield return (full, [full]);
        }

        foreach (var noun in vocabulary.InstitutionSuffixes.Concat(vocabulary.GenericWords).Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal))
        {
            if (!vocabulary.Abbreviations.ContainsKey(noun))
            {
                yield return (noun, [noun]);
            }
        }
    }
}
