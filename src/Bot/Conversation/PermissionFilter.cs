using InstructorBot.Bot.Plugins;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The one permission check every plugin function goes through (a kernel filter, so a model calling the functions
/// passes it too). It reads the arguments by their conventional names: <c>organizationId</c> and <c>unitIds</c> (ledger
/// organisations) and <c>scope</c> (a district, street or community). Functions of the reporting plugin need the right
/// to write (<see cref="Permissions.RefuseWrite"/>), every other function the right to read
/// (<see cref="Permissions.RefuseRead"/>, <see cref="Permissions.MayRead"/>). A refused call never runs: its result is
/// the function's own refusal value (<see cref="PermissionRefusals"/>), so nothing of another jurisdiction is read.
/// </summary>
public sealed class PermissionFilter(InstructorStore store) : IFunctionInvocationFilter
{
    public const string OrganizationArgument = "organizationId";
    public const string UnitsArgument = "unitIds";
    public const string ScopeArgument = "scope";

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Refuse(context.Function, context.Arguments) is { } reason)
        {
            context.Result = new FunctionResult(context.Function, PermissionRefusals.For(context.Function, context.Arguments, reason));
            return;
        }

        await next(context);
    }

    /// <summary>Null when the call may run; else the Chinese reason it may not.</summary>
    public string? Refuse(KernelFunction function, KernelArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!arguments.TryGetValue(TurnContext.ArgumentName, out var value) || value is not TurnContext turn)
        {
            return "这个功能只能在一次对话中调用。";
        }

        var write = function.PluginName == PluginNames.Reporting;
        foreach (var organization in Organizations(arguments))
        {
            if ((write ? Permissions.RefuseWrite(turn.Sender, organization) : Permissions.RefuseRead(turn.Sender, organization)) is { } reason)
            {
                return reason;
            }
        }

        if (arguments.TryGetValue(ScopeArgument, out var scope) && scope is string { Length: > 0 } name
            && store.FindScope(name.Trim()) is { } match && !Permissions.MayRead(turn.Sender, match.Jurisdiction))
        {
            return Permissions.RefuseScope(turn.Sender, match.Name);
        }

        return null;
    }

    private IEnumerable<Organization> Organizations(KernelArguments arguments)
    {
        var ids = new List<int>();
        if (arguments.TryGetValue(OrganizationArgument, out var one) && one is int id)
        {
            ids.Add(id);
        }

        if (arguments.TryGetValue(UnitsArgument, out var many) && many is IEnumerable<int> units)
        {
            ids.AddRange(units);
        }

        // An id the ledger does not hold is the function's to report ("台账中没有编号为…"): it names nothing.
        return ids.Distinct().Select(store.FindOrganization).OfType<Organization>();
    }
}
