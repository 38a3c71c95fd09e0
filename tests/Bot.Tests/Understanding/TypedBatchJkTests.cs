using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r6-u2jk (typed batches j and k), each as a class: a breakdown by scope (请按街道/分社区/各街道 + a progress
/// request) names no scope, whatever the word before the preposition; a found member said to be hired a few words after 是
/// (是从别的单位招聘过来的) is a hired member, for every hire verb; a colloquial formation verb with its measure (搞了个/弄了个
/// + 支部) forms the body, and says nothing of an activity; a secretary elected with the honorific (杨光同志当选书记).
/// </summary>
public sealed class TypedBatchJkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 12, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly Vocabulary Words = Vocabulary.Default();
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static UnderstandingResult Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now);

    public static IEnumerable<object[]> Breakdowns() =>
        from lead in new[] { "请", "麻烦", "帮我", "再" }
        from preposition in new[] { "按", "分" }
        from level in new[] { "街道", "社区" }
        from request in new[] { "统计一下上周全区走访了多少家", "列一下全区覆盖率" }
        select new object[] { $"{lead}{preposition}{level}{request}" };

    [Theory]
    [MemberData(nameof(Breakdowns))]
    public void A_breakdown_by_scope_names_no_scope(string text)
    {
        var result = Read(text);
        var query = Assert.Single(result.Actions);
        Assert.Equal(ActionKind.ProgressQuery, query.Kind);
        Assert.Null(query.Scope);
    }

    public static IEnumerable<object[]> HireVerbs() =>
        Words.HireVerbs.Where(v => !v.EndsWith('了')).Distinct().Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(HireVerbs))]
    public void A_found_member_said_to_be_hired_from_elsewhere_is_hired(string verb)
    {
        var result = Read($"德润物业今天又找到一名党员，是从别的单位{verb}的");
        var found = Assert.Single(result.Actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Equal(1, found.Count);
        Assert.Equal(1, found.Categories?.Hired);
    }

    public static IEnumerable<object[]> MeasuredFormationVerbs() =>
        Words.FormationVerbs.Where(v => v.EndsWith('个')).Distinct().Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(MeasuredFormationVerbs))]
    public void A_colloquial_verb_with_a_measure_forms_a_branch(string verb)
    {
        var result = Read($"安捷电子自己单独{verb}支部，五个党员都进来了，书记叫安立新");
        var formation = Assert.Single(result.Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal(("深圳市安捷电子有限公司", "安立新"), (formation.Organization, formation.Secretary));

        Assert.DoesNotContain(Read($"安捷电子上周{verb}联谊活动").Actions, a => a.Kind == ActionKind.Formation);
    }

    [Theory]
    [InlineData("杨光")]
    [InlineData("林晓东")]
    [InlineData("欧阳明")]
    public void A_secretary_elected_with_the_honorific_is_the_name(string name)
    {
        var result = Read($"安捷电子今天召开党员大会，单独成立了党支部，{name}同志当选书记");
        var formation = Assert.Single(result.Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal(name, formation.Secretary);
    }
}
