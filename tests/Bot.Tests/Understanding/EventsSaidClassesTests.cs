using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 20, branch r20-uevents: which events a message reports (docs/understanding.md, round 20). People counted with a staff
/// noun, then found (又找到两个设计师是党员) or declaring themselves members (说自己是党员), are the find's members; a head count
/// right before a verb of showing is the people shown, not the staff; a figure said as the total now after a find's count is
/// the unit's total, not part of the find; a later message that restates an earlier find's members (那俩不是口袋的 是隐形党员)
/// takes the record back and records the find as meant; an instructor sent (派了一名专职指导员) is no head count. Units and wordings other than the evidence's (a–au) and the branch
/// batch's (tests/data/understanding-r20-uevents.jsonl), with controls; each checked through the CLI first.
/// </summary>
public sealed class EventsSaidClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 15, 18, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<UnderstoodAction> Read(string text) =>
        Understanding.Understand(text, FixtureLedger.Users()["u_liu"], Now).Actions;

    private static UnderstoodAction? Of(string text, ActionKind kind) => Read(text).FirstOrDefault(a => a.Kind == kind);

    [Fact]
    public void People_found_and_said_to_be_members_are_the_finds_count()
    {
        var found = Assert.IsType<UnderstoodAction>(Of("青禾文化又找到两个设计师是党员", ActionKind.MemberDiscovery));
        Assert.Equal(2, found.Count);
        Assert.Null(Of("青禾文化又找到两个设计师是党员", ActionKind.OrgUpdate));
    }

    [Fact]
    public void People_declaring_themselves_members_are_found()
    {
        var found = Assert.IsType<UnderstoodAction>(Of("蓝海跨境有三个员工主动说自己是党员，都是流动的", ActionKind.MemberDiscovery));
        Assert.Equal(3, found.Count);
        Assert.Equal(3, found.Categories?.Flowing);
    }

    [Fact]
    public void People_said_plainly_to_be_members_stay_a_fact()
    {
        Assert.Null(Of("青禾文化有两个员工是党员", ActionKind.MemberDiscovery));
    }

    [Fact]
    public void A_head_count_right_before_a_verb_of_showing_is_the_people_shown()
    {
        // The rules alone leave the find to the second reader here (the CLI gives count 2, pocket 1, probationary 1, asked):
        // what they must not give is the staff figure 2.
        Assert.Null(Of("汇通汽车两个工作人员主动亮了身份：一个是预备党员，另一个是口袋党员", ActionKind.OrgUpdate));
    }

    [Fact]
    public void A_head_count_in_a_clause_of_its_own_stays_the_staff()
    {
        Assert.Equal(80, Of("汇通汽车员工八十个，今天有两个亮明了身份", ActionKind.OrgUpdate)?.Employees);
    }

    [Fact]
    public void An_instructor_sent_is_no_head_count()
    {
        Assert.Null(Of("街道给宏图贸易派了一名专职指导员", ActionKind.OrgUpdate));
        Assert.NotNull(Of("街道给宏图贸易派了一名专职指导员", ActionKind.WorkCoverage));
        Assert.Equal(6, Of("宏图贸易专职人员6名", ActionKind.OrgUpdate)?.Employees); // control: the staff said with 专职
    }

    [Fact]
    public void A_total_now_after_a_find_is_the_units_total()
    {
        const string text = "恒信建筑又找到一个党员 现在一共四个了";
        Assert.Equal(1, Of(text, ActionKind.MemberDiscovery)?.Count);
        Assert.Equal(4, Of(text, ActionKind.OrgUpdate)?.PartyMembers);
        // control: parts after a find's count are still its breakdown
        var parts = Assert.IsType<UnderstoodAction>(Of("恒信建筑发现两个党员 一个预备的一个流动的", ActionKind.MemberDiscovery));
        Assert.Equal(2, parts.Count);
        Assert.Equal(1, parts.Categories?.Flowing);
    }

    [Fact]
    public void An_earlier_finds_members_restated_are_undone_and_recorded_as_meant()
    {
        var actions = Read("哦刚才说错了 青禾文化那俩不是口袋的 是隐形党员");
        Assert.Equal([ActionKind.Undo, ActionKind.MemberDiscovery], actions.Select(a => a.Kind));
        Assert.Equal(2, actions[1].Count);
        Assert.Equal(2, actions[1].Categories?.Hidden);
        Assert.Equal("深圳市青禾文化传媒有限公司", actions[1].Organization);
    }

    [Fact]
    public void People_pointed_at_with_no_category_restate_no_find()
    {
        Assert.Null(Of("刚才说错了 那俩人是我们社区的", ActionKind.MemberDiscovery));
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // 0.920 through the CLI (first run on main 0.920, the same two misses: ue20-07's category, ue20-20; docs/understanding.md).
        var score = UnderstandingScorer.EvaluateFile("understanding-r20-uevents.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.88, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
