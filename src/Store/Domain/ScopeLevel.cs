namespace InstructorBot.Store.Domain;

/// <summary>The level a scope name names.</summary>
public enum ScopeLevel
{
    /// <summary>区.</summary>
    District,

    /// <summary>街道.</summary>
    Street,

    /// <summary>社区.</summary>
    Community,
}
