using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 17, branch r17-ufind: members found, their categories and counts, said in other words (docs/understanding.md,
/// round 17). One member's category said in the clauses after him; 呢 of a lasting state asks nothing; a relation not
/// transferred is pocket even where it is kept at home, one kept elsewhere with the member working here is flowing; a hired
/// group told part by part; find verbs by their result and hires by transfer. Units and wordings other than the evidence's
/// (a–ao) and the branch batch's (tests/data/understanding-r17-ufind.jsonl), with controls.
/// </summary>
public sealed class MemberFoundClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 11, 17, 0, 0, TimeSpan.FromHours(8));

    private static UnderstoodAction? Found(string text) =>
        Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions.FirstOrDefault(a => a.Kind == ActionKind.MemberDiscovery);

    [Theory]
    [InlineData("金桥投资今天找到一个党员，组织关系还揣在兜里呢")]
    [InlineData("宏图贸易发现一名党员，关系还在四川老家没转过来")]
    public void One_members_relation_held_or_not_transferred_is_pocket(string text)
    {
        var found = Assert.IsType<UnderstoodAction>(Found(text));
        Assert.Equal(1, found.Count);
        Assert.Equal(1, found.Categories?.Pocket);
    }

    [Fact]
    public void A_relation_kept_elsewhere_with_the_member_working_here_is_flowing()
    {
        var found = Assert.IsType<UnderstoodAction>(Found("宏图贸易发现一名党员，关系在四川老家，人在这边上班"));
        Assert.Equal(1, found.Categories?.Flowing);
        Assert.Equal(0, found.Categories?.Pocket);
    }

    [Fact]
    public void A_question_ending_in_ne_is_still_a_question()
    {
        Assert.Null(Found("金桥投资有几个党员呢"));
    }

    [Fact]
    public void A_hired_group_is_told_about_part_by_part()
    {
        var found = Assert.IsType<UnderstoodAction>(Found("云启网络新招了三个，都是党员，其中一个是预备的"));
        Assert.Equal(3, found.Count);
        Assert.Equal(3, found.Categories?.Hired);
        Assert.Equal(1, found.Categories?.Probationary);
    }

    [Theory]
    [InlineData("宏图贸易又问出来两个党员", 2)]
    [InlineData("金桥投资挖出来一个党员", 1)]
    public void Find_verbs_by_their_result_find_members(string text, int count)
    {
        Assert.Equal(count, Assert.IsType<UnderstoodAction>(Found(text)).Count);
    }

    [Fact]
    public void A_member_transferred_in_is_hired_and_one_just_admitted_is_probationary()
    {
        Assert.Equal(1, Found("宏图贸易新调来一个党员")?.Categories?.Hired);
        Assert.Equal(1, Found("金桥投资挖出来一个党员 刚入党的")?.Categories?.Probationary);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // 0.800 through the CLI (first run 0.600): uf17-01, uf17-11, uf17-16, uf17-17 and uf17-20 miss (docs/understanding.md).
        var score = UnderstandingScorer.EvaluateFile("understanding-r17-ufind.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.76, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
