using System.Globalization;
using System.Text;
using InstructorBot.Bot.Coordination;

namespace InstructorBot.Bot.Replies;

/// <summary>The text of proactive messages: a coordinator's reporting-day digest, an instructor's weekly reminder.</summary>
public static class NoticeReplies
{
    public const string OptOutHint = "发送“不要提醒”可停止接收此类消息。";

    public static string Digest(DigestContent digest, CampaignCalendar calendar, int maxListed)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(calendar);
        var r = digest.Report;
        var p = digest.Previous;
        var day = digest.Day;
        var since = ChineseFormat.Date(digest.Since, day);
        var text = new StringBuilder()
            .Append("【报送日汇总】").Append(digest.Scope).Append(' ').Append(ChineseFormat.Date(day, day))
            .Append("\n本期报送").Append(digest.Rule.What.Length > 0 ? digest.Rule.What : "工作进展")
            .Append(CalendarReplies.Basis(calendar, digest.Rule.Source)).Append('。')
            .Append("\n党建基数 ").Append(r.Base).Append(" 家").Append(Change(r.Base, p?.Base, "家"))
            .Append("\n组织覆盖率 ").Append(ChineseFormat.Rate(r.Covered, r.Base)).Append(Change(r.Covered, p?.Covered, "家"))
            .Append("\n单独组建率 ").Append(ChineseFormat.Rate(r.Single, r.Base)).Append(Change(r.Single, p?.Single, "家"))
            .Append("\n工作覆盖率 ").Append(ChineseFormat.Rate(r.WorkCovered, r.Base)).Append(Change(r.WorkCovered, p?.WorkCovered, "家"));
        text.Append(p is null ? $"\n（首次汇总，变化自{since}起计）" : $"\n（变化为较上次汇总 {since}）");

        text.Append("\n本期销号（").Append(since).Append("后组建）").Append(digest.StruckOff.Count).Append(" 家");
        if (digest.StruckOff.Count > 0)
        {
            text.Append('：').Append(List(digest.StruckOff.Select(s => $"{s.Name}（{ChineseFormat.Date(s.Date, day)} {ChineseFormat.Method(s.Method)}）"), maxListed));
        }

        text.Append("\n应建未建剩余 ").Append(r.UnformedRequired.Count).Append(" 家").Append(Change(r.UnformedRequired.Count, p?.UnformedRequired, "家"));
        if (r.UnformedRequired.Count > 0)
        {
            text.Append('：').Append(List(r.UnformedRequired, maxListed));
        }

        if (digest.OverduePlans is { Count: > 0 } overdue)
        {
            text.Append("\n逾期一企一策 ").Append(overdue.Count).Append(" 个：").Append(List(overdue.Select(o =>
                $"{o.Name}（时限 {ChineseFormat.Date(o.Plan.Due!.Value, day)}，已逾期 {day.DayNumber - o.Plan.Due.Value.DayNumber} 天{(o.Plan.Person is { Length: > 0 } person ? $"，责任人 {person}" : "")}）"), maxListed, "个"));
        }

        if (digest.NextDeadline is { } deadline)
        {
            text.Append("\n距“").Append(deadline.Name).Append("”截止（").Append(ChineseFormat.Date(deadline.End, day)).Append("）还有 ")
                .Append((deadline.End.DayNumber - day.DayNumber).ToString(CultureInfo.InvariantCulture)).Append(" 天");
        }

        return text.Append('\n').Append(OptOutHint).ToString();
    }

    public static string VisitReminder(VisitReminderContent reminder, string name, int maxListed)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var day = reminder.Day;
        var text = new StringBuilder().Append("【每周提醒】").Append(name).Append("，").Append(reminder.Scope).Append("本周待办：");
        if (reminder.NotVisited.Count > 0)
        {
            text.Append('\n').Append(reminder.NotVisitedDays).Append(" 天内未走访的未建党组织单位 ").Append(reminder.NotVisited.Count).Append(" 家：")
                .Append(List(reminder.NotVisited.Select(w => w.Name + (w.LastVisit is { } last ? $"（上次 {ChineseFormat.Date(last, day)}）" : "（未走访过）")), maxListed));
        }

        if (reminder.DueToForm.Count > 0)
        {
            var deadline = reminder.FormationDeadline;
            var when = deadline switch
            {
                null => "应建未建",
                _ when deadline.End >= day => $"应在组建截止（{ChineseFormat.Date(deadline.End, day)}，还有 {deadline.End.DayNumber - day.DayNumber} 天）前组建",
                _ => $"组建截止（{ChineseFormat.Date(deadline.End, day)}）已过，仍应建未建",
            };
            text.Append('\n').Append(when).Append(' ').Append(reminder.DueToForm.Count).Append(" 家：").Append(List(reminder.DueToForm, maxListed));
        }

        return text.Append("\n走访后直接告诉我，例如：今天走访了××公司，发现2名党员。").Append(OptOutHint).ToString();
    }

    /// <summary>"+2 家" against the last digest; nothing without one.</summary>
    private static string Change(int now, int? before, string measure) => before switch
    {
        null => "",
        { } b when now == b => "，持平",
        { } b => string.Create(CultureInfo.InvariantCulture, $"，{(now > b ? "+" : "−")}{Math.Abs(now - b)} {measure}"),
    };

    private static string List(IEnumerable<string> names, int max, string measure = "家")
    {
        var all = names.ToList();
        return all.Count <= max ? string.Join("、", all) : string.Join("、", all.Take(max)) + $" 等 {all.Count} {measure}";
    }
}
