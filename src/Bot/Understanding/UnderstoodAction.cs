using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// One thing a message asks for, with only the fields the message gives (CLI.md §understand), plus what the
/// pipeline needs: the ledger id of the organisation, and the candidates when the name fits several.
/// </summary>
public sealed record UnderstoodAction(ActionKind Kind)
{
    /// <summary>The ledger's full name, the name as written when the ledger lacks it, or null.</summary>
    public string? Organization { get; init; }

    /// <summary>The ledger id when <see cref="Organization"/> is a ledger organisation.</summary>
    public int? OrganizationId { get; init; }

    /// <summary>When the name fits several ledger organisations: each of them (Organization is then null).</summary>
    public IReadOnlyList<OrganizationCandidate> Candidates { get; init; } = [];

    /// <summary>Carried by every recording action.</summary>
    public DateOnly? Date { get; init; }

    public int? Count { get; init; }
    public MemberCategories? Categories { get; init; }

    public FormationMethod? Method { get; init; }
    public JointMode? JointMode { get; init; }
    public PartyOrganizationLevel? Level { get; init; }
    public int? Members { get; init; }
    public string? Secretary { get; init; }

    /// <summary>For a joint formation: every unit it covers (ledger names, or as written), and their ids where known.</summary>
    public IReadOnlyList<string>? Units { get; init; }
    public IReadOnlyList<int?>? UnitIds { get; init; }

    public WorkCoverageMeasure? Measure { get; init; }
    public string? Person { get; init; }

    public int? Employees { get; init; }
    public int? PartyMembers { get; init; }
    public OperatingStatus? Status { get; init; }
    public OrganizationType? OrgType { get; init; }

    public string? Scope { get; init; }
    public ProgressMetric? Metric { get; init; }

    /// <summary>A progress question's window, inclusive (CLI.md additions).</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>A progress question's breakdown: 各街道, 各社区, by industry, per instructor.</summary>
    public BreakdownLevel? By { get; init; }

    /// <summary>A reminders setting: false for 不要提醒, true for 恢复提醒.</summary>
    public bool? Enabled { get; init; }

    /// <summary>A progress question that asks for a chart (extension field <c>chart</c>).</summary>
    public Charts.ChartKind? Chart { get; init; }

    /// <summary>A progress question about the change of the coverage figures within the window (extension field <c>change</c>).</summary>
    public bool Change { get; init; }

    /// <summary>
    /// For a question in a message that also reports ("今天走访了顺达快递，顺便问一下联合组建怎么弄"): the words that ask,
    /// for the documents. Null when the whole message is the question. Not part of the contract's JSON.
    /// </summary>
    public string? Question { get; init; }

    /// <summary>
    /// The second opinion (an intent classifier) finds this recording action's kind unlikely for the message: the
    /// conversation shows it and asks before writing; the JSON carries <c>"confirm": true</c>.
    /// </summary>
    public bool Doubtful { get; init; }

    /// <summary>
    /// The name as the message wrote it when the unit was linked by sound (云起科技 for 云启科技): the conversation asks
    /// "您是指…吗？" before writing; the JSON carries <c>"confirm": true</c>. Not part of the contract's JSON.
    /// </summary>
    public string? HeardAs { get; init; }

    /// <summary>一企一策: the plan's measures, and the day by which they are to be done (<see cref="Person"/> answers for it).</summary>
    public string? Measures { get; init; }
    public DateOnly? Due { get; init; }

    /// <summary>An export of the monthly progress report (extension field <c>month</c>): the month's first day.</summary>
    public DateOnly? ReportMonth { get; init; }

    /// <summary>
    /// The rules' reading of a message no frame recognised (a question about one unit is its card, any other goes to the
    /// documents): the second opinion may take another request kind it is sure of in its place
    /// (<see cref="Opinion.SecondOpinion.Retake"/>). Not part of the contract's JSON.
    /// </summary>
    public bool IsFallback { get; init; }

    public bool IsRecord => Kind <= ActionKind.FormationPlan;

    /// <summary>Kinds that concern one organisation and cannot go ahead without it.</summary>
    public bool NeedsOrganization => IsRecord || Kind is ActionKind.FormationAdvice or ActionKind.OrgLookup;

    /// <summary>
    /// Advice about a unit the message describes and does not name ("有家民办幼儿园，三十几个老师，两个党员，该怎么建"): its
    /// figures are the premise and it writes nothing, so no organisation is asked for (the blind README's convention from
    /// batch x on). Not part of the contract's JSON.
    /// </summary>
    public bool AboutDescribedUnit { get; init; }

    /// <summary>True when the bot must ask which organisation is meant before this action can go ahead (<c>missing</c>).</summary>
    public bool AwaitsOrganization => NeedsOrganization && Organization is null && !AboutDescribedUnit;
}
