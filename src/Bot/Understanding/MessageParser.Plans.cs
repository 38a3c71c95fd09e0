using System.Globalization;
using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// 一企一策 (issue 14): a plan of measures, a deadline and a responsible person for one unit that must form, set by chat
/// ("云启科技计划：12月底前发展1名党员转正后单独组建，责任人张伟", "给顺达快递定个一企一策：联合组建，11月30日前完成，责任人李娜");
/// the listings ("哪些单位还没有一企一策", "逾期的计划"), and the monthly progress report asked for by chat ("导出11月进度报表").
/// A plan is read only from its explicit form: a named unit, a plan word (一企一策, or 计划/方案 made a noun by a colon,
/// 如下, a making verb before it, or a responsible person after it), measures, and a deadline or a responsible person.
/// A plan said in passing ("工会下礼拜成立", "云启科技计划下周成立党支部") stays what it was: nothing recorded.
/// Vocabulary as data below.
/// </summary>
internal sealed partial class MessageParser
{
    /// <summary>The one plan word that is always a plan.</summary>
    private const string OneUnitOnePlan = "一企一策";

    /// <summary>Plan nouns, longest first.</summary>
    private static readonly string[] PlanNouns = ["工作计划", "组建计划", "组建方案", "工作方案", "计划", "方案"];

    /// <summary>Verbs that make a plan noun of what follows ("定个计划", "制定组建方案").</summary>
    private static readonly string[] PlanMakingVerbs = ["制定", "制订", "拟定", "订立", "定", "订", "做", "出", "列"];

    /// <summary>What may stand between a making verb and the plan noun.</summary>
    private static readonly string[] PlanMakingFillers = ["了", "个", "一个", "一份", "份", "好", "一下", "下"];

    /// <summary>Words that name the responsible person next ("责任人张伟", "负责人：李娜").</summary>
    private static readonly string[] PersonMarkers = ["责任人", "负责人", "牵头人", "包联人", "包保人"];

    /// <summary>Words after a date that make it a deadline ("12月底前", "11月30日之前完成").</summary>
    private static readonly string[] DeadlineAfter = ["之前", "以前", "前", "为止", "截止", "内", "以内", "之内", "完成", "办结"];

    /// <summary>Words before a date that make it a deadline ("时限：12月31日", "截止到12月20日").</summary>
    private static readonly string[] DeadlineBefore = ["时限", "期限", "限期", "截止", "截至", "完成时间", "完成时限", "时间节点", "节点"];

    /// <summary>Words that make a message a question about plans rather than a plan.</summary>
    private static readonly string[] PlanQuestionWords =
        ["哪些", "哪家", "哪几", "有没有", "没有", "还没", "未制定", "缺", "什么", "怎么", "如何", "多少", "几家", "几个", "是否", "吗", "呢", "查", "看看", "看一下", "列出", "列一下", "清单", "名单", "情况", "汇总", "逾期", "超期", "过期", "到期未"];

    /// <summary>Words of a plan that is late.</summary>
    private static readonly string[] OverdueWords = ["逾期", "超期", "过期", "超时", "到期未", "延期"];

    /// <summary>Words of a unit without a plan.</summary>
    private static readonly string[] MissingWords = ["还没有", "没有", "还没", "未制定", "未定", "缺", "没定", "没做", "未建立"];

    /// <summary>Words that ask for a list.</summary>
    private static readonly string[] ListWords = ["哪些", "哪几", "哪家", "列出", "列一下", "清单", "名单", "情况", "汇总", "有几", "多少", "看看", "看一下", "查", "都有", "统计"];

    /// <summary>The nouns of the monthly progress report (000 附件2, 003 三（四）).</summary>
    private static readonly string[] MonthlyReportNouns = ["进度报表", "月度报表", "月报表", "月报", "进度表", "月度报告", "进度报告", "月度进展", "报表"];

    /// <summary>Verbs that ask for the report as a file.</summary>
    private static readonly string[] MonthlyReportVerbs = ["导出", "下载", "生成", "发我", "发给我", "发一下", "发一份", "给我", "来一份", "出一份", "做一份", "要一份", "拿一份", "导一份", "导一下", "输出", "打印"];

    /// <summary>
    /// A plan stated for a named unit; null when the message is not one (then it is read as before). Called before the
    /// records are read: a plan's measures ("发展1名党员…单独组建") are not records.
    /// </summary>
    private UnderstandingResult? PlanStated()
    {
        if (PlanMarker() is not { } marker)
        {
            return null;
        }

        var named = UsableMentions().Where(m => !m.IsGeneric).ToList();
        var unit = named.LastOrDefault(m => m.End <= marker.Start) ?? named.FirstOrDefault(m => m.Start >= marker.End);
        if (unit is null)
        {
            return null;
        }

        var content = text[Math.Max(marker.End, unit.End)..];
        if (AsksAboutPlans(content) || text.Contains('？') || text.Contains('?'))
        {
            return null;
        }

        var (person, withoutPerson) = PlanPerson(content);
        var (due, measures) = PlanDeadline(withoutPerson);
        measures = TidyMeasures(measures);
        if (measures.Length == 0 || (due is null && person is null) || (marker.Weak && person is null))
        {
            return null;
        }

        var plan = WithOrganization(new UnderstoodAction(ActionKind.FormationPlan) { Date = today, Measures = measures, Due = due, Person = person }, unit);

        // "今天走访了云启科技，定了一企一策：…": the clauses before the plan's are read as they would be alone.
        var clauseStart = text.LastIndexOfAny(['，', ',', '。', '；', ';', '！', '!'], Math.Max(0, marker.Start - 1));
        var earlier = clauseStart > 0 && !isPart ? ReaderOf(0, clauseStart, topic: null).Parse().Actions : [];
        return Finish([.. earlier, plan]);
    }

    /// <summary>
    /// "云启科技的一企一策", "顺达快递的组建方案呢": one named unit's plan, shown with its ledger card (org_lookup); null when
    /// the message is not that.
    /// </summary>
    private UnderstandingResult? PlanOfUnitAsked()
    {
        var named = UsableMentions().Where(m => !m.IsGeneric).DistinctBy(m => m.Organization?.Id ?? -1 - m.Start).ToList();
        if (named.Count != 1 || rules.How.ContainsAny(text) || rules.PolicyDefinition.ContainsAny(text))
        {
            return null;
        }

        var at = text.IndexOf(OneUnitOnePlan, StringComparison.Ordinal);
        if (at < named[0].End)
        {
            return null;
        }

        // Nothing but the unit, 的, the plan word and a question or list word: "云启科技的一企一策", "…一企一策是什么".
        var rest = Clean(text[named[0].End..at] + text[(at + OneUnitOnePlan.Length)..]);
        foreach (var word in (string[])["的", "呢", "吗", "是什么", "是啥", "有没有", "有吗", "定了吗", "制定了吗", "情况", "内容", "查一下", "看看", "看一下", "发我", "给我看"])
        {
            rest = rest.Replace(word, "", StringComparison.Ordinal);
        }

        return rest.Length <= 2 ? Finish([WithOrganization(new UnderstoodAction(ActionKind.OrgLookup), named[0])]) : null;
    }

    /// <summary>"哪些单位还没有一企一策", "逾期的计划", "一企一策的情况汇总一下": a listing of plans for a scope; null otherwise.</summary>
    private UnderstandingResult? PlansListAsked()
    {
        var oneUnitOnePlan = text.Contains(OneUnitOnePlan, StringComparison.Ordinal);
        var planNoun = oneUnitOnePlan || PlanNouns.Any(n => text.Contains(n, StringComparison.Ordinal));
        if (!planNoun || rules.How.ContainsAny(text) || rules.PolicyDefinition.ContainsAny(text))
        {
            return null;
        }

        // 计划 alone is an everyday word: only a late plan ("逾期的计划") or a plan word with 一企一策 lists plans.
        if (ContainsAnyOf(OverdueWords))
        {
            return Only(new UnderstoodAction(ActionKind.ProgressQuery) { Scope = FindScope(), Metric = ProgressMetric.PlansOverdue });
        }

        if (!oneUnitOnePlan)
        {
            return null;
        }

        if (ContainsAnyOf(MissingWords))
        {
            return Only(new UnderstoodAction(ActionKind.ProgressQuery) { Scope = FindScope(), Metric = ProgressMetric.PlansMissing });
        }

        return ContainsAnyOf(ListWords) || Clean(text).Replace(OneUnitOnePlan, "", StringComparison.Ordinal).Length <= 2
            ? Only(new UnderstoodAction(ActionKind.ProgressQuery) { Scope = FindScope(), Metric = ProgressMetric.Plans })
            : null;
    }

    /// <summary>"导出11月进度报表", "上个月的进度报表发我", "本月报表导一下": the monthly report as a file; null otherwise.</summary>
    private UnderstandingResult? MonthlyReportAsked()
    {
        if (!ContainsAnyOf(MonthlyReportNouns) || !(ContainsAnyOf(MonthlyReportVerbs) || rules.AsksExport(text)))
        {
            return null;
        }

        var month = ReportMonth();
        var monthly = MonthlyReportNouns.Where(n => n != "报表").Any(n => text.Contains(n, StringComparison.Ordinal));
        if (month is null && !monthly)
        {
            return null; // "导出报表" is the ledger export
        }

        var first = new DateOnly(today.Year, today.Month, 1);
        return Only(new UnderstoodAction(ActionKind.Export) { Scope = FindScope(), ReportMonth = month ?? first });
    }

    /// <summary>The month a report names: "11月", "十一月份", "2026年11月", "本月", "上个月"; null when none.</summary>
    private DateOnly? ReportMonth()
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        if (text.Contains("上个月", StringComparison.Ordinal) || text.Contains("上月", StringComparison.Ordinal))
        {
            return first.AddMonths(-1);
        }

        if (text.Contains("本月", StringComparison.Ordinal) || text.Contains("这个月", StringComparison.Ordinal) || text.Contains("当月", StringComparison.Ordinal))
        {
            return first;
        }

        if (MonthPattern().Match(text) is { Success: true } m && PlanNumber(m.Groups["m"].Value) is var month and >= 1 and <= 12)
        {
            var year = m.Groups["y"].Success ? PlanNumber(m.Groups["y"].Value) : today.Year;
            var said = new DateOnly(year, month, 1);
            return !m.Groups["y"].Success && said > first ? said.AddYears(-1) : said;
        }

        return null;
    }

    private bool AsksAboutPlans(string content) =>
        PlanQuestionWords.Any(w => content.Contains(w, StringComparison.Ordinal)) && !PersonMarkers.Any(w => content.Contains(w, StringComparison.Ordinal));

    private sealed record PlanWord(int Start, int End, bool Weak);

    /// <summary>
    /// The plan word: 一企一策; 计划/方案 followed by a colon or 如下/是/为, or after a making verb; 计划 as a verb ("云启科技
    /// 计划12月底前单独组建") only weakly, when a responsible person is named.
    /// </summary>
    private PlanWord? PlanMarker()
    {
        var oneUnit = text.IndexOf(OneUnitOnePlan, StringComparison.Ordinal);
        if (oneUnit >= 0)
        {
            var end = oneUnit + OneUnitOnePlan.Length;
            return new PlanWord(oneUnit, SkipPlanOpening(end), false);
        }

        foreach (var noun in PlanNouns)
        {
            for (var at = text.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = text.IndexOf(noun, at + 1, StringComparison.Ordinal))
            {
                var end = at + noun.Length;
                var opened = SkipPlanOpening(end);
                if (opened > end || MadeBefore(at))
                {
                    return new PlanWord(at, opened, false);
                }

                if (noun == "计划")
                {
                    return new PlanWord(at, end, true);
                }
            }
        }

        return null;
    }

    /// <summary>After a plan noun: a colon, 如下, 是, 为 (and blanks); the position after them.</summary>
    private int SkipPlanOpening(int end)
    {
        var i = end;
        while (i < text.Length && text[i] is '：' or ':' or ' ' or '，' or ',')
        {
            i++;
        }

        foreach (var word in (string[])["如下", "是", "为"])
        {
            if (text.AsSpan(i).StartsWith(word, StringComparison.Ordinal))
            {
                i += word.Length;
                while (i < text.Length && text[i] is '：' or ':' or ' ')
                {
                    i++;
                }

                break;
            }
        }

        return text[end..i].Any(c => c is '：' or ':') || i > end && !text[end..i].All(c => c is ' ' or '，' or ',') ? i : end;
    }

    /// <summary>A making verb right before the plan noun, with only fillers and a unit-kind word between ("定了个", "制定组建").</summary>
    private bool MadeBefore(int nounStart)
    {
        var before = text[..nounStart];
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var filler in PlanMakingFillers.OrderByDescending(f => f.Length))
            {
                if (before.EndsWith(filler, StringComparison.Ordinal))
                {
                    before = before[..^filler.Length];
                    stripped = true;
                    break;
                }
            }
        }

        return PlanMakingVerbs.Any(v => before.EndsWith(v, StringComparison.Ordinal));
    }

    /// <summary>The responsible person ("责任人张伟", "负责人是我", "由李娜负责") and the content without that phrase.</summary>
    private (string? Person, string Remaining) PlanPerson(string content)
    {
        foreach (var marker in PersonMarkers)
        {
            var at = content.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var i = at + marker.Length;
            while (i < content.Length && content[i] is '：' or ':' or ' ' or '是' or '为')
            {
                i++;
            }

            if (content.AsSpan(i).StartsWith("我", StringComparison.Ordinal))
            {
                return (sender.Name, Remove(content, at, i + 1));
            }

            if (rules.Names.ReadAt(content, i) is { } name)
            {
                return (name, Remove(content, at, i + name.Length));
            }
        }

        // "由李娜负责", "李娜牵头负责"
        if (ResponsiblePattern().Match(content) is { Success: true } by)
        {
            var name = by.Groups["me"].Success ? sender.Name : rules.Names.ReadAt(content, by.Groups["name"].Index, by.Groups["name"].Index + by.Groups["name"].Length);
            if (name is not null)
            {
                return (name, Remove(content, by.Index, by.Index + by.Length));
            }
        }

        return (null, content);
    }

    /// <summary>The deadline (a date followed by 前/之前/完成…, or after 时限/截止…), resolved forward; the content without it.</summary>
    private (DateOnly? Due, string Remaining) PlanDeadline(string content)
    {
        foreach (Match m in DeadlinePattern().Matches(content))
        {
            var after = content[(m.Index + m.Length)..];
            var suffix = DeadlineAfter.Where(w => after.StartsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
            var before = content[..m.Index].TrimEnd('：', ':', ' ', '到', '于', '在', '是', '为');
            var prefixed = DeadlineBefore.Any(w => before.EndsWith(w, StringComparison.Ordinal));
            var inside = m.Groups["n"].Success; // "30天内" carries its own
            if (suffix is null && !prefixed && !inside)
            {
                continue;
            }

            if (ResolveDeadline(m) is not { } due)
            {
                continue;
            }

            // "完成" stays in the measures when it is all there is ("12月底前完成" → the measures come from elsewhere).
            var end = m.Index + m.Length + (suffix is "完成" or "办结" ? 0 : suffix?.Length ?? 0);
            var start = prefixed ? before.Length - DeadlineBefore.First(w => before.EndsWith(w, StringComparison.Ordinal)).Length : m.Index;
            return (due, Remove(content, start, end));
        }

        return (null, content);
    }

    private DateOnly? ResolveDeadline(Match m)
    {
        var g = m.Groups;
        if (g["iy"].Success)
        {
            return MakeDay(PlanNumber(g["iy"].Value), PlanNumber(g["im"].Value), PlanNumber(g["id"].Value));
        }

        if (g["rel"].Success)
        {
            var monthEnd = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
            return g["rel"].Value switch
            {
                "年底" or "年末" or "今年底" or "今年年底" or "本年底" => new DateOnly(today.Year, 12, 31),
                "明年底" or "明年年底" => new DateOnly(today.Year + 1, 12, 31),
                "下个月底" or "下月底" or "下个月末" or "下月末" => new DateOnly(today.Year, today.Month, 1).AddMonths(2).AddDays(-1),
                _ => monthEnd, // 月底, 本月底, 这个月底
            };
        }

        if (g["wd"].Success)
        {
            var weekday = g["wd"].Value is "日" or "天" or "7" ? 7 : PlanNumber(g["wd"].Value);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var day = monday.AddDays((g["wk"].Value.StartsWith('下') ? 7 : 0) + weekday - 1);
            return g["wk"].Success || day >= today ? day : day.AddDays(7);
        }

        if (g["n"].Success)
        {
            var n = PlanNumber(g["n"].Value);
            return g["u"].Value switch
            {
                "天" => today.AddDays(n),
                "个月" => today.AddMonths(n),
                _ => today.AddDays(7 * n), // 周, 个星期
            };
        }

        var month = PlanNumber(g["m"].Value);
        var year = g["y"].Success ? PlanNumber(g["y"].Value) : today.Year;
        if (month is < 1 or > 12)
        {
            return null;
        }

        DateOnly? date = g["d"].Success
            ? MakeDay(year, month, PlanNumber(g["d"].Value))
            : g["part"].Value switch
            {
                "上旬" or "初" => new DateOnly(year, month, 10),
                "中旬" or "中" => new DateOnly(year, month, 20),
                "底" or "末" or "下旬" => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1),
                _ => new DateOnly(year, month, 1).AddDays(-1), // "12月前": before December begins
            };

        // A month said without a year is the coming one: more than two months ago is next year's.
        return date is { } d && !g["y"].Success && d < today.AddMonths(-2) ? d.AddYears(1) : date;
    }

    private static DateOnly? MakeDay(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && year is > 1900 and < 3000 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int PlanNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : ChineseNumber.TryParse(text, out var c) ? c : 0;

    private static string Remove(string text, int start, int end) => text[..start] + text[Math.Min(end, text.Length)..];

    /// <summary>The measures: clauses kept as said, without empty ones and the closing punctuation.</summary>
    private static string TidyMeasures(string measures)
    {
        var clauses = MeasureSeparators().Split(measures)
            .Select(c => c.Trim(' ', '：', ':', '、'))
            .Select(c => c.StartsWith("措施", StringComparison.Ordinal) ? c["措施".Length..].TrimStart('是', '为', '：', ':') : c)
            .Where(c => c.Length > 0 && c is not ("完成" or "办结" or "前" or "之前"));
        return string.Join("，", clauses);
    }

    [GeneratedRegex(@"[，,；;。！!\n]+")]
    private static partial Regex MeasureSeparators();

    [GeneratedRegex(@"由(?:(?<me>我)|(?<name>[\p{IsCJKUnifiedIdeographs}]{2,3}?))(?:同志)?(?:牵头)?负责")]
    private static partial Regex ResponsiblePattern();

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(
        @"(?<iy>\d{4})\s*[-/.]\s*(?<im>\d{1,2})\s*[-/.]\s*(?<id>\d{1,2})" +
        @"|(?<rel>明年年底|今年年底|明年底|今年底|本年底|年底|年末|下个月底|下月底|下个月末|下月末|本月底|这个月底|月底|月末)" +
        @"|(?<wk>下个?|这个?|本)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])" +
        @"|(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<u>天|周|个星期|个月)(?=内|之内|以内)" +
        @"|(?:(?<y>\d{4})年)?(?<![\d.])(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?(?:(?<d>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]|(?<part>底|末|上旬|中旬|下旬|初|中))?")]
    private static partial Regex DeadlinePattern();

    /// <summary>
    /// "下礼拜我准备带着刘洋去趟顺达 看能不能把联合支部的事定下来", "下周三打算去启航外国语学校走访一次，看看他们的团组织建得
    /// 怎么样了": the sender's own trip, planned (a plan word before the verb of going, nobody else its doer), and after it only
    /// what the trip is for (clauses opened by 看看/问问/看能不能): a plan told, not a record, and its embedded questions are
    /// not put to the bot. False where anything else is said (a figure, a request: 帮我/请问/你, a question mark).
    /// Read once the clauses are split, before anything else.
    /// </summary>
    private bool OwnTripPlanned()
    {
        if (clauses.Count < 2 || text.Contains('？') || text.Contains('?') || rules.Agents.BotRequests.ContainsAny(text))
        {
            return false;
        }

        // "明天要去正衡律师所看看": the plan word may hold the motion (要去, 再去); "待会儿先去汇通汽车 再去…": an agenda plans too.
        var first = clauses[0];
        int afterPlan;
        if (rules.Plan.FindFirst(text, first.Start, first.End) is { } plan)
        {
            afterPlan = plan.Position;
        }
        else if (IsAgendaClause(first)) // MessageParser.Agenda.cs
        {
            afterPlan = first.Start;
        }
        else
        {
            return false;
        }

        var go = rules.Motion.FindFirst(text, afterPlan, first.End) ?? rules.Visit.FindFirst(text, afterPlan, first.End);
        if (go is not { } trip || DoerBefore(trip.Position) == Agent.Other)
        {
            return false;
        }

        foreach (var clause in clauses.Skip(1))
        {
            var at = clause.Start;
            while (at < clause.End && text[at] == ' ')
            {
                at++;
            }

            for (var guard = 0; guard < 3 && rules.Agents.PurposeLeads.MatchAt(text, at, clause.End) is { } lead; guard++)
            {
                at += lead.Length;
            }

            if (rules.Agents.PurposeVerbs.MatchAt(text, at, clause.End) is null)
            {
                return false;
            }
        }

        return true;
    }
}
