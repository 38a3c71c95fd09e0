using System.Globalization;
using System.Text;

namespace InstructorBot.Store.Figures;

/// <summary>The figures as readable Chinese, each rate with its formula: "覆盖率 20.0%（2/10）".</summary>
public static class CoverageText
{
    public static string Rate(string label, int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{label} {(total == 0 ? 0 : 100.0 * count / total):0.0}%（{count}/{total}）");

    public static string Describe(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Scope} 两个覆盖进度");
        text.AppendLine(CultureInfo.InvariantCulture, $"党建基数 {report.Base} 个单位（不含空壳、僵尸、注销）");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"已建党组织 {report.Covered} 个：单独组建 {report.Single}、联合组建 {report.Joint}、功能型 {report.Functional}");
        text.AppendLine(Rate("党的组织覆盖率", report.Covered, report.Base));
        text.AppendLine(Rate("单独组建率", report.Single, report.Base));
        text.AppendLine(Rate("党的工作覆盖率", report.WorkCovered, report.Base));
        text.AppendLine(CultureInfo.InvariantCulture, $"应建未建 {report.UnformedRequired.Count} 个{List(report.UnformedRequired)}");
        text.Append(CultureInfo.InvariantCulture, $"应有党员而无党员 {report.MembersRequired.Count} 个{List(report.MembersRequired)}");
        return text.ToString();
    }

    /// <summary>"33.3%": a plain ratio as a percentage with one decimal.</summary>
    public static string Percent(double rate) => string.Create(CultureInfo.InvariantCulture, $"{100 * rate:0.0}%");

    /// <summary>
    /// "龙岗区 12月1日至12月5日 党的组织覆盖率由 33.3%（3/9）提高到 44.4%（4/9），提高 11.1 个百分点，新增覆盖 1 个单位", the
    /// single-formation rate the same way, and the two days compared (the end of the day before the window, and its last day).
    /// </summary>
    public static string Change(CoverageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (start, end) = (change.Start.Figures, change.End.Figures);
        var from = change.Start.Day.AddDays(1);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{end.Scope} {Day(from)}至{Day(change.End.Day)} ");
        text.Append(RateChange("党的组织覆盖率", start.Covered, start.Base, end.Covered, end.Base));
        var covered = end.Covered - start.Covered;
        text.Append(covered switch
        {
            > 0 => string.Create(CultureInfo.InvariantCulture, $"，新增覆盖 {covered} 个单位"),
            < 0 => string.Create(CultureInfo.InvariantCulture, $"，已覆盖单位减少 {-covered} 个"),
            _ => "",
        });
        text.Append("；\n").Append(RateChange("单独组建率", start.Single, start.Base, end.Single, end.Base));
        text.Append(CultureInfo.InvariantCulture, $"。\n（以{Day(change.Start.Day)}末与{Day(change.End.Day)}末的台账比较；党组织按成立日期计。）");
        return text.ToString();
    }

    private static string RateChange(string label, int count0, int base0, int count1, int base1)
    {
        var before = base0 == 0 ? 0 : 100.0 * count0 / base0;
        var after = base1 == 0 ? 0 : 100.0 * count1 / base1;
        var points = Math.Round(after - before, 1);
        var direction = points switch
        {
            > 0 => string.Create(CultureInfo.InvariantCulture, $"提高 {points:0.0} 个百分点"),
            < 0 => string.Create(CultureInfo.InvariantCulture, $"下降 {-points:0.0} 个百分点"),
            _ => "没有变化",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}由 {before:0.0}%（{count0}/{base0}）到 {after:0.0}%（{count1}/{base1}），{direction}");
    }

    private static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "" : "：" + string.Join("、", names);
}
