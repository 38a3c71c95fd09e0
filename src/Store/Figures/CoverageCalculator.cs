using InstructorBot.Store.Domain;

namespace InstructorBot.Store.Figures;

/// <summary>Computes the coverage figures over the organisations of one scope.</summary>
public sealed class CoverageCalculator
{
    public CoverageReport Compute(string scopeName, IReadOnlyList<Organization> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        int total = 0, covered = 0, single = 0, joint = 0, functional = 0, workCovered = 0;
        var unformed = new List<string>();
        var membersRequired = new List<string>();
        foreach (var organization in organizations)
        {
            if (!CoverageRules.InBase(organization))
            {
                continue;
            }

            total++;
            switch (organization.PartyOrganization.Kind)
            {
                case PartyOrganizationKind.Single:
                    single++;
                    break;
                case PartyOrganizationKind.Joint:
                    joint++;
                    break;
                case PartyOrganizationKind.Functional:
                    functional++;
                    break;
            }

            if (CoverageRules.IsCovered(organization))
            {
                covered++;
            }
            else if (CoverageRules.MustBeCovered(organization))
            {
                unformed.Add(organization.Name);
            }

            if (CoverageRules.IsWorkCovered(organization))
            {
                workCovered++;
            }

            if (CoverageRules.MustHaveMembers(organization))
            {
                membersRequired.Add(organization.Name);
            }
        }

        unformed.Sort(StringComparer.Ordinal);
        membersRequired.Sort(StringComparer.Ordinal);
        return new CoverageReport(
            scopeName, total, covered, single, joint, functional, workCovered,
            Rate(covered, total), Rate(single, total), Rate(workCovered, total), unformed, membersRequired);
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : (double)count / total;
}
