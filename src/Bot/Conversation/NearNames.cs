using System.Text.RegularExpressions;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The ledger organisation a name the ledger lacks was probably meant to be: one or two characters off a ledger name
/// without its region and legal form (云起科技 → 云启科技, 顺大快递 → 顺达快递服务), compared with the whole core or its
/// beginning of the same length. Only a single best match is offered, and only ever as a question ("您是指…吗？").
/// Runs on a miss only (not on the hot path); the cores are cached per ledger names version.
/// </summary>
public sealed partial class NearNames(InstructorStore store, Vocabulary vocabulary)
{
    private volatile Cores? cores;

    /// <summary>The one ledger organisation nearest to <paramref name="written"/>, preferring the sender's jurisdiction; null when none is near or several are equally near.</summary>
    public Organization? Find(string? written, User sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var name = Core(TextNormalizer.NormalizeName(written ?? ""));
        if (name.Length < 2 || !name.Any(TextNormalizer.IsHan))
        {
            return null;
        }

        var allowed = name.Length <= 4 ? 1 : 2;
        var best = int.MaxValue;
        var found = new List<Organization>();
        foreach (var (organization, core) in Current().Entries)
        {
            var distance = Math.Min(
                Distance(name, core),
                core.Length > name.Length ? Distance(name, core[..name.Length]) : int.MaxValue);
            if (distance == 0 || distance > allowed || distance > best)
            {
                continue;
            }

            if (distance < best)
            {
                best = distance;
                found.Clear();
            }

            found.Add(organization);
        }

        var inside = found.Where(o => sender.Jurisdiction.Contains(o)).ToList();
        return inside.Count == 1 ? inside[0] : found.Count == 1 ? found[0] : null;
    }

    private Cores Current()
    {
        var version = store.OrganizationNamesVersion;
        var known = cores;
        if (known is null || known.Version != version)
        {
            known = new Cores(version, [.. store.Organizations().Select(o => (o, Core(TextNormalizer.NormalizeName(o.Name))))]);
            cores = known;
        }

        return known;
    }

    /// <summary>A name without its region prefixes, district and legal form: 深圳市云启科技有限公司 → 云启科技.</summary>
    private string Core(string name)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var prefix in vocabulary.RegionPrefixes.OrderByDescending(p => p.Length))
            {
                if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    name = name[prefix.Length..];
                    changed = true;
                    break;
                }
            }
        }

        name = District().Replace(name, "");
        foreach (var form in vocabulary.LegalForms.OrderByDescending(f => f.Length))
        {
            if (name.Length > form.Length && name.EndsWith(form, StringComparison.Ordinal))
            {
                return name[..^form.Length];
            }
        }

        return name;
    }

    /// <summary>Levenshtein distance over characters.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2}区(?=\p{IsCJKUnifiedIdeographs}{2})")]
    private static partial Regex District();

    private sealed record Cores(long Version, IReadOnlyList<(Organization Organization, string Core)> Entries);
}
