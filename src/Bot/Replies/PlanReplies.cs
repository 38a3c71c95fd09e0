using System.Globalization;
using System.Text;
using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Replies;

/// <summary>Replies about 一企一策 and the monthly progress report.</summary>
public static class PlanReplies
{
    /// <summary>"措施：…；时限：2026年12月31日前；责任人：张伟".</summary>
    public static string Describe(FormationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder("措施：").Append(plan.Measures);
        if (plan.Due is { } due)
        {
            text.Append("；时限：").Append(Day(due)).Append('前');
        }

        if (plan.Person is { Length: > 0 } person)
        {
            text.Append("；责任人：").Append(person);
        }

        return text.ToString();
    }

    public static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日");

    public static string List(PlanList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Refusal is { } refusal)
        {
            return refusal;
        }

        var summary = string.Create(CultureInfo.InvariantCulture, $"（应建未建 {list.UnformedRequired} 家，已制定一企一策 {list.Planned} 家）");
        var text = new StringBuilder(list.Scope);
        switch (list.Which)
        {
            case ProgressMetric.PlansMissing:
                text.Append(" 尚未制定一企一策的应建未建单位 ").Append(list.Rows.Count).Append(" 家").Append(summary).Append('：');
                break;
            case ProgressMetric.PlansOverdue:
                text.Append(" 逾期未完成的一企一策 ").Append(list.Rows.Count).Append(" 个（时限已过、仍未组建）：");
                break;
            default:
                text.Append(" 一企一策 ").Append(list.Rows.Count).Append(" 个").Append(summary).Append('：');
                break;
        }

        if (list.Rows.Count == 0)
        {
            return text.Append("\n（无）").ToString();
        }

        for (var i = 0; i < list.Rows.Count; i++)
        {
            var row = list.Rows[i];
            text.Append('\n').Append(i + 1).Append(". ").Append(row.Organization);
            if (row.Plan is { } plan)
            {
                text.Append("：").Append(Describe(plan));
                if (row.Status is { } status)
                {
                    text.Append("（").Append(FormationPlanStatuses.Chinese(status));
                    if (status == FormationPlanStatus.Overdue && plan.Due is { } due)
                    {
                        text.Append(' ').Append(list.Today.DayNumber - due.DayNumber).Append(" 天");
                    }

                    text.Append('）');
                }
            }
        }

        return text.ToString();
    }

    public static string MonthlyReport(MonthlyReportFile report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.File is null || report.Total is not { } total || report.Month is not { } month)
        {
            return report.Refusal ?? "进度报表生成失败。";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Scope} {month}进度报表已生成：党的组织覆盖 {total.Start.Covered} → {total.End.Covered} 家（党建基数 {total.End.Base}，覆盖率 {ChineseFormat.Rate(total.End.Covered, total.End.Base)}），本月组建 {total.Formations} 个，走访 {total.VisitedUnits} 家 {total.Visits} 次，应建未建 {total.End.UnformedRequired.Count} 家。点击下载：{report.File.Name}（链接 10 分钟内有效）");
    }
}
