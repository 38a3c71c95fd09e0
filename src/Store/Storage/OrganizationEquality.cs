using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Storage;

/// <summary>Value comparison of organisations (lists by content, not reference) and the three-way revert an undo uses.</summary>
internal static class OrganizationEquality
{
    /// <summary>Same facts, ignoring <see cref="Organization.UpdatedAt"/>.</summary>
    public static bool Same(Organization a, Organization b) =>
        a with { MassOrganizations = [], UpdatedAt = default } == b with { MassOrganizations = [], UpdatedAt = default }
        && a.MassOrganizations.SequenceEqual(b.MassOrganizations);

    /// <summary>
    /// Takes back the change before→after from current, keeping later changes by others: a member count moves back by
    /// the delta; any other field goes back only where it still holds the value the undone write gave it.
    /// </summary>
    public static Organization Revert(Organization current, Organization before, Organization after) => current with
    {
        PartyMembers = Math.Max(0, current.PartyMembers - (after.PartyMembers - before.PartyMembers)),
        Employees = current.Employees == after.Employees ? before.Employees : current.Employees,
        Status = current.Status == after.Status ? before.Status : current.Status,
        Instructor = current.Instructor == after.Instructor ? before.Instructor : current.Instructor,
        PartyOrganization = current.PartyOrganization == after.PartyOrganization ? before.PartyOrganization : current.PartyOrganization,
        MassOrganizations = current.MassOrganizations.SequenceEqual(after.MassOrganizations) ? before.MassOrganizations : current.MassOrganizations,
    };
}
