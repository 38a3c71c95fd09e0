using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Every plugin function that takes a unit or a scope has a refusal value, so <see cref="PermissionFilter"/> can refuse
/// it; a function added later without one fails here rather than throwing in a user's turn.
/// </summary>
public sealed class PermissionFilterCoverageTests : IDisposable
{
    private readonly BotHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public void Every_function_that_takes_a_unit_or_a_scope_can_be_refused_with_its_own_result_type()
    {
        var kernel = host.Services.GetRequiredService<Kernel>();
        var sender = host.Store.FindUser("u_zhang")!;
        var guarded = kernel.Plugins.SelectMany(p => p)
            .Where(f => f.Metadata.Parameters.Any(p => p.Name is PermissionFilter.OrganizationArgument or PermissionFilter.UnitsArgument or PermissionFilter.ScopeArgument)
                || f.Name == "advise_formation")
            .ToList();

        Assert.True(guarded.Count >= 13, $"only {guarded.Count} guarded functions");
        Assert.Contains(kernel.FunctionInvocationFilters, f => f is PermissionFilter);
        foreach (var function in guarded)
        {
            var arguments = new KernelArguments { [TurnContext.ArgumentName] = new TurnContext(sender, DateTimeOffset.UtcNow, "web") };
            var refusal = PermissionRefusals.For(function, arguments, "该单位不在您的辖区，无权查看。");
            Assert.IsType(function.Metadata.ReturnParameter.ParameterType!, refusal);
        }
    }
}
