namespace InstructorBot.Bot.Understanding;

/// <summary>Finds a member category said by its definition's parts (<see cref="MemberDefinition"/>) in a stretch of text.</summary>
internal sealed class MemberDefinitions
{
    private readonly (MemberDefinition Definition, KeywordSet[] Parts, KeywordSet Except, string[] NotAfter)[] definitions;

    public MemberDefinitions(IReadOnlyList<MemberDefinition> source) =>
        definitions = [.. source.Where(d => d.Parts.Count > 0 && d.Category.Length > 0)
            .Select(d => (d, d.Parts.Select(p => new KeywordSet(p)).ToArray(), new KeywordSet(d.Except), d.NotAfter.ToArray()))];

    /// <summary>
    /// The first definition said in [from, end): where its first part starts, how far its parts reach, and its category. At one
    /// start, the definition listed first wins (held in a pocket before a place elsewhere before papers not transferred).
    /// The parts stay in one sentence (no 。？！；) and within the definition's window.
    /// </summary>
    public (int Position, int Length, string Category)? FindFirst(string text, int from, int end)
    {
        end = Math.Min(end, text.Length);
        (int Position, int Length, string Category)? best = null;
        foreach (var (definition, parts, except, notAfter) in definitions)
        {
            foreach (var (position, _) in parts[0].FindAll(text, from, end))
            {
                if (best is { } b && position >= b.Position)
                {
                    break;
                }

                if (notAfter.Any(w => text.AsSpan(0, position).EndsWith(w, StringComparison.Ordinal))
                    || Reach(text, parts, except, position, Math.Min(end, position + definition.Window)) is not { } reach)
                {
                    continue;
                }

                best = (position, reach - position, definition.Category);
                break;
            }
        }

        return best;
    }

    /// <summary>Where the last part ends when every part after the first is said in order before <paramref name="limit"/>.</summary>
    private static int? Reach(string text, KeywordSet[] parts, KeywordSet except, int start, int limit)
    {
        var at = start + (parts[0].MatchAt(text, start) ?? "").Length;
        for (var p = 1; p < parts.Length; p++)
        {
            var found = false;
            for (; at < limit && text[at] is not ('。' or '？' or '?' or '！' or '!' or '；' or ';'); at++)
            {
                if (except.MatchAt(text, at) is null && parts[p].MatchAt(text, at, limit) is { } word)
                {
                    at += word.Length;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return null;
            }
        }

        return at;
    }
}
