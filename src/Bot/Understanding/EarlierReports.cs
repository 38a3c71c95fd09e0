namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A figure corrected about an earlier report ("党员数我上回报错了，不是三个，是四个", "月初报的七十个，实际是六十二个",
/// "上次跟你说瑞康有六个党员 说错了 是八个"): the message says the figure now, so it reads as the sentence that states it
/// ("党员数是四个"). The earlier report is a time word (上次, 月初), an optional 我/跟你, and a verb of reporting (报, 说) with
/// what follows it (的, 错了, 少了); the figure then holds when a word of error or truth is said (报错了, 不对, 其实, 实际)
/// and a figure ends the stretch after it. The old figure is left out, so nothing is recorded of it: where the earlier
/// figure is not said at all, the new one still reads. Words in <c>earlier_reports</c> of vocabulary.json.
/// </summary>
internal sealed class EarlierReports(IReadOnlyDictionary<string, List<string>> words)
{
    private readonly KeywordSet times = new(words.GetValueOrDefault("times") ?? []);
    private readonly KeywordSet addressees = new(words.GetValueOrDefault("addressees") ?? []);
    private readonly KeywordSet verbs = new(words.GetValueOrDefault("verbs") ?? []);
    private readonly KeywordSet tails = new(words.GetValueOrDefault("tails") ?? []);
    private readonly KeywordSet errors = new(words.GetValueOrDefault("errors") ?? []);
    private readonly KeywordSet truths = new(words.GetValueOrDefault("truths") ?? []);
    private readonly KeywordSet nouns = new(words.GetValueOrDefault("nouns") ?? []);

    /// <summary>How far the figure now may stand after the last word of error or truth ("不是九十八 是" is 7).</summary>
    private const int MaxGap = 8;

    /// <summary>The text with each corrected earlier report read as the figure now, or the text itself.</summary>
    public string Rewrite(string text)
    {
        for (var at = 0; at < text.Length; at++)
        {
            if (ReportAt(text, at) is not { } reportEnd || Rewritten(text, at, reportEnd) is not { } rewritten)
            {
                continue;
            }

            return rewritten; // one earlier report per message
        }

        return text;
    }

    /// <summary>Where the words of an earlier report that start at <paramref name="at"/> end (上次报的, 我上回报错了, 上次跟你说), else null.</summary>
    private int? ReportAt(string text, int at)
    {
        var start = at;
        if (text[at] == '我')
        {
            at++;
        }

        if (times.MatchAt(text, at) is not { } time)
        {
            return null;
        }

        at += time.Length;
        at += addressees.MatchAt(text, at)?.Length ?? 0;
        if (verbs.MatchAt(text, at) is not { } verb)
        {
            return null;
        }

        at += verb.Length;
        at += tails.MatchAt(text, at)?.Length ?? 0;
        return at > start ? at : null;
    }

    private string? Rewritten(string text, int start, int reportEnd)
    {
        var sentenceEnd = text.IndexOfAny(['。', '？', '?', '！', '!', '；'], reportEnd);
        sentenceEnd = sentenceEnd < 0 ? text.Length : sentenceEnd;
        var erred = errors.FindFirst(text, start, reportEnd) is not null;

        // The figure now: the last figure of the stretch after a word of error or truth.
        var signal = -1;
        var signals = new List<int>();
        for (var at = reportEnd; at < sentenceEnd; at++)
        {
            if ((errors.MatchAt(text, at) ?? truths.MatchAt(text, at)) is { } word)
            {
                signal = signal < 0 ? at : signal;
                erred = true;
                at += word.Length - 1;
                signals.Add(at + 1);
            }
        }

        if (!erred)
        {
            return null;
        }

        var figures = FiguresIn(text, reportEnd, sentenceEnd);
        if (figures.Count == 0 || (signal >= 0 && figures[^1].Start < signal) || (signal < 0 && figures.Count < 2))
        {
            return null;
        }

        // The figure now: the first after the last word of error or truth ("应该是95人，党员还是2个": 95人).
        var lastSignal = signals.Count == 0 ? -1 : signals.Where(e => e <= figures[^1].Start).DefaultIfEmpty(-1).Max();
        // A figure right after 不是 is the one denied ("不是三个，是四个").
        // The correction's frame in either order: "不是三个，是四个" and "应该是68个不是63" both deny the figure after 不是.
        bool Denied((int Start, int End) f) => text.AsSpan(0, f.Start).TrimEnd(' ').EndsWith("不是", StringComparison.Ordinal);
        var now = lastSignal < 0 ? figures[^1]
            : figures.Where(f => f.Start >= lastSignal && !Denied(f)).Concat(figures.Where(f => f.Start >= signal && !Denied(f))).DefaultIfEmpty(figures[^1]).First();
        if (signals.Count > 0 && now.Start - signals.Where(e => e <= now.Start).DefaultIfEmpty(-100).Max() > MaxGap)
        {
            return null; // the figure now stands right after the word of error or truth ("不是三个，是四个"), not in another report
        }

        var old = figures.Count > 1 && figures[0].Start < (signal < 0 ? now.Start : signal) ? figures[0] : ((int Start, int End)?)null;
        var stop = Math.Min(old?.Start ?? int.MaxValue, signal < 0 ? now.Start : signal);
        var between = text[reportEnd..stop].TrimEnd(' ', '，', ',', '、');
        var said = text[now.Start..now.End];
        // "瑞康有六个党员 说错了 是八个": the old figure's noun stays with the figure now.
        var noun = old is { } o && (signal < 0 || o.End < signal) ? nouns.MatchAt(text, o.End) ?? "" : "";
        // "上次报的不对，职工应该是52人": the count noun said right before the word of truth is the figure's.
        var truth = signals.Where(e => e <= now.Start).DefaultIfEmpty(-1).Max();
        var nounBefore = "";
        if (noun.Length == 0 && truth > reportEnd && (truths.FindAll(text, reportEnd, truth).LastOrDefault() is { Word: not null } t && t.Position + t.Word.Length == truth))
        {
            nounBefore = nouns.FindAll(text, reportEnd, t.Position).LastOrDefault(n => n.Position + n.Word.Length == t.Position).Word ?? "";
        }

        var link = noun.Length > 0 || between.EndsWith('是') || between.EndsWith('有') ? "" : "是";
        return string.Concat(text[..start], between, nounBefore, link, said) + noun + text[now.End..];
    }

    /// <summary>The figures (a numeral and its measure 个/名/位/人) in [from, end).</summary>
    private static List<(int Start, int End)> FiguresIn(string text, int from, int end)
    {
        var found = new List<(int, int)>();
        for (var at = from; at < end; at++)
        {
            if ((at > 0 && (ChineseNumber.IsNumeralChar(text[at - 1]) || char.IsAsciiDigit(text[at - 1])))
                || !ChineseNumber.TryReadSpoken(text, at, out _, out var length, out var approximate) || approximate || length == 0)
            {
                continue;
            }

            var after = Math.Min(end, at + length);
            if (after < end && text[after] is '个' or '名' or '位' or '人')
            {
                after++;
            }

            found.Add((at, after));
            at = after - 1;
        }

        return found;
    }
}
