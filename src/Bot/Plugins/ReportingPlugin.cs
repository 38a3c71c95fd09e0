using System.ComponentModel;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Plugins;

/// <summary>
/// Recording functions. <see cref="PermissionFilter"/> checks the sender's right to write for every organisation the
/// arguments name before a function runs; the function stages the record in the turn; the turn writes everything staged in one store transaction (RecordAsync with a list) and only then replies.
/// </summary>
public sealed class ReportingPlugin(InstructorStore store, RecordHistory history)
{
    public const string Name = "reporting";

    [KernelFunction("record_visit"), Description("Records that the sender visited (走访) an organisation on a date.")]
    public RecordOutcome RecordVisit(
        KernelArguments arguments,
        [Description("Ledger id of the organisation.")] int organizationId,
        [Description("Day of the visit.")] DateOnly date) =>
        Stage(arguments, ActionKind.Visit, organizationId, org => new Visit { OrganizationId = org.Id, Date = date });

    [KernelFunction("record_member_discovery"), Description("Records party members newly found (发现党员) in an organisation.")]
    public RecordOutcome RecordMemberDiscovery(
        KernelArguments arguments,
        [Description("Ledger id of the organisation.")] int organizationId,
        [Description("Day of the discovery.")] DateOnly date,
        [Description("All members found in this report.")] int count,
        [Description("How they break down: pocket, hidden, flowing, probationary, hired.")] MemberCategories? categories = null) =>
        count <= 0
            ? Refused(ActionKind.MemberDiscovery, organizationId, "发现的党员人数应大于 0。")
            : Stage(arguments, ActionKind.MemberDiscovery, organizationId, org => new MemberDiscovery
            {
                OrganizationId = org.Id,
                Date = date,
                Count = count,
                Categories = categories ?? MemberCategories.None,
            });

    [KernelFunction("record_formation"), Description("Records that a party organisation was formed (组建) for one or more organisations.")]
    public RecordOutcome RecordFormation(
        KernelArguments arguments,
        [Description("Ledger id of the (first) organisation.")] int organizationId,
        [Description("Day of formation.")] DateOnly date,
        [Description("single, joint or functional.")] FormationMethod method,
        [Description("For a joint one: regional, industry, affiliated, dispatched or leading.")] JointMode? jointMode = null,
        [Description("branch, general_branch or committee.")] PartyOrganizationLevel? level = null,
        [Description("Members at formation.")] int? members = null,
        [Description("The secretary's name.")] string? secretary = null,
        [Description("Ledger ids of every unit a joint organisation covers, the first included.")] IReadOnlyList<int>? unitIds = null)
    {
        var turn = TurnContext.From(arguments);
        var ids = (unitIds ?? []).Prepend(organizationId).Distinct().ToList();
        var units = new List<Organization>();
        foreach (var id in ids)
        {
            if (store.FindOrganization(id) is not { } unit)
            {
                return Refused(ActionKind.Formation, organizationId, $"台账中没有编号为 {id} 的单位。");
            }

            units.Add(unit);
        }

        turn.Stage(new Formation
        {
            OrganizationId = organizationId,
            Date = date,
            Method = method,
            JointMode = jointMode,
            Level = level,
            Members = members,
            Secretary = secretary,
            UnitIds = [.. units.Select(u => u.Id)],
            UnitNames = [.. units.Select(u => u.Name)],
        });
        return new RecordOutcome(ActionKind.Formation, organizationId, units[0].Name);
    }

    [KernelFunction("record_work_coverage"), Description("Records party work coverage without a party organisation: an instructor sent, or a trade union, youth league or women's federation formed.")]
    public RecordOutcome RecordWorkCoverage(
        KernelArguments arguments,
        [Description("Ledger id of the organisation.")] int organizationId,
        [Description("Day it happened.")] DateOnly date,
        [Description("instructor, trade_union, youth_league or women_federation.")] WorkCoverageMeasure measure,
        [Description("The instructor's name, for an instructor.")] string? person = null) =>
        Stage(arguments, ActionKind.WorkCoverage, organizationId, org => new WorkCoverage
        {
            OrganizationId = org.Id,
            Date = date,
            Measure = measure,
            Person = person,
        });

    [KernelFunction("update_organization"), Description("Updates an organisation's facts: employees, party members (a total), operating status.")]
    public RecordOutcome UpdateOrganization(
        KernelArguments arguments,
        [Description("Ledger id of the organisation.")] int organizationId,
        [Description("Day the facts were learnt.")] DateOnly date,
        [Description("Employees now.")] int? employees = null,
        [Description("Party members now (a total, not newly found).")] int? partyMembers = null,
        [Description("normal, shell, zombie or deregistered.")] OperatingStatus? status = null) =>
        employees is null && partyMembers is null && status is null
            ? Refused(ActionKind.OrgUpdate, organizationId, "没有要更新的信息（职工人数、党员人数或经营状态）。")
            : employees < 0 || partyMembers < 0
                ? Refused(ActionKind.OrgUpdate, organizationId, "人数不能为负数。")
                : Stage(arguments, ActionKind.OrgUpdate, organizationId, org => new OrganizationUpdate
                {
                    OrganizationId = org.Id,
                    Date = date,
                    Employees = employees,
                    PartyMembers = partyMembers,
                    Status = status,
                });

    [KernelFunction("record_pairing"), Description("Records that a secretary takes on an organisation (一对一帮扶组建).")]
    public RecordOutcome RecordPairing(
        KernelArguments arguments,
        [Description("Ledger id of the organisation.")] int organizationId,
        [Description("Day it was agreed.")] DateOnly date,
        [Description("The helping secretary's name; the sender's own name when omitted.")] string? secretary = null) =>
        Stage(arguments, ActionKind.Pairing, organizationId, org => new Pairing
        {
            OrganizationId = org.Id,
            Date = date,
            Secretary = string.IsNullOrWhiteSpace(secretary) ? TurnContext.From(arguments).Sender.Name : secretary,
        });

    [KernelFunction("record_formation_plan"), Description("Records 一企一策 for a unit that must form a party organisation: the measures, the deadline and the responsible person. The unit's latest plan is its plan.")]
    public RecordOutcome RecordFormationPlan(
        KernelArguments arguments,
        [Description("Ledger id of the organisation.")] int organizationId,
        [Description("Day the plan was set.")] DateOnly date,
        [Description("The measures, as said.")] string measures,
        [Description("The last day by which it is to be done.")] DateOnly? due = null,
        [Description("The responsible person's name.")] string? person = null)
    {
        if (string.IsNullOrWhiteSpace(measures) || (due is null && string.IsNullOrWhiteSpace(person)))
        {
            return Refused(ActionKind.FormationPlan, organizationId, "一企一策需写明措施，以及完成时限或责任人，例如：云启科技计划：12月底前单独组建，责任人张伟。");
        }

        if (store.FindOrganization(organizationId) is { } unit && Store.Figures.CoverageRules.IsCovered(unit))
        {
            return Refused(ActionKind.FormationPlan, organizationId, $"{unit.Name} 已建立党组织（{ChineseFormatOf(unit)}），无需再定一企一策。");
        }

        return Stage(arguments, ActionKind.FormationPlan, organizationId, org => new FormationPlan
        {
            OrganizationId = org.Id,
            Date = date,
            Measures = measures.Trim(),
            Due = due,
            Person = string.IsNullOrWhiteSpace(person) ? null : person.Trim(),
        });
    }

    private static string ChineseFormatOf(Organization unit) => Replies.ChineseFormat.PartyOrganization(unit.PartyOrganization);

    [KernelFunction("undo_last"), Description("Takes back the sender's last write (inside the undo window) and what it changed on the organisations.")]
    public Task<UndoReceipt?> UndoLastAsync(KernelArguments arguments, CancellationToken cancellationToken) =>
        UndoRecentAsync(arguments, 1, cancellationToken);

    [KernelFunction("undo_recent"), Description("Takes back one of the sender's own recent writes: 1 = the last, 2 = the one before (as listed by \"我最近的登记\"), inside the undo window.")]
    public async Task<UndoReceipt?> UndoRecentAsync(
        KernelArguments arguments,
        [Description("Which write, counting from 1 for the newest.")] int number,
        CancellationToken cancellationToken)
    {
        var turn = TurnContext.From(arguments);
        if (number < 1 || history.Recent(turn.Sender.Id, turn.Now, number) is not { } recent || recent.Count < number)
        {
            return null;
        }

        return await store.UndoAsync(turn.Sender.Id, recent[number - 1].Entry.Id, cancellationToken);
    }

    private RecordOutcome Stage(KernelArguments arguments, ActionKind kind, int organizationId, Func<Organization, RecordRequest> record)
    {
        var turn = TurnContext.From(arguments);
        if (store.FindOrganization(organizationId) is not { } organization)
        {
            return Refused(kind, organizationId, $"台账中没有编号为 {organizationId} 的单位。");
        }

        turn.Stage(record(organization));
        return new RecordOutcome(kind, organizationId, organization.Name);
    }

    private static RecordOutcome Refused(ActionKind kind, int organizationId, string reason, string name = "") =>
        new(kind, organizationId, name, reason);
}
