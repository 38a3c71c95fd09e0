using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Which writes are surprising enough to show and ask about before making them (<see cref="ConfirmOptions"/>): a member
/// total going down or jumping, a staff figure under half the ledger's, a status of 空壳/僵尸/注销, an organisation the ledger lacks, a formation on a unit that
/// has one, a reading understanding doubts. Pure: the caller passes the ledger's organisation (no store access here).
/// </summary>
public sealed class ConfirmPolicy(IOptions<ConversationOptions> options)
{
    private ConfirmOptions Rules => options.Value.Confirm;

    /// <summary>The reasons to ask before writing <paramref name="action"/> for <paramref name="organization"/> (null when the ledger lacks it); empty for "write at once".</summary>
    public IReadOnlyList<ConfirmReason> Check(UnderstoodAction action, Organization? organization)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!action.IsRecord)
        {
            return [];
        }

        var rules = Rules;
        var reasons = new List<ConfirmReason>();
        if (rules.Doubtful && action.Doubtful)
        {
            reasons.Add(ConfirmReason.Doubtful);
        }

        if (rules.UnknownOrganization && action.HeardAs is not null && action.OrganizationId is not null)
        {
            reasons.Insert(0, ConfirmReason.NearName);
        }

        if (organization is null)
        {
            if (rules.UnknownOrganization && action.OrganizationId is null && action.Candidates.Count == 0 && action.Organization is { Length: > 0 })
            {
                reasons.Add(ConfirmReason.UnknownOrganization);
            }

            return reasons;
        }

        if (action.Kind == ActionKind.OrgUpdate && action.PartyMembers is { } members && members != organization.PartyMembers)
        {
            var was = organization.PartyMembers;
            if (rules.MemberDecrease && members < was)
            {
                reasons.Add(ConfirmReason.MemberDecrease);
            }
            else if (rules.MemberChangeRatio > 0 && was > 0 && Math.Abs(members - was) > rules.MemberChangeRatio * was)
            {
                reasons.Add(ConfirmReason.MemberJump);
            }
        }

        if (action.Kind == ActionKind.OrgUpdate && action.Employees is { } staff && organization.Employees is { } before
            && rules.EmployeeDropRatio > 0 && staff < rules.EmployeeDropRatio * before)
        {
            reasons.Add(ConfirmReason.EmployeeDrop);
        }

        if (action.Kind == ActionKind.OrgUpdate && action.Status is { } status && status != organization.Status && (rules.Statuses ?? ConfirmOptions.DefaultStatuses).Contains(status))
        {
            reasons.Add(ConfirmReason.Status);
        }

        if (action.Kind == ActionKind.Formation && rules.ExistingFormation && organization.PartyOrganization.IsFormed)
        {
            reasons.Add(ConfirmReason.FormationExists);
        }

        return reasons;
    }
}
