using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Plugins;

/// <summary>The <c>scope</c> argument of the plugins' reading functions, resolved one way for all of them.</summary>
internal static class PluginScopes
{
    /// <summary>
    /// The scope's display name and jurisdiction (the sender's own when none is named), or a refusal when the name is
    /// unknown. The right to read the scope is checked before the call, by <see cref="Conversation.PermissionFilter"/>.
    /// </summary>
    public static (string Name, Jurisdiction? Jurisdiction, string? Refusal) Resolve(InstructorStore store, User sender, string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return (sender.Jurisdiction.Name ?? "全部", sender.Jurisdiction, null);
        }

        return store.FindScope(scope.Trim()) is { } match
            ? (match.Name, match.Jurisdiction, null)
            : (scope, null, $"没有找到辖区“{scope}”。请写区、街道或社区的名称，例如“坂田街道”。");
    }
}
