using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Branch r6-u2jk (typed batches j and k), each as a class: a breakdown by scope (请按街道/分社区/各街道 + a progress
/// request) names no scope, whatever the word before the preposition.
/// </summary>
public sealed class TypedBatchJkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 12, 16, 0, 0, TimeSpan.FromHours(8));
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
}
