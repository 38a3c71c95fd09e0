using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

public sealed class VocabularyTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"vocabulary-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(file);

    [Fact]
    public void The_shipped_vocabulary_is_embedded_and_complete()
    {
        var vocabulary = Vocabulary.Default();
        Assert.Contains("走访", vocabulary.VisitVerbs);
        Assert.Equal("pocket", vocabulary.MemberCategories["口袋党员"]);
        Assert.Equal("regional", vocabulary.JointModes["区域联建"]);
        Assert.Contains("律所", vocabulary.Abbreviations["律师事务所"]);
        Assert.Contains("准备", vocabulary.PlanMarkers);
    }

    [Fact]
    public void No_part_of_a_unit_is_also_the_head_of_a_unit_name()
    {
        // A part noun after a ledger name (恒信建筑营业部) is the unit's part, a visit to the unit; the same word as a unit
        // head would read it as a new unit's name (round 20: 营业部 was in both classes).
        var vocabulary = Vocabulary.Default();
        Assert.Empty(vocabulary.UnitPartNouns.Intersect(vocabulary.UnitHeadNouns));
    }

    [Fact]
    public void A_deployment_file_adds_words_without_code()
    {
        File.WriteAllText(file, """{"visit_verbs": ["慰问"], "abbreviations": {"物业管理": ["物管"]}}""");
        var vocabulary = Vocabulary.Load(file);
        var zhang = FixtureLedger.Users()["u_zhang"];
        var now = new DateTimeOffset(2026, 11, 18, 15, 30, 0, TimeSpan.FromHours(8));

        Assert.Contains("走访", vocabulary.VisitVerbs);
        Assert.Empty(new MessageUnderstanding(FixtureLedger.Organizations()).Understand("今天慰问了德润物管", zhang, now).Actions);
        var result = new MessageUnderstanding(FixtureLedger.Organizations(), vocabulary).Understand("今天慰问了德润物管", zhang, now);
        Assert.Equal("深圳市德润物业管理有限公司", Assert.Single(result.Actions).Organization);
    }
}
