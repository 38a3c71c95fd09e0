using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Who may do what (DOMAIN "Who uses the bot"): instructors and secretaries write only for organisations inside their
/// jurisdiction; coordinators read inside theirs and write nothing; nobody reads outside their own; admins manage.
/// The refusals never name the organisation (its full ledger name is itself a fact of another jurisdiction). Every plugin
/// function is checked against these rules in one place, <see cref="PermissionFilter"/>.
/// </summary>
public static class Permissions
{
    /// <summary>Null when <paramref name="user"/> may record for <paramref name="organization"/>; else the Chinese reason.</summary>
    public static string? RefuseWrite(User user, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(organization);
        if (user.Role == UserRole.Coordinator)
        {
            return "协调员只能查询进度，不能登记记录。";
        }

        return user.Jurisdiction.Contains(organization)
            ? null
            : $"该单位不在您的辖区（{Describe(user.Jurisdiction)}），不能为它登记。";
    }

    /// <summary>Null when <paramref name="user"/> may read <paramref name="organization"/>; else the Chinese reason.</summary>
    public static string? RefuseRead(User user, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(organization);
        return user.Jurisdiction.Contains(organization)
            ? null
            : $"该单位不在您的辖区（{Describe(user.Jurisdiction)}），无权查看。";
    }

    /// <summary>The Chinese reason <paramref name="user"/> may not read the scope <paramref name="scopeName"/> (a name they typed).</summary>
    public static string RefuseScope(User user, string scopeName) =>
        $"“{scopeName}”不在您的辖区（{Describe(user?.Jurisdiction ?? new Jurisdiction())}），无权查看。";

    /// <summary>True when <paramref name="scope"/> lies inside <paramref name="user"/>'s jurisdiction.</summary>
    public static bool MayRead(User user, Jurisdiction scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(scope);
        var own = user.Jurisdiction;
        return (own.District is null || own.District == scope.District)
            && (own.Street is null || own.Street == scope.Street)
            && (own.Community is null || own.Community == scope.Community);
    }

    public static string Describe(Jurisdiction jurisdiction) =>
        jurisdiction.Name is null ? "全部" : jurisdiction.ToString();
}
