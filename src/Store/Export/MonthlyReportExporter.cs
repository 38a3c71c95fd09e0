using System.Globalization;
using ClosedXML.Excel;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Store.Export;

/// <summary>
/// The month's progress report the documents ask coordinators to send upward (000 附件2, 003: by the 10th): sheet 月度进度
/// (per street, or per community for a street, the base, coverage at the month's start and end, the change, the rates,
/// 应建未建, formations and visits of the month, and a total row), sheets 本月组建 and 本月走访 (the records), and 说明
/// (how each figure is computed).
/// </summary>
public sealed class MonthlyReportExporter(CoverageCalculator calculator)
{
    public sealed record Month(int Year, int Number)
    {
        public DateOnly First => new(Year, Number, 1);

        public DateOnly Last => First.AddMonths(1).AddDays(-1);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}年{Number}月");

        /// <summary>"2026-11"; null when the text is not a month.</summary>
        public static Month? Parse(string? text) =>
            DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new Month(day.Year, day.Month)
                : null;
    }

    /// <summary>One row of 月度进度.</summary>
    public sealed record Row(string Name, CoverageReport Start, CoverageReport End, int Formations, int VisitedUnits, int Visits)
    {
        public int Change => End.Covered - Start.Covered;
    }

    public IReadOnlyList<Row> Rows(ScopeMatch scope, IReadOnlyList<Organization> organizations, Month month,
        IReadOnlyList<Formation> formations, IReadOnlyList<Visit> visits)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(organizations);
        var level = scope.Level == ScopeLevel.District ? BreakdownLevel.Street : BreakdownLevel.Community;
        var groups = scope.Level == ScopeLevel.Community
            ? [new KeyValuePair<string, Organization[]>(scope.Name, [.. organizations])]
            : organizations.GroupBy(o => level == BreakdownLevel.Street ? o.Street : o.Community, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new KeyValuePair<string, Organization[]>(g.Key, [.. g]))
                .ToList();
        var rows = groups.Select(g => RowOf(g.Key, g.Value, month, formations, visits)).ToList();
        if (rows.Count > 1)
        {
            rows.Add(RowOf("合计", organizations, month, formations, visits));
        }

        return rows;
    }

    /// <summary>A picture for the 图表 sheet: its title (written above it) and the PNG.</summary>
    public sealed record Picture(string Title, byte[] Png);

    public void Export(ScopeMatch scope, IReadOnlyList<Organization> organizations, Month month,
        IReadOnlyList<Formation> formations, IReadOnlyList<Visit> visits, Func<string, string> userName, string outFile,
        IReadOnlyList<Picture>? charts = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var rows = Rows(scope, organizations, month, formations, visits);
        var names = organizations.ToDictionary(o => o.Id, o => o.Name);
        using var workbook = new XLWorkbook();
        WriteProgress(workbook.AddWorksheet("月度进度"), scope, month, rows);
        WriteRecords(workbook.AddWorksheet("本月组建"), ["日期", "单位", "组建方式", "党组织类型", "书记", "报告人"],
            formations.OrderBy(f => f.Date).Select(f => new object?[]
            {
                f.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                f.UnitNames.Count > 0 ? string.Join("、", f.UnitNames) : names.GetValueOrDefault(f.OrganizationId),
                f.Method switch { FormationMethod.Single => "单独组建", FormationMethod.Joint => "联合组建", _ => "功能型" },
                f.Level switch { PartyOrganizationLevel.Branch => "党支部", PartyOrganizationLevel.GeneralBranch => "党总支", PartyOrganizationLevel.Committee => "党委", _ => null },
                f.Secretary,
                userName(f.ReportedBy),
            }));
        WriteRecords(workbook.AddWorksheet("本月走访"), ["日期", "单位", "走访人"],
            visits.OrderBy(v => v.Date).Select(v => new object?[]
            {
                v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), names.GetValueOrDefault(v.OrganizationId), userName(v.ReportedBy),
            }));
        WriteRecords(workbook.AddWorksheet("说明"), ["项目", "计算方法"],
        [
            ["月份", $"{month}（{month.First:yyyy-MM-dd} 至 {month.Last:yyyy-MM-dd}）"],
            ["党建基数", "台账中的非公企业和社会组织，不含空壳、僵尸、注销单位"],
            ["月初/月末已覆盖", "已建党组织（单独、联合、功能型）的单位数；月初为上月末日的状态：成立日期在其后的党组织不计"],
            ["本月新增覆盖", "月末已覆盖 − 月初已覆盖"],
            ["党的组织覆盖率", "月末已覆盖 ÷ 党建基数"],
            ["应建未建", "月末应建而未建党组织的单位数（DOMAIN.md 覆盖规则）"],
            ["本月组建", "本月登记的组建记录数"],
            ["本月走访", "本月走访过的单位数（家）与走访次数（次）"],
            ["说明", "党员人数与工作覆盖按台账现状计，台账未记录其变化日期"],
        ]);
        if (charts is { Count: > 0 })
        {
            WriteCharts(workbook.AddWorksheet("图表"), charts);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(outFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        workbook.SaveAs(outFile);
    }

    /// <summary>Sheet 图表: each chart's title in a cell, the picture below it, one under another.</summary>
    private static void WriteCharts(IXLWorksheet sheet, IReadOnlyList<Picture> charts)
    {
        var row = 1;
        for (var i = 0; i < charts.Count; i++)
        {
            sheet.Cell(row, 1).SetValue(charts[i].Title);
            sheet.Cell(row, 1).Style.Font.Bold = true;
            using var png = new MemoryStream(charts[i].Png);
            var picture = sheet.AddPicture(png, ClosedXML.Excel.Drawings.XLPictureFormat.Png, $"chart{i + 1}").MoveTo(sheet.Cell(row + 1, 1));

            // Rows are 20 px high by default: the next title goes below the picture.
            row += 2 + (int)Math.Ceiling(picture.Height / 20.0);
        }
    }

    private Row RowOf(string name, IReadOnlyList<Organization> organizations, Month month, IReadOnlyList<Formation> formations, IReadOnlyList<Visit> visits)
    {
        var ids = organizations.Select(o => o.Id).ToHashSet();
        var monthVisits = visits.Where(v => ids.Contains(v.OrganizationId) && v.Date >= month.First && v.Date <= month.Last).ToList();
        return new Row(
            name,
            calculator.Compute(name, CoverageHistory.AsOf(organizations, month.First.AddDays(-1))),
            calculator.Compute(name, CoverageHistory.AsOf(organizations, month.Last)),
            formations.Count(f => ids.Contains(f.OrganizationId) && f.Date >= month.First && f.Date <= month.Last),
            monthVisits.Select(v => v.OrganizationId).Distinct().Count(),
            monthVisits.Count);
    }

    private static void WriteProgress(IXLWorksheet sheet, ScopeMatch scope, Month month, IReadOnlyList<Row> rows)
    {
        string[] headers = [scope.Level == ScopeLevel.District ? "街道" : "社区", "党建基数", "月初已覆盖", "月末已覆盖", "本月新增覆盖",
            "党的组织覆盖率", "单独组建率", "党的工作覆盖率", "应建未建", "本月组建（个）", "本月走访（家）", "本月走访（次）"];
        WriteRecords(sheet, headers, rows.Select(r => new object?[]
        {
            r.Name, r.End.Base, r.Start.Covered, r.End.Covered, r.Change,
            Percent(r.End.Covered, r.End.Base), Percent(r.End.Single, r.End.Base), Percent(r.End.WorkCovered, r.End.Base),
            r.End.UnformedRequired.Count, r.Formations, r.VisitedUnits, r.Visits,
        }));
        sheet.Cell(rows.Count + 3, 1).SetValue($"{scope.Name} {month} “两个覆盖”工作进度");
    }

    private static void WriteRecords(IXLWorksheet sheet, string[] headers, IEnumerable<object?[]> rows)
    {
        var widths = headers.Select(LedgerExporter.DisplayWidth).ToArray();
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < headers.Length; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                switch (row[c])
                {
                    case int number:
                        cell.Value = number;
                        widths[c] = Math.Max(widths[c], number.ToString(CultureInfo.InvariantCulture).Length);
                        break;
                    case string { Length: > 0 } text:
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text; // never a formula (an exported name may start with '=')
                        widths[c] = Math.Max(widths[c], LedgerExporter.DisplayWidth(text));
                        break;
                }
            }

            r++;
        }

        LedgerExporter.FinishTable(sheet, widths);
    }

    private static string Percent(int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{(total == 0 ? 0 : 100.0 * count / total):0.0}%");
}
