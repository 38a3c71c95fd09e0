namespace InstructorBot.Store.Domain;

/// <summary>How newly found members break down (003 §二(四)1 四个一批; DOMAIN terms).</summary>
public sealed record MemberCategories
{
    public static readonly MemberCategories None = new();

    /// <summary>口袋党员.</summary>
    public int Pocket { get; init; }

    /// <summary>隐形党员.</summary>
    public int Hidden { get; init; }

    /// <summary>流动党员.</summary>
    public int Flowing { get; init; }

    /// <summary>预备党员.</summary>
    public int Probationary { get; init; }

    /// <summary>招聘来的党员.</summary>
    public int Hired { get; init; }
}
