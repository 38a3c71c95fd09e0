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

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "" : "：" + string.Join("、", names);
}
