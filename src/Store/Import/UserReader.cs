using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Import;

/// <summary>Reads 用户ID,姓名,角色,辖区 (辖区 "龙岗区/坂田街道", empty for an admin); any error refuses the file.</summary>
internal static class UserReader
{
    private static readonly (string Header, string[] Variants)[] Headers =
    [
        ("用户ID", ["用户编号", "账号", "ID", "用户id"]),
        ("姓名", ["名字", "用户姓名"]),
        ("角色", ["身份", "用户角色"]),
        ("辖区", ["所辖区域", "管辖范围", "负责区域"]),
    ];

    public static UserParse Read(string file)
    {
        if (TableReader.TryRead(file, out var problem) is not { } table)
        {
            return new UserParse([], [new ImportError(0, "文件", problem!)]);
        }

        var header = table.FirstOrDefault(r => !r.IsEmpty);
        if (header is null)
        {
            return new UserParse([], [new ImportError(0, "文件", "是空的")]);
        }

        var index = new int[Headers.Length];
        var errors = new List<ImportError>();
        for (var h = 0; h < Headers.Length; h++)
        {
            var (name, variants) = Headers[h];
            index[h] = Enumerable.Range(0, header.Cells.Count)
                .FirstOrDefault(i => LedgerHeaders.Fold(header.Cell(i)) is var text && (text == name || variants.Contains(text)), -1);
            if (index[h] < 0 && h < 3)
            {
                errors.Add(new ImportError(header.Line, "表头", $"缺少“{name}”列"));
            }
        }

        if (errors.Count > 0)
        {
            return new UserParse([], errors);
        }

        var users = new List<User>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Where(r => r.Line > header.Line && !r.IsEmpty))
        {
            var id = row.Cell(index[0]);
            var name = row.Cell(index[1]);
            var roleText = row.Cell(index[2]);
            var jurisdiction = Jurisdiction.Parse(index[3] >= 0 ? row.Cell(index[3]) : "");
            var rowErrors = new List<ImportError>();
            if (id.Length == 0)
            {
                rowErrors.Add(new ImportError(row.Line, "用户ID", "不能为空"));
            }
            else if (!seen.TryAdd(id, row.Line))
            {
                rowErrors.Add(new ImportError(row.Line, "用户ID", $"与第{seen[id]}行重复"));
            }

            if (name.Length == 0)
            {
                rowErrors.Add(new ImportError(row.Line, "姓名", "不能为空"));
            }

            UserRole? role = roleText switch
            {
                "指导员" or "党建指导员" or "党建工作指导员" => UserRole.Instructor,
                "书记" or "社区书记" or "街道书记" or "党组织书记" => UserRole.Secretary,
                "协调员" or "组织部" or "两新工委" => UserRole.Coordinator,
                "管理员" or "系统管理员" => UserRole.Admin,
                _ => null,
            };
            if (role is null)
            {
                rowErrors.Add(new ImportError(row.Line, "角色", $"“{roleText}”不是已知的角色（应为 指导员、书记、协调员 或 管理员）"));
            }
            else if (role != UserRole.Admin && jurisdiction.District is null)
            {
                rowErrors.Add(new ImportError(row.Line, "辖区", "不能为空（如 龙岗区/坂田街道；只有管理员可以不填）"));
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            users.Add(new User { Id = id, Name = name, Role = role!.Value, Jurisdiction = jurisdiction });
        }

        return errors.Count > 0 ? new UserParse([], errors) : new UserParse(users, []);
    }
}
