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
            var paused = added.Count > 0 || PauseBeforeLongJoiner(previous.End);
            if (!paused || !(IsListJoiner(previous.End, next.Start, acrossBlanks: true) || (added.Count == 0 && IntroducedAfterJoiner(previous.End + 1, next.Start))))
            {
                break;
            }

            added.Add(next);
            previous = next;
        }

        // The names must end their clause: nothing but a separator (or the message's end) after the last one.
        return added.Count > 0 && (previous.End == text.Length || IsSeparator(text[previous.End])) ? added : [];
    }

    /// <summary>A pause at <paramref name="at"/> and a joiner of two characters right after it ("，还有", "，以及").</summary>
    private bool PauseBeforeLongJoiner(int at) =>
        at + 1 < text.Length && text[at] is '，' or ',' && rules.ListJoiners.MatchAt(text, at + 1) is { Length: > 1 };

    /// <summary>
    /// True when the stretch from <paramref name="from"/> to <paramref name="to"/> is a joiner of two characters and an
    /// introduction ending in a naming word: "还有一家新开的叫" + 鑫盛五金制品厂, "以及一个叫" + …
    /// </summary>
    private bool IntroducedAfterJoiner(int from, int to)
    {
        if (rules.ListJoiners.MatchAt(text, from) is not { Length: > 1 } joiner || to - from > joiner.Length + 10)
        {
            return false;
        }

        var at = from + joiner.Length;
        var intro = text.AsSpan(at, to - at);
        return intro.Length >= 2 && (intro.StartsWith("一家") || intro.StartsWith("一个") || intro[0] is '个' or '家')
            && rules.NamingVerbs.EndsAt(text, to, at) && !intro.ContainsAny("，,。；;");
    }

    /// <summary>
    /// True when the naming word at <paramref name="position"/> follows a pause, a unit's kind (家政公司 叫…) or a relative
    /// clause's 的 after a classifier (一家新开的叫…): it introduces the unit's name, as after 一家/有个.
    /// </summary>
    private bool NamesAfterPauseOrKind(int position)
    {
        var before = position;
        while (before > 0 && text[before - 1] == ' ')
        {
            before--;
        }

        // A blank is voice input's pause ("一家托管中心 叫小太阳托管"): the name after it must still pass the introducer's test.
        if (before == 0 || before < position || text[before - 1] is '，' or ',' or '：' or ':')
        {
            return true;
        }

        // "全名叫…": the noun may share its last character with the naming word found (名叫).
        if (rules.UnitNameNouns.EndsAt(text, before, Math.Max(0, before - 2))
            || (rules.UnitNameNouns.EndsAt(text, before + 1, Math.Max(0, before - 2)) && rules.NamingVerbs.MatchAt(text, before + 1) is not null))
        {
            return true; // "名字叫做鼎信律师事务所", "人家全名叫…": a noun of the name introduces it
        }

        if (rules.ClassNouns.EndsAt(text, before, Math.Max(0, before - 4)))
        {
            return true; // "开了个家政公司 叫好帮手家政"
        }

        // "一家新开的叫…": 的 closes a short relative clause opened by a classifier.
        if (text[before - 1] != '的')
        {
            return false;
        }

        for (var i = before - 2; i >= Math.Max(0, before - 9); i--)
        {
            if (text[i] is '家' or '个' && i > 0 && (ChineseNumber.IsNumeralChar(text[i - 1]) || text[i - 1] == '有'))
            {
                return !text.AsSpan(i, before - i).ContainsAny("，,。；; ");
            }
        }

        return false;
    }
}
