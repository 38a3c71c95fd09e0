using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// The campaign's nouns typed as pinyin initials (round 24: bl's first run, a secretary typing dy for 党员, failed on every
/// such message). The text keeps its length, so every position the readers take stays valid.
/// </summary>
public sealed class PinyinInitialismsTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("职工131 dy0", "职工131 党员0")]
    [InlineData("流动DY6 关系都在外省", "流动党员6 关系都在外省")]
    [InlineData("今天党dzb成立了", "今天党党支部成立了")]
    [InlineData("老板说DJ的事年后再聊", "老板说党建的事年后再聊")]
    [InlineData("dzz还没建", "党组织还没建")]
    public void A_whole_run_of_initials_becomes_its_noun_and_the_text_keeps_its_length(string typed, string read)
    {
        var normalized = TextNormalizer.Normalize(typed);
        Assert.Equal(read, normalized);
        Assert.Equal(typed.Length, normalized.Length);
    }

    [Theory]
    [InlineData("dyson吸尘器")] // letters on either side: not a run of initials
    [InlineData("直播zb今天开了")] // zb is 直播 as often as 支部: left alone
    [InlineData("sj说下周再去")]
    [InlineData("ok")]
    public void Other_letters_are_left_as_typed_lower_case(string typed) =>
        Assert.Equal(typed.ToLowerInvariant(), TextNormalizer.Normalize(typed));

    [Fact]
    public void A_total_typed_as_dy_is_read_as_the_party_member_total()
    {
        var reading = Understanding.Understand("走访智联物流，职工131，dy0，智总在，态度积极", FixtureLedger.Users()["u_zhao"], Now);
        var update = Assert.Single(reading.Actions, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(0, update.PartyMembers);
        Assert.Equal(131, update.Employees);
    }
}
