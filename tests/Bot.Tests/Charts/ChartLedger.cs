using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Charts;

/// <summary>
/// A small ledger whose history the tests know by construction: three streets, units formed on known days, visits on
/// known days. The expected figures are counted from these lists in each test, never by the code under test.
/// </summary>
internal static class ChartLedger
{
    public static readonly DateOnly Start = new(2026, 11, 1);
    public static readonly DateOnly Today = new(2026, 12, 5);

    /// <summary>(street, formed on or null for never, in the base).</summary>
    public static readonly (string Street, DateOnly? FormedOn, bool InBase)[] Units =
    [
        ("坂田街道", new(2025, 6, 1), true),
        ("坂田街道", new(2026, 11, 10), true),
        ("坂田街道", new(2026, 12, 2), true),
        ("坂田街道", null, true),
        ("布吉街道", new(2026, 11, 20), true),
        ("布吉街道", null, true),
        ("布吉街道", null, true),
        ("布吉街道", null, false),
        ("横岗街道", null, true),
        ("横岗街道", null, true),
    ];

    public static IReadOnlyList<Organization> Organizations() =>
    [
        .. Units.Select((u, i) => new Organization
        {
            Id = i + 1,
            Name = $"深圳市测试{i + 1:00}有限公司",
            Type = OrganizationType.Enterprise,
            District = "龙岗区",
            Street = u.Street,
            Community = u.Street[..2] + "社区",
            Employees = 120,
            PartyMembers = 3,
            Status = u.InBase ? OperatingStatus.Normal : OperatingStatus.Shell,
            PartyOrganization = u.FormedOn is { } day
                ? new PartyOrganization { Kind = PartyOrganizationKind.Single, Level = PartyOrganizationLevel.Branch, FormedOn = day }
                : PartyOrganization.None,
        }),
    ];

    /// <summary>Visits: (organisation id, day).</summary>
    public static readonly (int Organization, DateOnly Day)[] VisitDays =
    [
        (1, new(2026, 11, 2)), (1, new(2026, 11, 3)), (2, new(2026, 11, 4)),
        (4, new(2026, 11, 12)),
        (5, new(2026, 11, 30)), (5, new(2026, 12, 1)), (6, new(2026, 12, 1)), (9, new(2026, 12, 4)),
    ];

    public static IReadOnlyList<Visit> Visits() =>
        [.. VisitDays.Select((v, i) => new Visit { Id = i + 1, OrganizationId = v.Organization, Date = v.Day, ReportedBy = "u_zhang" })];
}
