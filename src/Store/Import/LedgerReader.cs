using System.Globalization;
using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Import;

/// <summary>Reads a ledger file and checks every row; any error refuses the whole file.</summary>
internal static class LedgerReader
{
    private static readonly LedgerColumn[] Required = [LedgerColumn.Name, LedgerColumn.District, LedgerColumn.Street];

    public static LedgerParse Read(string file)
    {
        if (TableReader.TryRead(file, out var problem) is not { } table)
        {
            return new LedgerParse([], [new ImportError(0, "文件", problem!)]);
        }

        return Parse(table);
    }

    public static LedgerParse Parse(IReadOnlyList<TableRow> table)
    {
        var errors = new List<ImportError>();
        var header = table.FirstOrDefault(row => !row.IsEmpty);
        if (header is null)
        {
            return new LedgerParse([], [new ImportError(0, "文件", "是空的")]);
        }

        var columns = new Dictionary<LedgerColumn, int>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (LedgerHeaders.Match(header.Cell(i)) is { } column && !columns.ContainsKey(column))
            {
                columns[column] = i;
            }
        }

        foreach (var missing in Required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(header.Line, "表头", $"缺少“{LedgerHeaders.Canonical(missing)}”列"));
        }

        if (errors.Count > 0)
        {
            return new LedgerParse([], errors);
        }

        var present = columns.Keys.ToHashSet();
        var rows = new List<LedgerRow>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Where(r => r.Line > header.Line && !r.IsEmpty))
        {
            var rowErrors = new List<ImportError>();
            string Cell(LedgerColumn column) => columns.TryGetValue(column, out var index) ? row.Cell(index) : "";
            string? Optional(LedgerColumn column) => Cell(column) is { Length: > 0 } text ? text : null;
            void Check(LedgerColumn column, string? problem)
            {
                if (problem is not null)
                {
                    rowErrors.Add(new ImportError(row.Line, LedgerHeaders.Canonical(column), problem));
                }
            }

            var name = Cell(LedgerColumn.Name);
            Check(LedgerColumn.Name, name.Length == 0 ? "不能为空" : null);
            Check(LedgerColumn.District, Cell(LedgerColumn.District).Length == 0 ? "不能为空" : null);
            Check(LedgerColumn.Street, Cell(LedgerColumn.Street).Length == 0 ? "不能为空" : null);

            string? code = null;
            if (Cell(LedgerColumn.CreditCode) is { Length: > 0 } rawCode)
            {
                code = CreditCode.Normalize(rawCode);
                var problem = CreditCode.Problem(code);
                Check(LedgerColumn.CreditCode, problem);
                if (problem is null && !codes.TryAdd(code, row.Line))
                {
                    Check(LedgerColumn.CreditCode, $"与第{codes[code]}行重复");
                }
            }

            if (name.Length > 0 && !names.TryAdd(name, row.Line))
            {
                Check(LedgerColumn.Name, $"与第{names[name]}行重复");
            }

            int? serial = null;
            if (Cell(LedgerColumn.SerialNumber) is { Length: > 0 } serialText)
            {
                serial = int.TryParse(serialText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
                Check(LedgerColumn.SerialNumber, serial is null ? $"“{serialText}”不是整数" : null);
            }

            Check(LedgerColumn.Type, CellParsers.Type(Cell(LedgerColumn.Type), code, out var type));
            Check(LedgerColumn.Employees, CellParsers.Count(Cell(LedgerColumn.Employees), out var employees));
            Check(LedgerColumn.PartyMembers, CellParsers.Count(Cell(LedgerColumn.PartyMembers), out var members));
            Check(LedgerColumn.PartyOrganizationStatus, CellParsers.PartyKind(Cell(LedgerColumn.PartyOrganizationStatus), out var kind));
            Check(LedgerColumn.PartyOrganizationLevel, CellParsers.PartyLevel(Cell(LedgerColumn.PartyOrganizationLevel), out var level));
            Check(LedgerColumn.OperatingStatus, CellParsers.Status(Cell(LedgerColumn.OperatingStatus), out var status));
            Check(LedgerColumn.FormedOn, CellParsers.Date(Cell(LedgerColumn.FormedOn), out var formedOn));

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            var organization = new Organization
            {
                SerialNumber = serial,
                Name = name,
                CreditCode = code,
                Type = type,
                Industry = Optional(LedgerColumn.Industry),
                District = Cell(LedgerColumn.District),
                Street = Cell(LedgerColumn.Street),
                Community = Cell(LedgerColumn.Community),
                Park = Optional(LedgerColumn.Park),
                Employees = employees,
                PartyMembers = members ?? 0,
                PartyOrganization = kind == PartyOrganizationKind.None
                    ? PartyOrganization.None
                    : new PartyOrganization
                    {
                        Kind = kind,
                        Level = level,
                        Secretary = Optional(LedgerColumn.Secretary),
                        FormedOn = formedOn,
                    },
                Instructor = Optional(LedgerColumn.Instructor),
                Investor = Optional(LedgerColumn.Investor),
                Status = status,
                Facts = new FiveClearFacts
                {
                    Operation = Optional(LedgerColumn.Operation),
                    Workforce = Optional(LedgerColumn.Workforce),
                    PartyMembers = Optional(LedgerColumn.PartyMemberFacts),
                    Investor = Optional(LedgerColumn.InvestorFacts),
                    UnformedReason = Optional(LedgerColumn.UnformedReason),
                },
            };
            rows.Add(new LedgerRow(row.Line, organization, present));
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add(new ImportError(header.Line + 1, "文件", "表头之后没有数据行"));
        }

        return errors.Count > 0 ? new LedgerParse([], errors) : new LedgerParse(rows, []);
    }
}
