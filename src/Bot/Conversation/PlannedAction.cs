using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// One thing a message asks for, as the turn carries it (from understanding, or from a pending dialogue in the
/// store): the CLI contract's action kinds and fields, with the organisation resolved to a ledger id where it could be.
/// </summary>
public sealed record PlannedAction
{
    /// <summary>The CLI contract's kind: <c>visit</c>, <c>member_discovery</c>, …, <c>help</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The organisation as named (the ledger's full name where it matched exactly one).</summary>
    public string? Organization { get; init; }

    public int? OrganizationId { get; init; }

    /// <summary>Ledger ids the name could mean, when it fits several.</summary>
    public IReadOnlyList<int> Candidates { get; init; } = [];

    public DateOnly? Date { get; init; }

    public int? Count { get; init; }

    public MemberCategories? Categories { get; init; }

    public FormationMethod? Method { get; init; }

    public JointMode? JointMode { get; init; }

    public PartyOrganizationLevel? Level { get; init; }

    public int? Members { get; init; }

    public string? Secretary { get; init; }

    /// <summary>Every unit a joint formation covers, as named.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>Ledger ids of <see cref="Units"/> where known, in the same order.</summary>
    public IReadOnlyList<int?> UnitIds { get; init; } = [];

    public WorkCoverageMeasure? Measure { get; init; }

    public string? Person { get; init; }

    public int? Employees { get; init; }

    public int? PartyMembers { get; init; }

    public OperatingStatus? Status { get; init; }

    /// <summary>For formation advice: enterprise or social organisation, where said.</summary>
    public OrganizationType? OrgType { get; init; }

    public string? Scope { get; init; }

    /// <summary><c>coverage</c>, <c>unformed</c>, <c>formations</c> or <c>visits</c>.</summary>
    public string? Metric { get; init; }

    /// <summary>The words that ask, for questions that go to the documents: the message, or its question where it also reports.</summary>
    public string? Text { get; init; }

    public bool IsRecording => ActionKinds.Recording.Contains(Kind);

    /// <summary>True when the action cannot run without a ledger organisation.</summary>
    public bool NeedsOrganization => IsRecording || Kind == ActionKinds.OrgLookup;
}
