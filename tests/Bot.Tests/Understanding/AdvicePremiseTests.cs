using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// The premise of an advice question: a bare count of people said beside the unit's member figure (either order, separators
/// between) is the head count the advice reads; outside advice such a count writes nothing as a head count.
/// </summary>
public sealed class AdvicePremiseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 9, 18, 30, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text) =>
        Understanding.Understand(text, FixtureLedger.Users()["u_li"], Now).Actions;

    [Theory]
    [InlineData("顺达快递四十人三个党员，建议怎么建？", 40, 3)]
    [InlineData("顺达快递现在三个党员 四十个人 适合单建还是联建", 40, 3)]
    [InlineData("顺达快递就俩党员五十个人你看该咋建", 50, 2)]
    [InlineData("顺达快递我来帮扶，60人，1名党员，走哪种方式合适？", 60, 1)]
    public void A_people_count_beside_the_member_figure_is_the_head_count_of_the_advice(string text, int employees, int members)
    {
        var advice = Assert.Single(Read(text), a => a.Kind == ActionKind.FormationAdvice);
        Assert.Equal((employees, members), (advice.Employees, advice.PartyMembers));
    }

    [Fact]
    public void An_approximate_people_count_is_left_out()
    {
        var advice = Assert.Single(Read("顺达快递三个党员 四十来个人 适合怎么建"), a => a.Kind == ActionKind.FormationAdvice);
        Assert.Null(advice.Employees);
    }

    [Fact]
    public void Outside_advice_a_bare_people_count_beside_members_is_no_head_count()
    {
        Assert.DoesNotContain(Read("今天顺达快递开会来了10个人2个党员"), a => a.Employees == 10);
    }
}
