using System.Globalization;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Replies;

/// <summary>Small pieces of Chinese text: dates, rates with their formula, counts with their measure word, ledger terms.</summary>
public static class ChineseFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>"11月17日", with the year when it is not this year's.</summary>
    public static string Date(DateOnly date, DateOnly today) =>
        date.Year == today.Year
            ? string.Create(Culture, $"{date.Month}月{date.Day}日")
            : string.Create(Culture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>"20.0%（2/10）": the rate with the counts it comes from.</summary>
    public static string Rate(int part, int whole) =>
        whole == 0
            ? "—（0/0）"
            : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0}%（{part}/{whole}）");

    /// <summary>"2 名党员": a count with its measure word (Humanizer's ToQuantity is English-only).</summary>
    public static string Count(int count, string measure, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {measure}{noun}");

    public static string PartyOrganization(PartyOrganization party) => party.Kind switch
    {
        PartyOrganizationKind.Single => "已单独组建" + Level(party.Level),
        PartyOrganizationKind.Joint => "已联合组建" + (party.JointMode is { } mode ? $"（{JointMode(mode)}）" : "") + Level(party.Level),
        PartyOrganizationKind.Functional => "已建功能型党组织",
        _ => "未建",
    };

    public static string Method(FormationMethod method) => method switch
    {
        FormationMethod.Single => "单独组建",
        FormationMethod.Joint => "联合组建",
        FormationMethod.Functional => "功能型党组织",
        _ => method.ToString(),
    };

    public static string JointMode(JointMode mode) => mode switch
    {
        Store.Domain.JointMode.Regional => "片区联建",
        Store.Domain.JointMode.Industry => "同业共建",
        Store.Domain.JointMode.Affiliated => "挂靠组建",
        Store.Domain.JointMode.Dispatched => "派驻帮建",
        Store.Domain.JointMode.Leading => "龙头带建",
        _ => mode.ToString(),
    };

    public static string LevelName(PartyOrganizationLevel level) => level switch
    {
        PartyOrganizationLevel.Branch => "党支部",
        PartyOrganizationLevel.GeneralBranch => "党总支",
        PartyOrganizationLevel.Committee => "党委",
        _ => level.ToString(),
    };

    public static string Measure(WorkCoverageMeasure measure) => measure switch
    {
        WorkCoverageMeasure.Instructor => "选派党建工作指导员",
        WorkCoverageMeasure.TradeUnion => "建立工会",
        WorkCoverageMeasure.YouthLeague => "建立团组织",
        WorkCoverageMeasure.WomenFederation => "建立妇联（妇委会）",
        _ => measure.ToString(),
    };

    public static string MassOrganization(MassOrganizationKind kind) => kind switch
    {
        MassOrganizationKind.TradeUnion => "工会",
        MassOrganizationKind.YouthLeague => "团组织",
        MassOrganizationKind.WomenFederation => "妇联",
        _ => kind.ToString(),
    };

    public static string Status(OperatingStatus status) => status switch
    {
        OperatingStatus.Normal => "正常",
        OperatingStatus.Shell => "空壳",
        OperatingStatus.Zombie => "僵尸",
        OperatingStatus.Deregistered => "注销",
        _ => status.ToString(),
    };

    public static string OrganizationType(OrganizationType type) =>
        type == Store.Domain.OrganizationType.SocialOrganization ? "社会组织" : "非公企业";

    private static string Level(PartyOrganizationLevel? level) => level is { } l ? $"（{LevelName(l)}）" : "";
}
