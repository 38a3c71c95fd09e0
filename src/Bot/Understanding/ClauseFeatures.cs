namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Round 14 (r14-ufilter): what <see cref="ActionFilter"/> reads of the clause a recording action came from, beside
/// <see cref="DoubtFeatures"/>: the aspect and mood markers (did it happen, is it background, a plan, a pending step, a
/// condition, a question), who the subject is, and the clause's character bigrams (its words). The clause is the one
/// where the action's unit is said (between punctuation or spaces; without a unit said, the message's first clause), and
/// the clause after it.
/// Each marker is also read over the whole message, and crossed with the action's kind (去年 says background of a
/// formation, not of a visit). Names start with <c>cl:</c>, <c>nx:</c> or <c>msg:</c>, which the learned doubt's weights never hold.
/// One pass over the message per action; no regex, no allocation per character beyond the bigram names. Pure.
/// </summary>
internal static class ClauseFeatures
{
    /// <summary>Aspect, mood and evidential markers, as data: each read in the clause and in the message.</summary>
    internal static readonly string[] Markers =
    [
        "了", "过", "已经", "已", "就", "才", "刚", "早就", "去年", "前年", "之前", "以前", "上次", "上个月", "原来", "本来",
        "准备", "争取", "打算", "计划", "想", "要", "将", "明年", "下周", "下个月", "月底", "年底", "等", "还在", "在等", "正在",
        "筹备", "批复", "审批", "材料", "如果", "要是", "的话", "就够", "还没", "没有", "没", "未", "不", "吗", "呢", "没有？",
        "？", "听说", "说", "他们", "老板", "我", "我们", "今天", "昨天", "上午", "下午", "去了", "过去", "又", "还是", "现在",
        "一共", "总共", "新", "发现", "成立", "建起来", "建了", "挂牌", "帮扶", "定了",
    ];

    private static readonly char[] Breaks = ['，', ',', '。', '；', ';', '！', '!', '？', '?', ' ', '\u3000', '、', '：', ':'];

    public static void Add(List<string> found, string kind, string? unit, (int Start, int Length)? span, string text)
    {
        var (from, to) = ClauseAround(text, span);
        var clause = text[from..to];
        foreach (var marker in Markers)
        {
            if (clause.Contains(marker, StringComparison.Ordinal))
            {
                found.Add("cl:m:" + marker);
                found.Add($"cl:km:{kind}:{marker}");
            }

            if (text.Contains(marker, StringComparison.Ordinal))
            {
                found.Add($"msg:km:{kind}:{marker}");
            }
        }

        // The clause after the unit's (the unit is often said first, what happened to it next).
        if (to < text.Length)
        {
            var (nextFrom, nextTo) = ClauseAround(text, (to + 1, 0));
            var next = text[nextFrom..nextTo];
            foreach (var marker in Markers)
            {
                if (next.Contains(marker, StringComparison.Ordinal))
                {
                    found.Add($"nx:km:{kind}:{marker}");
                }
            }
        }

        // The subject: the first person said at the clause's start (or none), and whether the clause is the message's first.
        var head = clause.Length > 0 ? clause[0] : ' ';
        found.Add("cl:subj:" + (head is '我' or '他' or '她' or '你' ? head.ToString() : clause.StartsWith("听说", StringComparison.Ordinal) ? "听说" : "other"));
        found.Add(from == 0 ? "cl:first" : "cl:later");
        if (to < text.Length && text[to] is '？' or '?')
        {
            found.Add("cl:question");
            found.Add($"cl:kq:{kind}");
        }

        // The clause's words as bigrams, without those of the unit's name (a unit is no evidence of what is said of it).
        for (var i = 0; i + 1 < clause.Length; i++)
        {
            var bigram = clause.Substring(i, 2);
            if (unit is null || !unit.Contains(bigram, StringComparison.Ordinal))
            {
                found.Add("cl:bi:" + bigram);
            }
        }
    }

    /// <summary>The clause (between breaks) holding the span; without one, the first clause.</summary>
    internal static (int From, int To) ClauseAround(string text, (int Start, int Length)? span)
    {
        var at = span?.Start ?? 0;
        var end = span is { } s ? Math.Min(text.Length, s.Start + s.Length) : 0;
        var from = at > 0 ? text.LastIndexOfAny(Breaks, at - 1) + 1 : 0;
        var to = end < text.Length ? text.IndexOfAny(Breaks, end) : -1;
        return (from, to < 0 ? text.Length : to);
    }
}
