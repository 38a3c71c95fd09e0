namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Coordination requests (issue 14): questions about the campaign calendar ("距组建截止还有几天" → progress_query with
/// metric <c>deadline</c>; "下次报送是哪天" → metric <c>reporting</c>) and the proactive messages' opt-out ("不要提醒",
/// "别再提醒我了" → reminders off; "恢复提醒" → on). Vocabulary as data below; the grammar is a marker, then the object
/// word with only fillers between, in a message that names no organisation.
/// </summary>
internal sealed partial class MessageParser
{
    /// <summary>What proactive messages are called.</summary>
    private static readonly string[] ReminderWords = ["提醒", "推送", "提示消息", "汇总消息"];

    /// <summary>Stop markers said before the object ("不要提醒", "关闭推送", "别再给我发提醒").</summary>
    private static readonly string[] StopBefore =
        ["不要", "不用", "不需要", "无需", "不必", "别", "甭", "关闭", "关掉", "取消", "停止", "停掉", "暂停", "退订", "屏蔽", "不想收到", "不想要", "不再需要", "不再接收", "不接收"];

    /// <summary>Stop markers said after the object ("提醒关掉吧", "推送先停了").</summary>
    private static readonly string[] StopAfter = ["关掉", "关闭", "取消", "停了", "停掉", "停止", "不要了", "不需要了", "不用了", "别发了", "不用发了", "不要再发了", "太多了", "太烦了"];

    /// <summary>Resume markers said before the object ("恢复提醒", "重新开启推送").</summary>
    private static readonly string[] ResumeBefore = ["恢复", "开启", "打开", "重新开启", "重新打开", "继续", "开通", "订阅", "还是要", "需要", "要"];

    /// <summary>Words that may stand between a marker and the object without changing what is asked.</summary>
    private static readonly string[] ReminderFillers =
        ["再", "给", "我", "发", "了", "都", "也", "先", "吧", "的", "这些", "这种", "这类", "每周", "每天", "定时", "主动", "自动", "走访", "报送", "汇总", "组建", "消息", "一下", "一直"];

    /// <summary>Words of a calendar deadline.</summary>
    private static readonly string[] DeadlineWords = ["截止", "截至日期", "到期", "最后期限"];

    /// <summary>
    /// Words that name a deadline only after a phase of the campaign ("组建期限", "攻坚什么时候结束"); after another noun they
    /// name a period a document defines ("帮扶期限是多久", "预备期什么时候结束" are policy questions).
    /// </summary>
    private static readonly string[] PhaseDeadlineWords = ["期限", "结束"];

    /// <summary>The campaign's phases as people name them (the default calendar's keywords).</summary>
    private static readonly string[] PhaseWords = ["组建", "排查", "摸底", "验收", "攻坚", "行动", "整改", "集中"];

    /// <summary>Words of the reporting rhythm (000 附件2, 003 三（四）).</summary>
    private static readonly string[] ReportingWords = ["报送", "上报", "报表", "报数", "填报", "交表"];

    /// <summary>Words that ask when ("哪天", "还有几天").</summary>
    private static readonly string[] WhenWords =
        ["几天", "多少天", "哪天", "哪一天", "什么时候", "啥时候", "何时", "几号", "几月几日", "几月几号", "日期", "多久", "还剩", "下次", "下一次"];

    /// <summary>A calendar question or a reminder setting, read as a whole message; null when the message is something else.</summary>
    private UnderstandingResult? CoordinationAsked()
    {
        if (mentions.Any(m => !m.IsGeneric))
        {
            return null; // a message naming an organisation is about it ("别忘了提醒云启科技…")
        }

        if ((MonthlyReportAsked() ?? PlansListAsked()) is { } planned)
        {
            return planned; // MessageParser.Plans.cs: the monthly report, lists of 一企一策
        }

        if (ReminderSetting() is { } enabled)
        {
            return Only(new UnderstoodAction(ActionKind.Reminders) { Enabled = enabled });
        }

        var asksWhen = ContainsAnyOf(WhenWords);
        if (asksWhen && ContainsAnyOf(ReportingWords) && !rules.AsksExport(text))
        {
            return Only(new UnderstoodAction(ActionKind.ProgressQuery) { Metric = ProgressMetric.Reporting });
        }

        // "截至目前覆盖率多少" counts up to a day; only a deadline asked *when* is the calendar's.
        return asksWhen && (ContainsAnyOf(DeadlineWords) || PhaseDeadlineAsked()) && !text.Contains("截至目前", StringComparison.Ordinal)
            ? Only(new UnderstoodAction(ActionKind.ProgressQuery) { Metric = ProgressMetric.Deadline })
            : null;
    }

    /// <summary>False for "不要提醒", true for "恢复提醒", null when the message does not set reminders.</summary>
    private bool? ReminderSetting()
    {
        foreach (var word in ReminderWords)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var before = text[..at];
                var after = text[(at + word.Length)..];
                var onlyFillersAfter = StripFillersFromEnd(Clean(after)).Length == 0;
                if ((onlyFillersAfter && EndsWithMarker(before, StopBefore)) || (StripFillersFromEnd(Clean(before)).Length == 0 && StartsWithMarker(after, StopAfter)))
                {
                    return false;
                }

                if (onlyFillersAfter && EndsWithMarker(before, ResumeBefore) && !EndsWithMarker(before, StopBefore))
                {
                    return true;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The text before the object is fillers after one of <paramref name="markers"/>, and nothing else stands before the
    /// marker but fillers and punctuation: the whole message is the setting.
    /// </summary>
    private static bool EndsWithMarker(string before, string[] markers)
    {
        var rest = StripFillersFromEnd(Clean(before));
        var marker = markers.Where(m => rest.EndsWith(m, StringComparison.Ordinal)).OrderByDescending(m => m.Length).FirstOrDefault();
        return marker is not null && StripFillersFromEnd(rest[..^marker.Length]).Length == 0;
    }

    private static bool StartsWithMarker(string after, string[] markers)
    {
        var rest = Clean(after);
        while (ReminderFillers.FirstOrDefault(f => rest.StartsWith(f, StringComparison.Ordinal) && !markers.Any(m => rest.StartsWith(m, StringComparison.Ordinal))) is { } filler)
        {
            rest = rest[filler.Length..];
        }

        var marker = markers.Where(m => rest.StartsWith(m, StringComparison.Ordinal)).OrderByDescending(m => m.Length).FirstOrDefault();
        return marker is not null && StripFillersFromEnd(rest[marker.Length..]).Length == 0;
    }

    private static string StripFillersFromEnd(string text)
    {
        while (ReminderFillers.FirstOrDefault(f => text.EndsWith(f, StringComparison.Ordinal)) is { } filler)
        {
            text = text[..^filler.Length];
        }

        return text;
    }

    /// <summary>The text without punctuation, blanks and the politeness words that open or close a request.</summary>
    private static string Clean(string text)
    {
        var kept = new string([.. text.Where(c => TextNormalizer.IsHan(c) || char.IsAsciiLetterOrDigit(c))]);
        foreach (var polite in PoliteWords)
        {
            kept = kept.Replace(polite, "", StringComparison.Ordinal);
        }

        return kept;
    }

    private static readonly string[] PoliteWords = ["请", "麻烦", "谢谢", "好的", "以后", "今后", "暂时", "帮我", "可以", "能不能", "能否"];

    /// <summary>期限/结束 with a phase word just before it (up to three characters between: "组建工作的期限").</summary>
    private bool PhaseDeadlineAsked() =>
        PhaseDeadlineWords.Any(word => text.IndexOf(word, StringComparison.Ordinal) is var at && at > 0
            && PhaseWords.Any(phase => text.LastIndexOf(phase, at - 1, StringComparison.Ordinal) is var p && p >= 0 && at - (p + phase.Length) <= 3));

    private bool ContainsAnyOf(string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
