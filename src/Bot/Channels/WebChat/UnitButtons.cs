using InstructorBot.Bot.Conversation;
using InstructorBot.Store;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>
/// The web chat's buttons for the units a reply lists (应建未建 lists, records lists, any line "· …" or "1. …" naming a
/// ledger unit by its full name): a tap sends "查看 + full name", which understanding reads as that unit's card
/// (org_lookup). At most <see cref="Cap"/> of them, in the order listed: two or three rows on a phone, the rest
/// reachable by typing. A reply with buttons of its own (candidates to choose from) gets none, so a tap there
/// answers the question asked rather than opening another unit's card. Names come from the reply, which already
/// shows only what the sender may see.
/// </summary>
public sealed class UnitButtons(InstructorStore store)
{
    public const int Cap = 6;

    /// <summary>What a tap sends before the unit's full name.</summary>
    public const string Verb = "查看";

    private Names names = Names.Empty;

    public IReadOnlyList<QuickReply>? For(ReplyMessage reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.QuickReplies is { Count: > 0 } || string.IsNullOrEmpty(reply.Text))
        {
            return null;
        }

        var known = Current();
        var found = new List<QuickReply>();
        foreach (var line in reply.Text.Split('\n'))
        {
            if (found.Count == Cap)
            {
                break;
            }

            if (IsListLine(line) && known.FirstIn(line) is { } name && !found.Exists(b => b.Title == name))
            {
                found.Add(new QuickReply(name, Verb + name));
            }
        }

        return found.Count == 0 ? null : found;
    }

    /// <summary>"· 11月27日 走访 …" or "3. …": a line of a list.</summary>
    private static bool IsListLine(string line)
    {
        var text = line.AsSpan().TrimStart();
        if (text.StartsWith("· ", StringComparison.Ordinal))
        {
            return true;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && text[digits..].StartsWith(". ", StringComparison.Ordinal);
    }

    private Names Current()
    {
        var version = store.OrganizationNamesVersion;
        var known = Volatile.Read(ref names);
        if (known.Version != version)
        {
            known = Names.Of(store.Organizations().Select(o => o.Name), version);
            Volatile.Write(ref names, known);
        }

        return known;
    }

    /// <summary>The ledger's full names, looked up by span so a line is searched without allocating its substrings.</summary>
    private sealed class Names
    {
        public static readonly Names Empty = new([], -1);

        private readonly HashSet<string> all;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private readonly int shortest;
        private readonly int longest;

        private Names(HashSet<string> all, long version)
        {
            this.all = all;
            lookup = all.GetAlternateLookup<ReadOnlySpan<char>>();
            Version = version;
            shortest = all.Count == 0 ? 0 : all.Min(n => n.Length);
            longest = all.Count == 0 ? 0 : all.Max(n => n.Length);
        }

        public long Version { get; }

        public static Names Of(IEnumerable<string> names, long version) =>
            new(new HashSet<string>(names.Where(n => n.Length >= 2), StringComparer.Ordinal), version);

        /// <summary>The leftmost, then longest, full name in the line.</summary>
        public string? FirstIn(string line)
        {
            if (all.Count == 0)
            {
                return null;
            }

            for (var start = 0; start + shortest <= line.Length; start++)
            {
                for (var length = Math.Min(longest, line.Length - start); length >= shortest; length--)
                {
                    if (lookup.TryGetValue(line.AsSpan(start, length), out var name))
                    {
                        return name;
                    }
                }
            }

            return null;
        }
    }
}
