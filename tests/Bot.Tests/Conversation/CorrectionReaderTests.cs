using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Understanding;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>Which messages correct the last record, and what they put in place; reports and undo requests are left to understanding.</summary>
public sealed class CorrectionReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private readonly CorrectionReader reader = new(Vocabulary.Default(), new MessageUnderstanding(FixtureLedger.Organizations()));

    [Theory]
    [InlineData("不对，是4名", 4, CorrectionField.Members)]
    [InlineData("刚才说错了，是2名党员", 2, CorrectionField.Members)]
    [InlineData("不对，党员是3名", 3, CorrectionField.Members)]
    [InlineData("人数写错了，是35人", 35, CorrectionField.Unnamed)]
    [InlineData("职工人数写错了 应该是六十五人", 65, CorrectionField.Employees)]
    public void A_corrected_count_is_read_with_the_figure_it_names(string text, int count, CorrectionField field)
    {
        var correction = reader.Read(text, Today);

        Assert.NotNull(correction);
        Assert.Equal(count, correction.Count);
        Assert.Equal(field, correction.Field);
        Assert.Null(correction.Date);
    }

    [Theory]
    [InlineData("刚才说错了，是前天", "2026-11-23")]
    [InlineData("不对 是昨天去的", "2026-11-24")]
    public void A_corrected_day_is_read(string text, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), reader.Read(text, Today)?.Date);

    [Fact]
    public void A_corrected_organisation_is_read_when_the_name_is_all_that_is_put_in_place() =>
        Assert.Equal(20, reader.Read("不对，是云启网络科技", Today)?.OrganizationId);

    [Theory]
    [InlineData("刚才那条不对，撤销")]
    [InlineData("不好意思，今天走访了云启科技")]
    [InlineData("昨天去了青禾文化，不对，是前天")]
    [InlineData("不对外开放的单位怎么组建")]
    [InlineData("今天走访了云启科技")]
    public void A_message_that_puts_no_figure_day_or_name_in_place_of_the_last_record_is_not_a_correction(string text) =>
        Assert.Null(reader.Read(text, Today));
}
