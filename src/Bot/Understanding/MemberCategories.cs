namespace InstructorBot.Bot.Understanding;

/// <summary>How many of the members found are of each kind (口袋, 隐形, 流动, 预备, 招聘来的).</summary>
public sealed record MemberCategories(int Pocket = 0, int Hidden = 0, int Flowing = 0, int Probationary = 0, int Hired = 0)
{
    public bool IsEmpty => Pocket == 0 && Hidden == 0 && Flowing == 0 && Probationary == 0 && Hired == 0;

    /// <summary>These counts plus <paramref name="count"/> of the category named by its contract key (<c>pocket</c>, …).</summary>
    public MemberCategories Plus(string category, int count) => category switch
    {
        "pocket" => this with { Pocket = Pocket + count },
        "hidden" => this with { Hidden = Hidden + count },
        "flowing" => this with { Flowing = Flowing + count },
        "probationary" => this with { Probationary = Probationary + count },
        "hired" => this with { Hired = Hired + count },
        _ => this,
    };

    /// <summary>Contract keys with non-zero counts, in a fixed order.</summary>
    public IEnumerable<(string Key, int Count)> NonZero()
    {
        if (Pocket > 0) { yield return ("pocket", Pocket); }
        if (Hidden > 0) { yield return ("hidden", Hidden); }
        if (Flowing > 0) { yield return ("flowing", Flowing); }
        if (Probationary > 0) { yield return ("probationary", Probationary); }
        if (Hired > 0) { yield return ("hired", Hired); }
    }
}
