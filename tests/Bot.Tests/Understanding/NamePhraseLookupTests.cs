using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A message that is only a unit's name and one of its facts ("云启科技的情况") asks for the card, punctuated or not
/// (issue 13: the bot's own help example failed without ？); a report that says the same words is still a report.
/// </summary>
public sealed class NamePhraseLookupTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text) => understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now);

    [Theory]
    [InlineData("云启科技的情况")]
    [InlineData("云启科技情况")]
    [InlineData("云启科技的基本情况？")]
    [InlineData("蓝海电商的台账")]
    [InlineData("青禾文化的党组织情况吧")]
    public void A_name_and_one_of_its_facts_is_a_lookup(string text)
    {
        var lookup = Assert.Single(Understand(text).Actions);
        Assert.Equal(ActionKind.OrgLookup, lookup.Kind);
        Assert.NotNull(lookup.Organization);
    }

    [Fact]
    public void A_report_that_says_the_same_words_is_still_a_report()
    {
        var actions = Understand("今天去云启科技了解情况").Actions;
        Assert.Equal(ActionKind.Visit, Assert.Single(actions).Kind);
    }

    [Theory]
    [InlineData("这个月组建了哪些？")]
    [InlineData("上周新成立了哪几个党组织")]
    public void Which_units_formed_in_a_window_is_a_progress_question(string text)
    {
        var query = Assert.Single(Understand(text).Actions);
        Assert.Equal((ActionKind.ProgressQuery, ProgressMetric.Formations), (query.Kind, query.Metric));
    }
}
