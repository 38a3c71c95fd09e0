using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r6-u2jk (typed batches j and k), each as a class: a breakdown by scope (请按街道/分社区/各街道 + a progress
/// request) names no scope, whatever the word before the preposition; a found member said to be hired a few words after 是
/// (是从别的单位招聘过来的) is a hired member, for every hire verb.
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
}
