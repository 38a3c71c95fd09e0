using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Understanding;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Conversation;

/// <summary>The refusal value of each plugin function's result type, for <see cref="PermissionFilter"/>.</summary>
public static class PermissionRefusals
{
    private static readonly Dictionary<string, ActionKind> RecordKinds = new(StringComparer.Ordinal)
    {
        ["record_visit"] = ActionKind.Visit,
        ["record_member_discovery"] = ActionKind.MemberDiscovery,
        ["record_formation"] = ActionKind.Formation,
        ["record_work_coverage"] = ActionKind.WorkCoverage,
        ["update_organization"] = ActionKind.OrgUpdate,
        ["record_pairing"] = ActionKind.Pairing,
        ["record_formation_plan"] = ActionKind.FormationPlan,
    };

    public static object For(KernelFunction function, KernelArguments arguments, string reason)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        var turn = TurnContext.From(arguments);
        var organizationId = arguments.TryGetValue(PermissionFilter.OrganizationArgument, out var id) && id is int value ? value : 0;
        var scope = arguments.TryGetValue(PermissionFilter.ScopeArgument, out var named) && named is string { Length: > 0 } text
            ? text
            : turn.Sender.Jurisdiction.Name ?? "全部";
        var type = function.Metadata.ReturnParameter.ParameterType;
        return type switch
        {
            _ when type == typeof(RecordOutcome) => new RecordOutcome(
                RecordKinds.GetValueOrDefault(function.Name, ActionKind.Visit), organizationId, "", reason),
            _ when type == typeof(OrganizationCard) => new OrganizationCard(null, null, turn.Today, reason),
            _ when type == typeof(ScopeFigures) => new ScopeFigures(scope, null, reason),
            _ when type == typeof(RecordList) => new RecordList(scope, turn.Today, turn.Today, [], reason),
            _ when type == typeof(ExportedLedger) => new ExportedLedger(scope, 0, null, reason),
            _ when type == typeof(MonthlyReportFile) => new MonthlyReportFile(scope, null, null, null, reason),
            _ when type == typeof(PlanList) => new PlanList(scope, default, turn.Today, [], 0, 0, reason),
            _ when type == typeof(BreakdownFigures) => new BreakdownFigures(
                scope, arguments.TryGetValue("by", out var by) && by is Store.Figures.BreakdownLevel level ? level : default, [], reason),
            _ when type == typeof(ProgressChart) => new ProgressChart(
                scope, arguments.TryGetValue("chart", out var chart) && chart is Charts.ChartKind kind ? kind : default, null, "", "", reason),
            _ when type == typeof(CoverageChangeFigures) => new CoverageChangeFigures(scope, null, reason),
            _ when type == typeof(FormationAdvice) => new FormationAdvice(null, null, [], [], reason, reason),
            _ when type == typeof(DocumentAnswer) => new DocumentAnswer(false, reason, []),
            _ => throw new InvalidOperationException($"No refusal value for {function.PluginName}.{function.Name} ({type?.Name})."),
        };
    }
}
