namespace InstructorBot.Bot.Coordination;

/// <summary>
/// 行动日历: the campaign's phases, deadlines and reporting days as the deployment's document states them (section
/// <c>Campaign:Calendar</c>). A campaign's dates are configuration, not code (DOMAIN.md); without any, the calendar of
/// 003 (武汉市“百日攻坚行动”实施方案) applies, the shipped document with both phases and a reporting rhythm.
/// </summary>
public sealed class CampaignCalendarOptions
{
    public const string Section = "Campaign:Calendar";

    /// <summary>The document the dates come from, as the bot names it in a reply (《…》).</summary>
    public string Document { get; set; } = "";

    /// <summary>
    /// The year of dates written without one ("11-20", as the documents write "11月20日前"). Null: the year of
    /// <c>Campaign:Start</c>, else the current year (Asia/Shanghai).
    /// </summary>
    public int? Year { get; set; }

    public List<CampaignPhase> Phases { get; set; } = [];

    public List<ReportingRule> Reporting { get; set; } = [];

    /// <summary>The 003 calendar (二、工作安排 and 三（四）): used when the configuration names no phases.</summary>
    public static CampaignCalendarOptions Wuhan003() => new()
    {
        Document = "武汉市非公有制经济组织和社会组织党组织集中组建“百日攻坚行动”实施方案",
        Phases =
        [
            new() { Name = "制定实施方案", End = "08-15", Keywords = ["实施方案", "方案"], Source = "二、（一）制定实施方案（8月15日前）" },
            new() { Name = "召开培训会议", End = "08-17", Keywords = ["培训"], Source = "二、（二）召开培训会议（8月17日前）" },
            new() { Name = "全面排查摸底", End = "08-26", Keywords = ["排查", "摸底", "台账", "台帐"], Source = "二、（三）全面排查摸底（8月26日前）" },
            new() { Name = "抓好集中组建", End = "11-20", Keywords = ["组建", "建党组织", "建立党组织"], Source = "二、（四）抓好集中组建（11月20日前）" },
            new() { Name = "理顺隶属关系", End = "11-20", Keywords = ["隶属"], Source = "二、（五）理顺隶属关系（11月20日前）" },
            new() { Name = "扩大工作覆盖", End = "11-20", Keywords = ["工作覆盖"], Source = "二、（六）扩大工作覆盖（11月20日前）" },
            new() { Name = "组织检查验收", Start = "11-21", End = "12-05", Keywords = ["验收"], Source = "二、（七）组织检查验收（11月21日-12月5日）" },
            new() { Name = "建立长效机制", Start = "12-06", End = "12-30", Keywords = ["长效"], Source = "二、（八）建立长效机制（12月6日-12月30日）" },
        ],
        Reporting =
        [
            new() { Days = [10, 25], What = "各区各单位工作情况和组建情况", Source = "三、（四）严肃通报问责：每月10日、25日前向市委组织部报送" },
        ],
    };
}

/// <summary>One phase of the campaign: its last day is a deadline (组建截止 = the end of the formation phase).</summary>
public sealed class CampaignPhase
{
    public string Name { get; set; } = "";

    /// <summary>First day, "MM-dd" or "yyyy-MM-dd"; null: the day after the previous phase ended.</summary>
    public string? Start { get; set; }

    /// <summary>Last day (the deadline), "MM-dd" or "yyyy-MM-dd".</summary>
    public string End { get; set; } = "";

    /// <summary>Words that name this phase in a question ("组建截止还有几天": 组建).</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>Where in the document the dates stand, quoted in replies.</summary>
    public string Source { get; set; } = "";
}

/// <summary>A reporting rhythm: every month by these days (003: 10 and 25), or only in the months listed (000: 10, 11, 12).</summary>
public sealed class ReportingRule
{
    public List<int> Days { get; set; } = [];

    /// <summary>Months (1–12) the rule holds in; empty: every month.</summary>
    public List<int> Months { get; set; } = [];

    /// <summary>What is reported ("附件2", "工作情况和组建情况").</summary>
    public string What { get; set; } = "";

    public string Source { get; set; } = "";
}
