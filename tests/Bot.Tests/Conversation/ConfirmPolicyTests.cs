using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>The rules that make a write wait for 确认, each against the ledger's organisation, and their configuration.</summary>
public sealed class ConfirmPolicyTests
{
    private static readonly Organization Unit = new()
    {
        Id = 7, Name = "深圳市示例科技有限公司", PartyMembers = 10, Employees = 100, Status = OperatingStatus.Normal,
    };

    private static IReadOnlyList<ConfirmReason> Check(UnderstoodAction action, Organization? organization = null, ConfirmOptions? options = null) =>
        new ConfirmPolicy(Options.Create(new ConversationOptions { Confirm = options ?? new ConfirmOptions() })).Check(action, organization ?? Unit);

    private static UnderstoodAction Update(int? members = null, OperatingStatus? status = null) =>
        new(ActionKind.OrgUpdate) { OrganizationId = Unit.Id, PartyMembers = members, Status = status };

    [Theory]
    [InlineData(9, ConfirmReason.MemberDecrease)]
    [InlineData(0, ConfirmReason.MemberDecrease)]
    [InlineData(16, ConfirmReason.MemberJump)]
    public void A_member_total_going_down_or_jumping_by_more_than_half_is_confirmed(int members, ConfirmReason reason) =>
        Assert.Equal([reason], Check(Update(members)));

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(15)]
    public void A_member_total_that_grows_by_half_or_less_is_written_at_once(int members) =>
        Assert.Empty(Check(Update(members)));

    [Theory]
    [InlineData(OperatingStatus.Shell)]
    [InlineData(OperatingStatus.Zombie)]
    [InlineData(OperatingStatus.Deregistered)]
    public void A_status_of_shell_zombie_or_deregistered_is_confirmed(OperatingStatus status) =>
        Assert.Equal([ConfirmReason.Status], Check(Update(status: status)));

    [Fact]
    public void The_confirmed_statuses_are_configuration() =>
        Assert.Empty(Check(Update(status: OperatingStatus.Shell), options: new ConfirmOptions { Statuses = [OperatingStatus.Deregistered] }));

    [Fact]
    public void A_formation_on_a_unit_with_a_party_organisation_is_confirmed_and_on_one_without_is_not()
    {
        var formation = new UnderstoodAction(ActionKind.Formation) { OrganizationId = Unit.Id };
        var formed = Unit with { PartyOrganization = new PartyOrganization { Kind = PartyOrganizationKind.Single } };

        Assert.Equal([ConfirmReason.FormationExists], Check(formation, formed));
        Assert.Empty(Check(formation));
    }

    /// <summary>Round 11 (r11-safety): a staff figure under half the ledger's is most often a part's or another noun's.</summary>
    [Theory]
    [InlineData(49, true)]
    [InlineData(2, true)]
    [InlineData(50, false)]
    [InlineData(120, false)]
    public void A_staff_figure_under_half_the_ledgers_is_confirmed_unless_the_rule_is_off(int employees, bool asked)
    {
        var update = new UnderstoodAction(ActionKind.OrgUpdate) { OrganizationId = Unit.Id, Employees = employees };

        Assert.Equal(asked ? [ConfirmReason.EmployeeDrop] : [], Check(update));
        Assert.Empty(Check(update, options: new ConfirmOptions { EmployeeDropRatio = 0 }));
    }

    [Fact]
    public void A_doubtful_reading_is_confirmed_unless_the_rule_is_off()
    {
        var visit = new UnderstoodAction(ActionKind.Visit) { OrganizationId = Unit.Id, Doubtful = true };

        Assert.Equal([ConfirmReason.Doubtful], Check(visit));
        Assert.Empty(Check(visit, options: new ConfirmOptions { Doubtful = false }));
    }

    [Fact]
    public void A_record_for_an_organisation_the_ledger_lacks_is_confirmed_and_a_lookup_never_is()
    {
        var policy = new ConfirmPolicy(Options.Create(new ConversationOptions()));

        Assert.Equal([ConfirmReason.UnknownOrganization], policy.Check(new UnderstoodAction(ActionKind.Visit) { Organization = "云起科技" }, null));
        Assert.Empty(policy.Check(new UnderstoodAction(ActionKind.OrgLookup) { Organization = "云起科技" }, null));
    }
}
