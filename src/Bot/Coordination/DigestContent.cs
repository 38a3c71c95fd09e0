using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Coordination;

/// <summary>What a coordinator's digest says: the scope's figures now and at the last digest, the units struck off since, what is left.</summary>
public sealed record DigestContent(
    string Scope,
    DateOnly Day,
    ReportingRule Rule,
    CoverageReport Report,
    DigestFigures? Previous,
    DateOnly Since,
    IReadOnlyList<StruckOffUnit> StruckOff,
    DatedPhase? NextDeadline,
    IReadOnlyList<OverduePlan>? OverduePlans = null);

/// <summary>一企一策 past its deadline, the unit still without a party organisation.</summary>
public sealed record OverduePlan(string Name, FormationPlan Plan);

/// <summary>销号: a unit of the scope whose party organisation was recorded in the window.</summary>
public sealed record StruckOffUnit(string Name, DateOnly Date, FormationMethod Method);

/// <summary>What an instructor's weekly reminder says: units waiting for a visit, units due to form.</summary>
public sealed record VisitReminderContent(
    string Scope,
    DateOnly Day,
    int NotVisitedDays,
    IReadOnlyList<WaitingUnit> NotVisited,
    IReadOnlyList<string> DueToForm,
    DatedPhase? FormationDeadline);

/// <summary>A unit not yet covered, with its last visit (null: never visited).</summary>
public sealed record WaitingUnit(string Name, DateOnly? LastVisit);
