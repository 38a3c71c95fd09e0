using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 16, branch r16-ufacts: members found and figures said in other words, read as classes over units and wordings they
/// were not written from (docs/understanding.md, round 16): a total said now after an earlier figure (现在就剩, 现在一共) and
/// the earlier figure left out (原来), staff said as parts to add (另外还有) with a part left out (不算), a group said to be
/// members of a category by a description (一直没跟老板提过自己是党员), people hired then said to be members (也都是党员), members
/// told one by one after a heading that is a report (排查出两名党员：一位…；另一位…), and 党员 as the topic before a find verb.
/// Each with controls: plans, a figure of members after an adding word, an earlier figure alone.
/// </summary>
public sealed class MemberFigureClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 18, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Short name and ledger name (none of them a unit of the branch batch).</summary>
    public static readonly TheoryData<string, string> Units = new()
    {
        { "云启科技", "深圳市云启科技有限公司" },
        { "微光软件", "深圳市微光软件有限公司" },
        { "优品超市", "深圳市优品连锁超市有限公司" },
        { "华鼎精密", "深圳市华鼎精密制造有限公司" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text) =>
        Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    private static UnderstoodAction One(string text, ActionKind kind, string name) =>
        Assert.Single(Read(text), a => a.Kind == kind && a.Organization == name);

    [Theory]
    [MemberData(nameof(Units))]
    public void A_total_said_now_replaces_the_earlier_figure_and_what_is_left_is_asked(string unit, string name)
    {
        var left = One($"{unit}原来有四个党员，退休了一个，现在就剩三个了", ActionKind.OrgUpdate, name);
        Assert.Equal((3, true), (left.PartyMembers, left.Doubtful));
        var read = Read($"{unit}又挖出来一个党员，加上以前的两个，现在一共三个");
        Assert.Equal(1, Assert.Single(read, a => a.Kind == ActionKind.MemberDiscovery).Count);
        Assert.Equal(3, Assert.Single(read, a => a.Kind == ActionKind.OrgUpdate).PartyMembers);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void An_earlier_figure_alone_is_no_total_now(string unit, string _)
    {
        Assert.DoesNotContain(Read($"{unit}原来三个党员，调走了一个"), a => a.PartyMembers is not null);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Staff_said_as_parts_are_summed_leaving_out_a_part_not_counted(string unit, string name)
    {
        var summed = One($"{unit}合同工52人，另外还有6个实习生，劳务派遣的不算", ActionKind.OrgUpdate, name);
        Assert.Equal((58, true), (summed.Employees, summed.Doubtful));
        Assert.Equal(52, One($"{unit}合同工52人，另外还有十几个临时的", ActionKind.OrgUpdate, name).Employees);
        Assert.Equal(52, One($"{unit}合同工52人，另外还有2个党员", ActionKind.OrgUpdate, name).Employees);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_group_described_as_not_having_told_the_unit_is_found_hidden(string unit, string name)
    {
        var found = One($"{unit}有两个会计一直没跟老板提过自己是党员，这次主动说了", ActionKind.MemberDiscovery, name);
        Assert.Equal((2, 2), (found.Count, found.Categories?.Hidden));
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void People_hired_then_said_to_be_members_are_hired_members(string unit, string name)
    {
        var hired = One($"{unit}前天招进来两个设计师，也都是党员", ActionKind.MemberDiscovery, name);
        Assert.Equal((2, 2), (hired.Count, hired.Categories?.Hired));
        Assert.DoesNotContain(Read($"{unit}下个月准备招两个设计师，最好都是党员"), a => a.Kind == ActionKind.MemberDiscovery);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Members_told_one_by_one_after_a_report_heading_are_its_breakdown(string unit, string name)
    {
        var found = One($"{unit}今天排查出两名党员：一位是仓库主管，介绍信一直揣在身上没交；另一位还在预备期", ActionKind.MemberDiscovery, name);
        Assert.Equal((2, 1, 1), (found.Count, found.Categories?.Pocket, found.Categories?.Probationary));
        Assert.DoesNotContain(Read($"{unit}今天排查出两名党员：一位是仓库主管，介绍信一直揣在身上没交；另一位还在预备期"), a => a.Kind == ActionKind.OrgUpdate);
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Members_as_the_topic_before_a_find_verb_are_found(string unit, string name)
    {
        Assert.Equal(2, One($"{unit}那边党员又找到两个", ActionKind.MemberDiscovery, name).Count);
    }
}
