using System.Globalization;
using System.Text;
using Humanizer;
using InstructorBot.Bot.Plugins;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Replies;

/// <summary>Replies for coordinators: figures with their formulas, 应建未建 lists, recent records, an organisation's card.</summary>
public static class ProgressReplies
{
    public static string Coverage(ScopeFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Report is not { } r)
        {
            return figures.Refusal ?? "无法计算。";
        }

        return new StringBuilder()
            .Append(figures.Scope).Append(" “两个覆盖”进度")
            .Append("\n党建基数：").Append(r.Base).Append(" 家")
            .Append("\n组织覆盖率 ").Append(ChineseFormat.Rate(r.Covered, r.Base))
            .Append("\n  单独组建 ").Append(r.Single).Append("，联合组建 ").Append(r.Joint).Append("，功能型 ").Append(r.Functional)
            .Append("\n单独组建率 ").Append(ChineseFormat.Rate(r.Single, r.Base))
            .Append("\n工作覆盖率 ").Append(ChineseFormat.Rate(r.WorkCovered, r.Base))
            .Append("\n应建未建：").Append(r.UnformedRequired.Count).Append(" 家；应有党员而无：").Append(r.MembersRequired.Count).Append(" 家")
            .Append("\n发送“").Append(figures.Scope).Append("应建未建名单”查看名单")
            .ToString();
    }

    public static string Unformed(ScopeFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Report is not { } r)
        {
            return figures.Refusal ?? "无法计算。";
        }

        var text = new StringBuilder().Append(figures.Scope).Append(" 应建未建（").Append(r.UnformedRequired.Count).Append(" 家）：");
        AppendNumbered(text, r.UnformedRequired);
        text.Append("\n\n应有党员而无（职工50人以上的企业，").Append(r.MembersRequired.Count).Append(" 家）：");
        AppendNumbered(text, r.MembersRequired);
        return text.ToString();
    }

    /// <summary>
    /// "坂田街道 11月27日至12月3日 走访 5 家单位（共 7 次）": units (家) and records (次) counted apart, the window stated,
    /// then the records, newest first.
    /// </summary>
    public static string Records(RecordList list, string what, Func<string, string?> userName, Func<int, string> organizationName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(organizationName);
        if (list.Refusal is { } refusal)
        {
            return refusal;
        }

        var text = new StringBuilder(list.Scope).Append(' ').Append(Window(list, today)).Append(' ');
        if (list.Person is { } person)
        {
            text.Append(person).Append(' ');
        }

        text.Append(what).Append(' ').Append(list.Units).Append(" 家单位");
        if (list.Records.Count != list.Units)
        {
            text.Append("（共 ").Append(list.Records.Count).Append(" 次）");
        }

        foreach (var record in list.Records.Take(20))
        {
            text.Append("\n· ").Append(ChineseFormat.Date(record.Date, today)).Append(' ')
                .Append(RecordReplies.Describe(record, organizationName(record.OrganizationId)));
            if (list.Person is null && userName(record.ReportedBy) is { } who)
            {
                text.Append("（").Append(who).Append("）");
            }
        }

        if (list.Records.Count > 20)
        {
            text.Append("\n……共 ").Append(list.Records.Count).Append(" 条，导出台账可看全部");
        }

        return text.ToString();
    }

    /// <summary>谁走访得多: per reporter, units (家) and records (次), most units first.</summary>
    public static string RecordsByPerson(RecordList list, string what, Func<string, string> userName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(userName);
        if (list.Refusal is { } refusal)
        {
            return refusal;
        }

        var rows = list.Records.GroupBy(r => r.ReportedBy, StringComparer.Ordinal)
            .Select(g => (Name: userName(g.Key), Units: g.Select(r => r.OrganizationId).Distinct().Count(), Times: g.Count()))
            .OrderByDescending(r => r.Units).ThenByDescending(r => r.Times).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder(list.Scope).Append(' ').Append(Window(list, today)).Append(' ').Append(what).Append("（按人员）");
        if (rows.Count == 0)
        {
            text.Append("\n（无记录）");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(rows[i].Name).Append(' ').Append(rows[i].Units).Append(" 家")
                .Append("（").Append(rows[i].Times).Append(" 次）");
        }

        return text.ToString();
    }

    /// <summary>各街道对比: a ranked table, each row with its base, covered units, rate with formula and 应建未建 count.</summary>
    public static string Breakdown(BreakdownFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Refusal is { } refusal)
        {
            return refusal;
        }

        var by = figures.By switch
        {
            BreakdownLevel.Street => "各街道",
            BreakdownLevel.Community => "各社区",
            BreakdownLevel.Industry => "各行业",
            _ => "各党建指导员联系单位",
        };
        var text = new StringBuilder(figures.Scope).Append(' ').Append(by).Append("组织覆盖率（从高到低）");
        if (figures.Rows.Count == 0)
        {
            text.Append("\n（无数据）");
        }

        for (var i = 0; i < figures.Rows.Count; i++)
        {
            var r = figures.Rows[i];
            text.Append('\n').Append(i + 1).Append(". ").Append(r.Scope).Append(' ').Append(ChineseFormat.Rate(r.Covered, r.Base))
                .Append("，应建未建 ").Append(r.UnformedRequired.Count).Append(" 家");
        }

        return text.ToString();
    }

    private static string Window(RecordList list, DateOnly today) =>
        list.From == list.To ? ChineseFormat.Date(list.From, today) : ChineseFormat.Date(list.From, today) + "至" + ChineseFormat.Date(list.To, today);

    public static string Card(OrganizationCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Organization is not { } o)
        {
            return card.Refusal ?? "没有找到该单位。";
        }

        var text = new StringBuilder(o.Name)
            .Append("\n统一社会信用代码：").Append(o.CreditCode ?? "未登记")
            .Append("\n类型：").Append(ChineseFormat.OrganizationType(o.Type)).Append(o.Industry is { Length: > 0 } i ? $"（{i}）" : "")
            .Append("\n地址：").Append(o.District).Append(o.Street).Append(o.Community).Append(o.Park is { Length: > 0 } p ? $" {p}" : "")
            .Append("\n职工：").Append(o.Employees is { } e ? $"{e} 人" : "未登记")
            .Append("；党员：").Append(o.PartyMembers).Append(" 名")
            .Append("\n覆盖状态：").Append(ChineseFormat.PartyOrganization(o.PartyOrganization))
            .Append("\n党建指导员：").Append(o.Instructor ?? "未选派");
        if (o.MassOrganizations.Count > 0)
        {
            text.Append("\n群团组织：").Append(string.Join("、", o.MassOrganizations.Select(ChineseFormat.MassOrganization)));
        }

        if (o.Status != OperatingStatus.Normal)
        {
            text.Append("\n经营状态：").Append(ChineseFormat.Status(o.Status));
        }

        text.Append("\n上次走访：").Append(card.LastVisit is { } last ? LastVisit(last, card.Today) : "暂无记录");
        if (card.Plan is { } plan)
        {
            text.Append("\n一企一策：").Append(PlanReplies.Describe(plan))
                .Append("（").Append(FormationPlanStatuses.Chinese(FormationPlanStatuses.Of(plan, o, card.Today))).Append('）');
        }
        else if (CoverageRules.MustFormButHasNot(o))
        {
            text.Append("\n一企一策：未制定");
        }

        return text.ToString();
    }

    /// <summary>"3 天前" / "今天": Humanizer's zh-CN relative time.</summary>
    public static string LastVisit(DateOnly visit, DateOnly today) =>
        visit == today
            ? "今天"
            : visit.ToDateTime(TimeOnly.MinValue).Humanize(utcDate: false, dateToCompareAgainst: today.ToDateTime(TimeOnly.MinValue), culture: ChineseFormat.Culture)
                + $"（{ChineseFormat.Date(visit, today)}）";

    public static string Export(ExportedLedger export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return export.File is null
            ? export.Refusal ?? "导出失败。"
            : string.Create(CultureInfo.InvariantCulture, $"{export.Scope} 台账已导出（{export.Organizations} 家单位），点击下载：{export.File.Name}（链接 10 分钟内有效）");
    }

    /// <summary>A chart: its title and the figures it shows, in words (the image goes with the reply).</summary>
    public static string Chart(ProgressChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Image is null ? chart.Refusal ?? "图表生成失败。" : $"{chart.Title}\n{chart.Summary}";
    }

    /// <summary>The change of a scope's coverage within a window, both figures and the window stated.</summary>
    public static string Change(CoverageChangeFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.Change is { } change ? CoverageText.Change(change) : figures.Refusal ?? "无法计算。";
    }

    private static void AppendNumbered(StringBuilder text, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            text.Append("\n（无）");
        }

        for (var i = 0; i < names.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(names[i]);
        }
    }
}
