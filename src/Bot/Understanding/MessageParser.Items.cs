namespace InstructorBot.Bot.Understanding;

// Stage: items — a message written as a list (1. 2. ①, ；, line breaks, key：value lines as in forms) states its facts one
// item at a time; each item inherits the message's day and the nearest unit. The items are found once, on first use, in
// one walk over the text.
internal sealed partial class MessageParser
{
    /// <summary>The longest title a report opens with ("12.10 走访记录：", "电商协会情况更新：").</summary>
    private const int MaxHeading = 20;

    private List<(int Start, int End)>? items;

    /// <summary>
    /// The message's items: stretches cut at ；, a line break or an item number (1. 2、 ① （3）). A comma or 。 cuts no item:
    /// an item is one fact said over its clauses ("1. 上午瑞康医疗，职工212人，党员9名；").
    /// </summary>
    private List<(int Start, int End)> Items => items ??= FindItems();

    private List<(int Start, int End)> FindItems()
    {
        var found = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '；' or ';' or '\n')
            {
                if (i > start)
                {
                    found.Add((start, i));
                }

                start = i + 1;
            }
            else if (i > start && ItemNumberLength(i) > 0)
            {
                found.Add((start, i));
                start = i;
            }
        }

        if (start < text.Length)
        {
            found.Add((start, text.Length));
        }

        return found;
    }

    /// <summary>The index of the item that holds <paramref name="position"/>.</summary>
    private int ItemOf(int position)
    {
        var list = Items;
        for (var k = 0; k < list.Count; k++)
        {
            if (position < list[k].End)
            {
                return k;
            }
        }

        return list.Count - 1;
    }

    /// <summary>
    /// The length of an item number at <paramref name="at"/>: a circled number (①), a parenthesised one (（1）, (2)), or one
    /// or two digits and . 、 ． (not a date or a decimal: no digit after it) at the start of the text or after a blank,
    /// ：, ；, a line break or a comma. 0 where none stands.
    /// </summary>
    private int ItemNumberLength(int at)
    {
        var c = text[at];
        if (c is >= '①' and <= '⑳')
        {
            return 1;
        }

        var boundary = at == 0 || text[at - 1] is ' ' or '：' or ':' or '；' or ';' or '\n' or '，' or ',' or '。';
        if (!boundary)
        {
            return 0;
        }

        if (c is '（' or '(' && at + 2 < text.Length && char.IsAsciiDigit(text[at + 1]) && text[at + 2] is '）' or ')')
        {
            return 3;
        }

        var digits = 0;
        while (at + digits < text.Length && digits < 3 && char.IsAsciiDigit(text[at + digits]))
        {
            digits++;
        }

        if (digits is 0 or > 2 || at + digits >= text.Length || text[at + digits] is not ('.' or '、' or '．'))
        {
            return 0;
        }

        var after = at + digits + 1;
        return after < text.Length && char.IsAsciiDigit(text[after]) ? 0 : digits + 1;
    }

    /// <summary>
    /// The end of the title the message opens with: the first ：/: or line break within <see cref="MaxHeading"/> characters,
    /// with no organisation named before it; -1 where the message opens with no title.
    /// </summary>
    private int HeadingEnd()
    {
        var end = text.AsSpan(0, Math.Min(text.Length, MaxHeading)).IndexOfAny("：:\n");
        return end > 0 && end < text.Length - 1 ? end : -1;
    }

    /// <summary>
    /// "12.10 走访记录：1. 上午瑞康医疗，职工212人…", "电商协会情况更新：一共十个人…": a title that ends with a report's word
    /// (<c>report_heading_words</c>) before a body that names an organisation and asks nothing is the report's name; the
    /// words of the title (走访记录) ask for no figures.
    /// </summary>
    private bool IsReportHeaded()
    {
        var end = HeadingEnd();
        if (end < 0 || rules.ReportHeadings.LongestEndingAt(text, end) == 0 && rules.ReportHeadings.LongestEndingAt(text, TrimmedEnd(end)) == 0)
        {
            return false;
        }

        return UsableMentions().Any(m => m.Start > end) && !clauses.Any(c => c.End > end && c.IsQuestion);
    }

    /// <summary>
    /// "下周安排：1. 周一去顺达快递；2. 周三去佳和餐饮": a title that names no organisation and says a plan (<c>plan_markers</c>:
    /// 下周, 计划, 打算) makes each item under it a plan, its bare days (周一) the plan's.
    /// </summary>
    private bool PlannedByHeading(int position)
    {
        var end = HeadingEnd();
        return end > 0 && position > end && rules.Plan.FindAll(text, 0, end).Any(p => !TellsThisMessage(p)) && !mentions.Any(m => m.Start < end)
            && !dates.Any(d => d.Start < end && d.Date <= today);
    }

    /// <summary>A plan word before <paramref name="position"/> in its clause, other than a need to tell this message (<see cref="TellsThisMessage"/>).</summary>
    private bool PlannedInClause(Clause clause, int position) =>
        rules.Plan.ContainsAny(text, clause.Start, position) && rules.Plan.FindAll(text, clause.Start, position).Any(p => !TellsThisMessage(p));

    /// <summary>"另有一事需要报备：", "有个情况要汇报一下：": a need or plan word whose object is the telling (<c>report_objects</c>) plans nothing.</summary>
    private bool TellsThisMessage((int Position, string Word) marker) =>
        rules.Agents.ReportObjects.MatchAt(text, marker.Position + marker.Word.Length) is not null;

    /// <summary>The end of the text before <paramref name="end"/> without the blanks and a day said last ("工作日志 12月10日").</summary>
    private int TrimmedEnd(int end)
    {
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        if (dates.FirstOrDefault(d => d.Start + d.Length == end) is { } day)
        {
            end = day.Start;
        }

        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// The units of a joint formation coordinated around its verb in the formation's item, where the formation's own clause
    /// names fewer: "云启网络跟极光数字 片区联建 12月8日弄好了" (the list before the verb's clause), "…；跟物流行业协会同业共建的
    /// 联合支部12.9成立了" (a clause that opens with 跟/和/与/同: the unit before it, the topic, is the other). Null when no
    /// coordination of that shape stands in the item.
    /// </summary>
    private List<OrganizationMention>? CoordinatedUnits(Clause clause, List<OrganizationMention> units)
    {
        var item = Items[ItemOf(clause.Start)];
        var at = clause.Start;
        while (at < clause.End && text[at] == ' ')
        {
            at++;
        }

        if (at < clause.End && text[at] is '跟' or '和' or '与' or '同' && units.Count > 0 && units[0].Start == at + 1)
        {
            var topic = UsableMentions().LastOrDefault(m => m.End <= clause.Start && !m.IsGeneric);
            if (topic is null || units.Any(u => Identity(u) == Identity(topic)))
            {
                return null;
            }

            // "智联物流，物流协会，跟荷坳精密模具…成立联合党支部": the topic is the whole list said before, pauses between (round 24).
            var spoken = ListBefore(clause.Start);
            return spoken.Count > 1 && spoken[^1] == topic && spoken.All(m => m is { IsGeneric: false } && m.Start >= item.Start && units.All(u => Identity(u) != Identity(m)))
                ? [.. spoken.Select(m => m!), .. units] : [topic, .. units];
        }

        if (units.Count > 1 || ListBefore(clause.Start) is not { Count: > 1 } listed || listed.Any(m => m is null || m.Start < item.Start)
            || !listed.Skip(1).Any(m => IsCoordinator(m!.Start - 1)))
        {
            return null;
        }

        var list = listed.Select(m => m!).ToList();
        return units.Count == 0 || list.Any(m => Identity(m) == Identity(units[0])) ? list : null;
    }

    /// <summary>跟/和/与/同/、 right before <paramref name="position"/> (blanks between allowed).</summary>
    private bool IsCoordinator(int position)
    {
        while (position >= 0 && text[position] == ' ')
        {
            position--;
        }

        return position >= 0 && text[position] is '跟' or '和' or '与' or '同' or '、' or '及';
    }
}
