using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A workplace said as a place (厂里, 店里头, 所里面: <see cref="Vocabulary.UnitPlaceNouns"/> with a place suffix) is a staff
/// word, but a figure said with 党员 after it is the members' figure, not the staff's: "厂里有两个党员" is two members and
/// no head count (it was read as both, a wrong staff figure of 2). The figure belongs to the noun it is said with.
/// </summary>
public sealed class WorkplaceFigureTests
{
    private const string Qinghe = "深圳市青禾文化传媒有限公司";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    public static IEnumerable<object[]> Workplaces() =>
        Vocabulary.Default().UnitPlaceNouns.Distinct().SelectMany(noun => Vocabulary.PlaceSuffixes.Take(3).Select(suffix => new object[] { noun + suffix }));

    [Theory]
    [MemberData(nameof(Workplaces))]
    public void Members_said_after_a_workplace_are_members_not_staff(string workplace)
    {
        var update = Assert.Single(Read($"今天去了青禾文化 {workplace}有两个党员"), a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(2, update.PartyMembers);
        Assert.Null(update.Employees);
        Assert.Equal(Qinghe, update.Organization);
    }

    [Theory]
    [MemberData(nameof(Workplaces))]
    public void A_head_count_after_a_workplace_is_still_the_staff(string workplace)
    {
        var update = Assert.Single(Read($"今天去了青禾文化 {workplace}一百二十人 党员两个"), a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(120, update.Employees);
        Assert.Equal(2, update.PartyMembers);
    }
}
