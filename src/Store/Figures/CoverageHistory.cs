using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Figures;

/// <summary>
/// The ledger as it stood at the end of a past day, for figures over time ("覆盖率这个月提高了多少"): a party
/// organisation formed after that day (its 成立日期 in the ledger, which every recorded formation sets) is taken back.
/// An organisation whose formation date the ledger does not know counts as formed throughout. Work coverage and member
/// counts carry no dates in the ledger and are read as they are now.
/// </summary>
public static class CoverageHistory
{
    public static IReadOnlyList<Organization> AsOf(IReadOnlyList<Organization> organizations, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        return [.. organizations.Select(o => o.PartyOrganization.FormedOn is { } formed && formed > day
            ? o with { PartyOrganization = PartyOrganization.None }
            : o)];
    }
}
