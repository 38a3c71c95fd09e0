namespace InstructorBot.Store.Domain;

/// <summary>
/// 组建: a party organisation was set up. Marks <see cref="RecordRequest.OrganizationId"/> and, for a joint one,
/// every unit in <see cref="UnitIds"/> as covered.
/// </summary>
public sealed record Formation : RecordRequest
{
    public const string KindName = "formation";

    public override string Kind => KindName;

    public FormationMethod Method { get; init; }

    /// <summary>联合组建 mode, for a joint organisation.</summary>
    public JointMode? JointMode { get; init; }

    /// <summary>党支部 / 党总支 / 党委, where said.</summary>
    public PartyOrganizationLevel? Level { get; init; }

    /// <summary>Members at formation, where said.</summary>
    public int? Members { get; init; }

    /// <summary>书记 (a person's name), where said.</summary>
    public string? Secretary { get; init; }

    /// <summary>Every unit the organisation covers (a joint one covers several); includes the first unit.</summary>
    public IReadOnlyList<int> UnitIds { get; init; } = [];

    /// <summary>The units' names as recorded, in the same order as <see cref="UnitIds"/>.</summary>
    public IReadOnlyList<string> UnitNames { get; init; } = [];
}
