namespace InstructorBot.Store.Domain;

/// <summary>The party organisation that covers a unit.</summary>
public sealed record PartyOrganization
{
    public static readonly PartyOrganization None = new();

    /// <summary>单独组建 / 联合组建 / 功能型, or none (未建).</summary>
    public PartyOrganizationKind Kind { get; init; } = PartyOrganizationKind.None;

    /// <summary>党支部 / 党总支 / 党委; null when unknown or none.</summary>
    public PartyOrganizationLevel? Level { get; init; }

    /// <summary>联合组建 mode, for a joint organisation.</summary>
    public JointMode? JointMode { get; init; }

    /// <summary>The day it was formed, where known.</summary>
    public DateOnly? FormedOn { get; init; }

    /// <summary>书记 (a person's name).</summary>
    public string? Secretary { get; init; }

    /// <summary>Members of the organisation at formation, where known.</summary>
    public int? Members { get; init; }

    /// <summary>For a joint organisation: the id of the Formation that made it (it lists every unit).</summary>
    public int? JointFormationId { get; init; }

    public bool IsFormed => Kind != PartyOrganizationKind.None;
}
