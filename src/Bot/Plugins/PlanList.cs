using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Plugins;

/// <summary>一企一策 of a scope: which list was asked (<see cref="ProgressMetric.Plans"/>, missing or overdue), its rows, and the scope's 应建未建 count.</summary>
public sealed record PlanList(string Scope, ProgressMetric Which, DateOnly Today, IReadOnlyList<PlanRow> Rows, int UnformedRequired, int Planned, string? Refusal = null);

/// <summary>One unit of a plan list: its plan (null when it has none) and the plan's status.</summary>
public sealed record PlanRow(string Organization, FormationPlan? Plan, FormationPlanStatus? Status);
