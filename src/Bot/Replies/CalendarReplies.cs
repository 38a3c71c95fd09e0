using System.Globalization;
using InstructorBot.Bot.Coordination;

namespace InstructorBot.Bot.Replies;

/// <summary>Answers about the campaign calendar, each naming the document and passage its date comes from.</summary>
public static class CalendarReplies
{
    public const string NoCalendar = "还没有配置行动日历（阶段、截止日期、报送日），请联系管理员在配置 Campaign:Calendar 中按本地实施方案填写。";

    /// <summary>"距组建截止（11月20日）还有 12 天（依据：《…》二、（四）…）。"</summary>
    public static string Deadline(CampaignCalendar calendar, IReadOnlyList<DatedPhase> named, string question, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(named);
        if (calendar.Phases.Count == 0)
        {
            return NoCalendar;
        }

        // A named phase; several share a keyword only when they end together. Else the next deadline.
        var phase = named.Count > 0 ? named.OrderBy(p => p.End).First() : calendar.NextDeadline(today);
        if (phase is null)
        {
            var last = calendar.Phases.MaxBy(p => p.End)!;
            return $"本次行动各阶段均已结束（最后一个阶段“{last.Name}”于{ChineseFormat.Date(last.End, today)}截止）{Basis(calendar, last.Source)}。";
        }

        var label = (named.Count > 0 ? CampaignCalendar.KeywordIn(phase, question) : null) ?? $"“{phase.Name}”";
        var days = phase.End.DayNumber - today.DayNumber;
        var text = days switch
        {
            > 0 => string.Create(CultureInfo.InvariantCulture, $"距{label}截止（{ChineseFormat.Date(phase.End, today)}）还有 {days} 天"),
            0 => $"今天（{ChineseFormat.Date(phase.End, today)}）是{label}截止日",
            _ => string.Create(CultureInfo.InvariantCulture, $"{label}已于{ChineseFormat.Date(phase.End, today)}截止，已过 {-days} 天"),
        };
        text += Basis(calendar, phase.Source) + "。";
        if (days < 0 && calendar.CurrentPhase(today) is { } current && current != phase)
        {
            text += $"\n当前阶段：{current.Name}（{Span(current, today)}）" + Basis(calendar, current.Source) + "。";
        }

        return text;
    }

    /// <summary>"下次报送日：12月10日（还有 5 天），报送…（依据：…）。"</summary>
    public static string NextReporting(CampaignCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.NextReportingDay(today) is not { } next)
        {
            return calendar.Phases.Count == 0 ? NoCalendar : "行动日历中没有定期报送日。";
        }

        var days = next.Date.DayNumber - today.DayNumber;
        var when = days == 0
            ? $"今天（{ChineseFormat.Date(next.Date, today)}）是报送日"
            : string.Create(CultureInfo.InvariantCulture, $"下次报送日：{ChineseFormat.Date(next.Date, today)}（还有 {days} 天）");
        var what = next.Rule.What.Length > 0 ? $"，报送{next.Rule.What}" : "";
        return when + what + Basis(calendar, next.Rule.Source) + "。";
    }

    /// <summary>"（依据：《文件》passage）".</summary>
    public static string Basis(CampaignCalendar calendar, string source)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var document = calendar.Document.Length > 0 ? $"《{calendar.Document}》" : "行动日历配置";
        return $"（依据：{document}{source}）";
    }

    private static string Span(DatedPhase phase, DateOnly today) =>
        phase.Start is { } start
            ? $"{ChineseFormat.Date(start, today)}至{ChineseFormat.Date(phase.End, today)}"
            : $"{ChineseFormat.Date(phase.End, today)}前";
}
