using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 15, branch r15-ukinds (docs/understanding.md): a question over a way or level of forming (是不是必须单独建, 要不要升成
/// 党委, 从哪下手) with the unit's facts before it asks for advice, its figures the premise and no update; a case supposed
/// (要是党员到8个了) is the premise too. And the second opinion's retake leaves a request the rules read by its own frame alone.
/// </summary>
public sealed class AdviceWithFactsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 17, 20, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A unit (short name, ledger name), the members and staff said.</summary>
    public static readonly TheoryData<string, string, int, int> Units = new()
    {
        { "华鼎物流", "深圳市华鼎物流有限公司", 3, 75 },
        { "正衡律所", "广东正衡律师事务所", 4, 32 },
        { "优品超市", "深圳市优品连锁超市有限公司", 2, 140 },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    [Theory]
    [MemberData(nameof(Units))]
    public void A_question_over_a_way_or_level_of_forming_after_the_units_facts_is_advice_with_the_facts_as_premise(string unit, string name, int members, int staff)
    {
        foreach (var said in (string[])[
            $"{unit}{staff}个职工 党员{members}个 是不是只能先挂靠？",
            $"{unit}党员{members}个了 要不要升成党委",
            $"{unit}{staff}个职工 党员{members}个 该从哪下手"])
        {
            var advice = Assert.Single(Read(said));
            Assert.Equal(ActionKind.FormationAdvice, advice.Kind);
            Assert.Equal(name, advice.Organization);
            Assert.Equal(members, advice.PartyMembers);
        }
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void A_case_supposed_before_an_advice_question_is_its_premise(string unit, string name, int members, int staff)
    {
        _ = staff;
        var advice = Assert.Single(Read($"{unit}要是党员到{members + 5}个了，能单独建吗？"));
        Assert.Equal(ActionKind.FormationAdvice, advice.Kind);
        Assert.Equal(name, advice.Organization);
        Assert.Equal(members + 5, advice.PartyMembers);
    }

    [Fact]
    public void A_request_read_by_its_own_frame_is_not_retaken_and_costs_no_prediction()
    {
        var opinion = new SecondOpinion(() => throw new InvalidOperationException("no prediction expected")) { RetakeAbove = 0.3f };
        var reading = new UnderstandingResult([new UnderstoodAction(ActionKind.ProgressQuery) { Metric = ProgressMetric.Coverage }], []);
        Assert.Same(reading, opinion.Retake(reading, "坂田街道覆盖率是多少", null, (_, _) => null));
        var record = new UnderstandingResult([new UnderstoodAction(ActionKind.Visit) { Organization = "深圳市云启科技有限公司" }], []);
        Assert.Same(record, opinion.Retake(record, "今天走访了云启科技 查一下", null, (_, _) => null));
    }
}
