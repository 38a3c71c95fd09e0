namespace InstructorBot.Store.Figures;

/// <summary>How a scope's figures are broken down (CLI.md additions: progress_query <c>by</c>).</summary>
public enum BreakdownLevel
{
    /// <summary>各街道.</summary>
    Street,

    /// <summary>各社区.</summary>
    Community,

    /// <summary>行业类别 as written in the ledger.</summary>
    Industry,

    /// <summary>党建指导员 assigned to the unit in the ledger.</summary>
    Instructor,
}
