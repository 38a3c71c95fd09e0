using System.Globalization;
using ClosedXML.Excel;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Store.Export;

/// <summary>
/// The ledger of a scope as a workbook a coordinator can send upward: sheet 台账 (one row per unit, every ledger column,
/// the 五个清 and the party organisation) and sheet 汇总 (the figures with their formulas). Chinese headers, frozen
/// header row, widths from the content (CJK counted double; AdjustToContents needs libgdiplus, absent on servers).
/// Given the plans, the 台账 ends with the 一企一策 column group (措施, 时限, 责任人, 进度: 按期推进/逾期/已组建 on the day
/// given), grouped as an Excel outline.
/// </summary>
public sealed class LedgerExporter
{
    private static readonly (string Header, Func<Organization, object?> Value)[] Columns =
    [
        ("序号", o => o.SerialNumber),
        ("单位名称", o => o.Name),
        ("统一社会信用代码", o => o.CreditCode),
        ("单位类型", o => o.Type == OrganizationType.Enterprise ? "非公企业" : "社会组织"),
        ("行业类别", o => o.Industry),
        ("所在区", o => o.District),
        ("所在街道", o => o.Street),
        ("所在社区", o => o.Community),
        ("园区楼宇", o => o.Park),
        ("职工人数", o => o.Employees),
        ("党员人数", o => o.PartyMembers),
        ("党组织状态", o => KindText(o.PartyOrganization.Kind)),
        ("党组织类型", o => LevelText(o.PartyOrganization.Level)),
        ("联合组建方式", o => JointText(o.PartyOrganization.JointMode)),
        ("党组织书记", o => o.PartyOrganization.Secretary),
        ("党组织成立日期", o => o.PartyOrganization.FormedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("党建指导员", o => o.Instructor),
        ("群团组织", o => string.Join("、", o.MassOrganizations.Select(MassText))),
        ("出资人（负责人）", o => o.Investor),
        ("经营状态", o => StatusText(o.Status)),
        ("应建未建", o => CoverageRules.MustFormButHasNot(o) ? "是" : ""),
        ("经营运行情况", o => o.Facts.Operation ?? (o.Status == OperatingStatus.Normal ? "正常经营" : StatusText(o.Status))),
        ("职工队伍情况", o => o.Facts.Workforce ?? (o.Employees is { } staff ? $"职工{staff}人" : null)),
        ("党员队伍情况", o => o.Facts.PartyMembers ?? $"党员{o.PartyMembers}名"),
        ("出资人（负责人）情况", o => o.Facts.Investor ?? o.Investor),
        ("未建党组织原因", o => o.Facts.UnformedReason ?? UnformedReason(o)),
    ];

    /// <summary>The headers of the 一企一策 column group, in order.</summary>
    public static readonly IReadOnlyList<string> PlanHeaders = ["一企一策措施", "一企一策时限", "一企一策责任人", "一企一策进度"];

    public void Export(CoverageReport report, IReadOnlyList<Organization> organizations, string outFile) =>
        Export(report, organizations, outFile, plans: null, today: default);

    /// <summary>As the ledger export, with the 一企一策 column group from <paramref name="plans"/> (by organisation id) as of <paramref name="today"/>.</summary>
    public void Export(CoverageReport report, IReadOnlyList<Organization> organizations, string outFile,
        IReadOnlyDictionary<int, FormationPlan>? plans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(organizations);
        using var workbook = new XLWorkbook();
        var columns = plans is null ? Columns : [.. Columns, .. PlanColumns(plans, today)];
        var ledger = workbook.AddWorksheet("台账");
        WriteLedger(ledger, organizations, columns);
        if (plans is not null)
        {
            ledger.Columns(Columns.Length + 1, columns.Length).Group();
        }

        WriteSummary(workbook.AddWorksheet("汇总"), report);
        var folder = Path.GetDirectoryName(Path.GetFullPath(outFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        workbook.SaveAs(outFile);
    }

    /// <summary>Display width in Excel character units: CJK and full-width characters count two.</summary>
    public static int DisplayWidth(string text) => text.Sum(c => c >= '\u1100' && IsWide(c) ? 2 : 1);

    private static (string Header, Func<Organization, object?> Value)[] PlanColumns(IReadOnlyDictionary<int, FormationPlan> plans, DateOnly today) =>
    [
        (PlanHeaders[0], o => plans.GetValueOrDefault(o.Id)?.Measures),
        (PlanHeaders[1], o => plans.GetValueOrDefault(o.Id)?.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        (PlanHeaders[2], o => plans.GetValueOrDefault(o.Id)?.Person),
        (PlanHeaders[3], o => plans.GetValueOrDefault(o.Id) is { } plan
            ? FormationPlanStatuses.Chinese(FormationPlanStatuses.Of(plan, o, today))
            : CoverageRules.MustFormButHasNot(o) ? "未制定" : null),
    ];

    private static void WriteLedger(IXLWorksheet sheet, IReadOnlyList<Organization> organizations, (string Header, Func<Organization, object?> Value)[] columns)
    {
        var widths = new int[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c].Header;
            widths[c] = DisplayWidth(columns[c].Header);
        }

        var ordered = organizations.OrderBy(o => o.SerialNumber ?? int.MaxValue).ThenBy(o => o.Id).ToArray();
        for (var r = 0; r < ordered.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (columns[c].Value(ordered[r]))
                {
                    case int number:
                        cell.Value = number;
                        widths[c] = Math.Max(widths[c], number.ToString(CultureInfo.InvariantCulture).Length);
                        break;
                    case string { Length: > 0 } text:
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        widths[c] = Math.Max(widths[c], DisplayWidth(text));
                        break;
                }
            }
        }

        FinishTable(sheet, widths);
    }

    private static void WriteSummary(IXLWorksheet sheet, CoverageReport report)
    {
        var rows = new List<(string Item, object Value, string Note)>
        {
            ("辖区", report.Scope, ""),
            ("党建基数", report.Base, "不含空壳、僵尸、注销单位"),
            ("已建党组织单位", report.Covered, "单独组建、联合组建、功能型"),
            ("其中：单独组建", report.Single, ""),
            ("其中：联合组建", report.Joint, ""),
            ("其中：功能型", report.Functional, ""),
            ("党的工作覆盖单位", report.WorkCovered, "已建党组织，或已派党建指导员，或已建群团组织"),
            ("党的组织覆盖率", Percent(report.Covered, report.Base), CoverageText.Rate("覆盖率", report.Covered, report.Base)),
            ("单独组建率", Percent(report.Single, report.Base), CoverageText.Rate("单独组建率", report.Single, report.Base)),
            ("党的工作覆盖率", Percent(report.WorkCovered, report.Base), CoverageText.Rate("工作覆盖率", report.WorkCovered, report.Base)),
            ("应建未建单位", report.UnformedRequired.Count, string.Join("、", report.UnformedRequired)),
            ("应有党员而无党员单位", report.MembersRequired.Count, string.Join("、", report.MembersRequired)),
        };
        string[] headers = ["项目", "数值", "说明"];
        var widths = headers.Select(DisplayWidth).ToArray();
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var (item, value, note) = rows[r];
            sheet.Cell(r + 2, 1).SetValue(item);
            var valueCell = sheet.Cell(r + 2, 2);
            if (value is int number)
            {
                valueCell.Value = number;
            }
            else
            {
                valueCell.SetValue((string)value);
                valueCell.DataType = XLDataType.Text;
            }

            sheet.Cell(r + 2, 3).SetValue(note);
            widths[0] = Math.Max(widths[0], DisplayWidth(item));
            widths[1] = Math.Max(widths[1], DisplayWidth(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
            widths[2] = Math.Max(widths[2], DisplayWidth(note));
        }

        FinishTable(sheet, widths);
    }

    /// <summary>Bold shaded header row, frozen, and column widths from the content (at most 80).</summary>
    internal static void FinishTable(IXLWorksheet sheet, int[] widths)
    {
        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDD, 0xEB, 0xF7);
        sheet.SheetView.FreezeRows(1);
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = Math.Min(widths[c] + 2, 80);
        }
    }

    private static string Percent(int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{(total == 0 ? 0 : 100.0 * count / total):0.0}%");

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');

    private static string KindText(PartyOrganizationKind kind) => kind switch
    {
        PartyOrganizationKind.Single => "单独组建",
        PartyOrganizationKind.Joint => "联合组建",
        PartyOrganizationKind.Functional => "功能型",
        _ => "未建",
    };

    private static string? LevelText(PartyOrganizationLevel? level) => level switch
    {
        PartyOrganizationLevel.Branch => "党支部",
        PartyOrganizationLevel.GeneralBranch => "党总支",
        PartyOrganizationLevel.Committee => "党委",
        _ => null,
    };

    private static string? JointText(JointMode? mode) => mode switch
    {
        JointMode.Regional => "片区联建",
        JointMode.Industry => "同业共建",
        JointMode.Affiliated => "挂靠组建",
        JointMode.Dispatched => "派驻帮建",
        JointMode.Leading => "龙头带建",
        _ => null,
    };

    private static string MassText(MassOrganizationKind kind) => kind switch
    {
        MassOrganizationKind.TradeUnion => "工会",
        MassOrganizationKind.YouthLeague => "团组织",
        _ => "妇联",
    };

    private static string StatusText(OperatingStatus status) => status switch
    {
        OperatingStatus.Shell => "空壳",
        OperatingStatus.Zombie => "僵尸",
        OperatingStatus.Deregistered => "注销",
        _ => "正常",
    };

    private static string? UnformedReason(Organization organization) =>
        organization.PartyOrganization.IsFormed ? null
        : organization.PartyMembers == 0 ? "暂无党员"
        : organization.PartyMembers < 3 ? $"党员{organization.PartyMembers}名，不足3名"
        : null;
}
