using InstructorBot.Bot.Plugins;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Knowledge;

/// <summary>The ledger's facts handed to the formation advisor for an organisation a question names.</summary>
public sealed class LedgerFactsTests
{
    [Theory]
    [InlineData(OperatingStatus.Normal, null, null)]
    [InlineData(OperatingStatus.Shell, true, null)]
    [InlineData(OperatingStatus.Zombie, true, null)]
    [InlineData(OperatingStatus.Deregistered, null, true)]
    public void The_operating_status_becomes_dormant_or_deregistered(OperatingStatus status, bool? dormant, bool? deregistered)
    {
        var facts = LedgerFacts.From(new Organization
        {
            Id = 7, Name = "深圳市甲乙科技有限公司", Type = OrganizationType.Enterprise, Employees = 60, PartyMembers = 3, Status = status,
        });

        Assert.Equal(dormant, facts.Dormant);
        Assert.Equal(deregistered, facts.Deregistered);
        Assert.Equal(3, facts.PartyMembers);
        Assert.Equal(60, facts.Employees);
    }
}
