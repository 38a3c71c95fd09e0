using System.Text;

namespace InstructorBot.Store.Import;

/// <summary>Header vocabulary: canonical names first, then variants; matched after folding width, brackets and spaces.</summary>
internal static class LedgerHeaders
{
    public static readonly IReadOnlyList<(LedgerColumn Column, string Canonical, string[] Variants)> All =
    [
        (LedgerColumn.SerialNumber, "序号", ["编号", "序"]),
        (LedgerColumn.Name, "单位名称", ["组织名称", "企业名称", "名称", "单位全称", "企业(单位)名称", "社会组织名称"]),
        (LedgerColumn.CreditCode, "统一社会信用代码", ["信用代码", "社会信用代码", "统一代码"]),
        (LedgerColumn.Type, "单位类型", ["组织类别", "单位类别", "类型"]),
        (LedgerColumn.Industry, "行业类别", ["行业", "所属行业", "行业类型"]),
        (LedgerColumn.District, "所在区", ["区", "所属区", "区县", "所在区县", "区(县)"]),
        (LedgerColumn.Street, "所在街道", ["街道", "所属街道", "街道(镇)", "镇街"]),
        (LedgerColumn.Community, "所在社区", ["社区", "所属社区"]),
        (LedgerColumn.Park, "园区楼宇", ["园区", "楼宇", "所在园区", "所在楼宇"]),
        (LedgerColumn.Employees, "职工人数", ["从业人员", "员工人数", "从业人数", "从业人员数", "职工数", "员工数"]),
        (LedgerColumn.PartyMembers, "党员人数", ["党员数", "党员数量"]),
        (LedgerColumn.PartyOrganizationStatus, "党组织状态", ["建立党组织情况", "党组织建立情况", "党组织组建情况", "组建情况"]),
        (LedgerColumn.PartyOrganizationLevel, "党组织类型", ["党组织类别", "党组织层级"]),
        (LedgerColumn.Secretary, "党组织书记", ["书记"]),
        (LedgerColumn.FormedOn, "党组织成立日期", ["成立日期", "组建日期", "党组织组建日期"]),
        (LedgerColumn.Instructor, "党建指导员", ["指导员", "党建工作指导员"]),
        (LedgerColumn.Investor, "出资人（负责人）", ["出资人", "负责人", "出资人(负责人)", "法定代表人"]),
        (LedgerColumn.OperatingStatus, "经营状态", ["经营情况", "运营状态"]),
        (LedgerColumn.Operation, "经营运行情况", []),
        (LedgerColumn.Workforce, "职工队伍情况", []),
        (LedgerColumn.PartyMemberFacts, "党员队伍情况", []),
        (LedgerColumn.InvestorFacts, "出资人（负责人）情况", ["出资人情况", "负责人情况"]),
        (LedgerColumn.UnformedReason, "未建党组织原因", ["未建原因"]),
    ];

    private static readonly Dictionary<string, LedgerColumn> Lookup = Build();

    public static string Canonical(LedgerColumn column) => All.First(entry => entry.Column == column).Canonical;

    public static LedgerColumn? Match(string header)
    {
        var key = Fold(header);
        if (Lookup.TryGetValue(key, out var column))
        {
            return column;
        }

        // "职工人数（人）", "党员人数(名)": a unit in brackets after a known header.
        var bracket = key.LastIndexOf('(');
        return bracket > 0 && key.EndsWith(')') && Lookup.TryGetValue(key[..bracket], out column) ? column : null;
    }

    /// <summary>Full-width brackets to ASCII, spaces and BOM removed.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '（':
                    builder.Append('(');
                    break;
                case '）':
                    builder.Append(')');
                    break;
                case '\uFEFF' or '*':
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, LedgerColumn> Build()
    {
        var lookup = new Dictionary<string, LedgerColumn>(StringComparer.Ordinal);
        foreach (var (column, canonical, variants) in All)
        {
            lookup.TryAdd(Fold(canonical), column);
            foreach (var variant in variants)
            {
                lookup.TryAdd(Fold(variant), column);
            }
        }

        return lookup;
    }
}
