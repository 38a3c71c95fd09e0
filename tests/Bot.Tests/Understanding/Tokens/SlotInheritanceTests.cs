using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding.Tokens;

public sealed class SlotInheritanceTests
{
    [Fact]
    public void A_clause_naming_no_organisation_or_day_takes_the_ones_said_before_it()
    {
        // "今天去了鹏城数据 | 那边新排查出两名党员 | 然后员工现在是六十五个"
        var filled = SlotInheritance.Fill(
            [FrameType.Visit, FrameType.Discovery, FrameType.Facts],
            [new FrameSlots(0, 0), FrameSlots.None, FrameSlots.None]);
        Assert.Equal([new FrameSlots(0, 0), new FrameSlots(0, 0), new FrameSlots(0, 0)], filled);
    }

    [Fact]
    public void Its_own_slots_win_and_become_the_topic_for_what_follows()
    {
        // "昨天去了顺达快递 | 今天又去了优品超市 | 党员三个"
        var filled = SlotInheritance.Fill(
            [FrameType.Visit, FrameType.Visit, FrameType.Facts],
            [new FrameSlots(0, 0), new FrameSlots(1, 1), FrameSlots.None]);
        Assert.Equal(new FrameSlots(1, 1), filled[2]);
    }

    [Fact]
    public void A_helper_passes_no_organisation_on_but_its_day_carries()
    {
        // "今天恒信建筑党支部派驻帮建 | 联合党支部建好了": the helper is not what the formation is about.
        var filled = SlotInheritance.Fill([FrameType.Helper, FrameType.Formation], [new FrameSlots(0, 0), FrameSlots.None]);
        Assert.Equal(new FrameSlots(-1, 0), filled[1]);
    }

    [Fact]
    public void A_plan_between_two_facts_keeps_the_topic()
    {
        // "今天去了蓝海电商 党员现在八个 | 下周准备帮他们成立党支部 | 职工是一百三十个"
        var filled = SlotInheritance.Fill([FrameType.Visit, FrameType.Plan, FrameType.Facts], [new FrameSlots(0, 0), FrameSlots.None, FrameSlots.None]);
        Assert.Equal(0, filled[2].Organization);
    }

    [Fact]
    public void Slots_must_pair_with_frames() =>
        Assert.Throws<ArgumentException>(() => SlotInheritance.Fill([FrameType.Visit], []));
}
