namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Records whose unit the message names only by sound (<see cref="OrganizationMention.IsHeard"/>: 云起科技 for 云启科技)
/// carry the name as written (<see cref="UnderstoodAction.HeardAs"/>), so the conversation asks "您是指…吗？" before
/// writing. The reading is kept (the unit is the likely one); a wrong unit is worse than a question.
/// </summary>
internal static class HeardNames
{
    public static UnderstandingResult Mark(UnderstandingResult reading, IReadOnlyList<OrganizationMention> mentions)
    {
        if (!mentions.Any(m => m.IsHeard && m.Organization is not null))
        {
            return reading;
        }

        // A unit also named as written anywhere in the message is not in doubt.
        var written = mentions.Where(m => !m.IsHeard && m.Organization is not null).Select(m => m.Organization!.Name).ToHashSet(StringComparer.Ordinal);
        var heard = mentions
            .Where(m => m.IsHeard && m.Organization is not null && !written.Contains(m.Organization.Name))
            .GroupBy(m => m.Organization!.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Written, StringComparer.Ordinal);
        if (heard.Count == 0)
        {
            return reading;
        }

        var marked = reading.Actions
            .Select(a => a.IsRecord && a.Organization is { } name && heard.TryGetValue(name, out var said) ? a with { HeardAs = said } : a)
            .ToList();
        return reading with { Actions = marked };
    }
}
