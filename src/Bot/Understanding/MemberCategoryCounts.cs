using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

/// <summary>Adding to and reading <see cref="MemberCategories"/> by the contract's keys (<c>pocket</c>, <c>hidden</c>, …).</summary>
internal static class MemberCategoryCounts
{
    public static bool IsEmpty(this MemberCategories c) => c.NonZero().Any() == false;

    public static MemberCategories Plus(this MemberCategories c, string category, int count) => category switch
    {
        "pocket" => c with { Pocket = c.Pocket + count },
        "hidden" => c with { Hidden = c.Hidden + count },
        "flowing" => c with { Flowing = c.Flowing + count },
        "probationary" => c with { Probationary = c.Probationary + count },
        "hired" => c with { Hired = c.Hired + count },
        _ => c,
    };

    /// <summary>Contract keys with non-zero counts, in a fixed order.</summary>
    public static IEnumerable<(string Key, int Count)> NonZero(this MemberCategories c)
    {
        (string, int)[] all = [("pocket", c.Pocket), ("hidden", c.Hidden), ("flowing", c.Flowing), ("probationary", c.Probationary), ("hired", c.Hired)];
        return all.Where(p => p.Item2 > 0);
    }
}
