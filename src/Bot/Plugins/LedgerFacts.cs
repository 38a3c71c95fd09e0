using InstructorBot.Bot.Understanding;
using InstructorBot.Knowledge.Formation;
using InstructorBot.Store.Domain;
using KnowledgeOrganizationType = InstructorBot.Knowledge.Formation.OrganizationType;
using StoreOrganizationType = InstructorBot.Store.Domain.OrganizationType;
using AdvisedMethod = InstructorBot.Knowledge.Formation.FormationMethod;

namespace InstructorBot.Bot.Plugins;

/// <summary>
/// The ledger's facts about the one organisation a question names, for the formation advisor. Facts the
/// question states itself override these (the advisor's <c>OverriddenBy</c>); Knowledge never sees the store.
/// </summary>
public static class LedgerFacts
{
    /// <summary>The facts of the single ledger organisation the question names; null when it names none, or several.</summary>
    public static OrganizationFacts? For(string question, OrganizationIndex index)
    {
        // "宏图贸易旁边新开了一家五金小厂": an organisation named as a landmark is not the one asked about.
        var named = index.FindMentions(question)
            .Where(m => !Landmark(question, m.Start + m.Length))
            .Select(m => m.Organization)
            .OfType<Organization>()
            .DistinctBy(o => o.Id)
            .ToList();
        return named.Count == 1 ? From(named[0]) : null;
    }

    private static readonly string[] NeighbourWords = ["旁边", "隔壁", "对面", "附近", "边上", "楼上", "楼下"];

    /// <summary>A neighbour word, then a unit introduced (一家, 有家, 开了家…), right after the name: the name is a landmark.</summary>
    private static bool Landmark(string question, int end)
    {
        var rest = question[end..].TrimStart();
        var neighbour = NeighbourWords.FirstOrDefault(w => rest.StartsWith(w, StringComparison.Ordinal));
        if (neighbour is null)
        {
            return false;
        }

        var after = rest[neighbour.Length..];
        var unit = after.IndexOf('家');
        return unit is >= 0 and <= 6 && after[..unit].IndexOfAny(['，', ',', '。']) < 0;
    }

    public static OrganizationFacts From(Organization organization) => new(
        Name: organization.Name,
        Type: organization.Type == StoreOrganizationType.Enterprise ? KnowledgeOrganizationType.Enterprise : KnowledgeOrganizationType.SocialOrg,
        Industry: organization.Industry,
        Employees: organization.Employees,
        PartyMembers: organization.PartyMembers,
        CurrentOrganization: organization.PartyOrganization.Kind switch
        {
            PartyOrganizationKind.Single => AdvisedMethod.Single,
            PartyOrganizationKind.Joint => AdvisedMethod.Joint,
            PartyOrganizationKind.Functional => AdvisedMethod.Functional,
            _ => null,
        },
        Dormant: organization.Status is OperatingStatus.Shell or OperatingStatus.Zombie ? true : null,
        Deregistered: organization.Status == OperatingStatus.Deregistered ? true : null);
}
