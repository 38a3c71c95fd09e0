namespace InstructorBot.Bot.Understanding;

// Stage: entity spans (round 19, r19-unames). A list of units that goes on after a pause: the clause that only adds names.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "上午去了顺达快递、华鼎物流，还有德润物业": after a clause whose names end it, a pause and a joiner of two characters
    /// (还有, 以及) open a clause that only names more units; they go on with the list (empty when no such clause follows).
    /// The names added must end their clause: "，还有德润物业的罗总说…" adds nothing.
    /// </summary>
    private List<OrganizationMention> ListGoesOnAfterPause(Clause clause, OrganizationMention last)
    {
        var added = new List<OrganizationMention>();
        if (last.End != clause.End)
        {
            return added;
        }

        var previous = last;
        foreach (var next in UsableMentions())
        {
            if (next.Start < clause.End)
            {
                continue;
            }

            // The first added name comes after a pause and 还有/以及; the others join it as any list does ("，还有那个诚信会计所":
            // IsListJoiner reads the pointer before a name too).
            var paused = added.Count > 0
                || (text[previous.End] is '，' or ',' && rules.ListJoiners.MatchAt(text, previous.End + 1) is { Length: > 1 });
            if (!paused || !IsListJoiner(previous.End, next.Start, acrossBlanks: true))
            {
                break;
            }

            added.Add(next);
            previous = next;
        }

        // The names must end their clause: nothing but a separator (or the message's end) after the last one.
        return added.Count > 0 && (previous.End == text.Length || IsSeparator(text[previous.End])) ? added : [];
    }
}
