using System.Globalization;
using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Import;

/// <summary>Cell values: each parser gives the value or a Chinese reason why the text is not one.</summary>
internal static class CellParsers
{
    private static readonly string[] ApproximateMarks = ["多", "余", "约", "左右", "几", "上下", "+", "＋", "~", "～", "以上", "以下", "来", "近", "超"];
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss"];

    /// <summary>A head count: empty is null; "180" or "180人" is 180; "200多", "约50" are refused as approximate.</summary>
    public static string? Count(string text, out int? value)
    {
        value = null;
        var folded = new string(text.Trim().Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());
        if (folded.Length == 0)
        {
            return null;
        }

        var digits = folded.TrimEnd('人', '名', '个', '位');
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
                return null;
            }

            return $"“{text}”太大";
        }

        if (folded.Any(char.IsAsciiDigit) && ApproximateMarks.Any(mark => folded.Contains(mark, StringComparison.Ordinal)))
        {
            return $"“{text}”是约数，请填写确切人数";
        }

        if (folded.StartsWith('-') && folded.Skip(1).All(char.IsAsciiDigit) && folded.Length > 1)
        {
            return $"“{text}”不能为负数";
        }

        if (decimal.TryParse(folded, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            return $"“{text}”不是整数";
        }

        return $"“{text}”不是数字";
    }

    public static string? Type(string text, string? creditCode, out OrganizationType value)
    {
        value = OrganizationType.Enterprise;
        switch (text)
        {
            case "非公企业" or "非公有制企业" or "非公有制经济组织" or "企业" or "非公":
                return null;
            case "社会组织" or "社会团体" or "民办非企业单位" or "基金会":
                value = OrganizationType.SocialOrganization;
                return null;
            case "":
                // GB 32100-2015 第1位 登记管理部门: 9 工商 (enterprise), 5 民政 and 3 司法/other (social organisation).
                switch (creditCode?.FirstOrDefault())
                {
                    case '9':
                        return null;
                    case '5' or '3':
                        value = OrganizationType.SocialOrganization;
                        return null;
                    default:
                        return "不能为空（应为 非公企业 或 社会组织）";
                }

            default:
                return $"“{text}”不是已知的类型（应为 非公企业 或 社会组织）";
        }
    }

    public static string? PartyKind(string text, out PartyOrganizationKind value)
    {
        value = text switch
        {
            "" or "未建" or "无" or "未组建" => PartyOrganizationKind.None,
            "单独组建" or "单建" or "独立组建" => PartyOrganizationKind.Single,
            "联合组建" or "联建" => PartyOrganizationKind.Joint,
            "功能型" or "功能型党组织" => PartyOrganizationKind.Functional,
            _ => (PartyOrganizationKind)(-1),
        };
        return (int)value < 0 ? $"“{text}”不是已知的状态（应为 未建、单独组建、联合组建 或 功能型）" : null;
    }

    public static string? PartyLevel(string text, out PartyOrganizationLevel? value)
    {
        value = text switch
        {
            "" => null,
            "党支部" or "支部" or "联合党支部" or "功能型党支部" => PartyOrganizationLevel.Branch,
            "党总支" or "总支" or "党总支部" => PartyOrganizationLevel.GeneralBranch,
            "党委" or "党的基层委员会" or "基层党委" => PartyOrganizationLevel.Committee,
            _ => (PartyOrganizationLevel)(-1),
        };
        return value is { } level && (int)level < 0 ? $"“{text}”不是已知的类型（应为 党支部、党总支、党委 或 空）" : null;
    }

    public static string? Status(string text, out OperatingStatus value)
    {
        value = text switch
        {
            "" or "正常" or "在营" or "存续" or "开业" => OperatingStatus.Normal,
            "空壳" or "空壳企业" => OperatingStatus.Shell,
            "僵尸" or "僵尸企业" => OperatingStatus.Zombie,
            "注销" or "已注销" or "吊销" => OperatingStatus.Deregistered,
            _ => (OperatingStatus)(-1),
        };
        return (int)value < 0 ? $"“{text}”不是已知的状态（应为 正常、空壳、僵尸 或 注销）" : null;
    }

    public static string? Date(string text, out DateOnly? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            value = DateOnly.FromDateTime(parsed);
            return null;
        }

        return $"“{text}”不是日期（如 2026-11-20）";
    }
}
