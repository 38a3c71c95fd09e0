using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>The CLI.md additions of progress_query (from, to, person, by) as the understand verb prints them.</summary>
public sealed class ProgressFiltersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 15, 30, 0, TimeSpan.FromHours(8)); // a Wednesday
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations())
    {
        KnownPeople = () => ["张伟", "刘洋", "王强"],
        CampaignStart = new DateOnly(2026, 9, 1),
    };

    private JsonObject Query(string text, string user = "u_wang")
    {
        var json = JsonNode.Parse(UnderstandingJson.Serialize(understanding.Understand(text, FixtureLedger.Users()[user], Now), "t"))!;
        var action = Assert.Single(json["actions"]!.AsArray())!.AsObject();
        Assert.Equal("progress_query", (string?)action["kind"]);
        return action;
    }

    [Theory]
    [InlineData("上周走访了多少家", "2026-11-09", "2026-11-15")]
    [InlineData("本月组建了几个党组织", "2026-11-01", "2026-11-18")]
    [InlineData("攻坚以来组建了几个", "2026-09-01", "2026-11-18")]
    public void A_window_is_printed_as_from_and_to(string text, string from, string to)
    {
        var action = Query(text);
        Assert.Equal((from, to), ((string?)action["from"], (string?)action["to"]));
    }

    [Theory]
    [InlineData("各街道覆盖率对比一下", "street")]
    [InlineData("各社区的覆盖率", "community")]
    [InlineData("本月谁走访得多", "instructor")]
    public void A_breakdown_is_printed_as_by(string text, string by) => Assert.Equal(by, (string?)Query(text)["by"]);

    [Fact]
    public void A_named_instructor_and_the_sender_s_own_are_printed_as_person()
    {
        Assert.Equal("张伟", (string?)Query("张伟这周走访了哪些单位")["person"]);
        Assert.Equal("张伟", (string?)Query("我这个月走访了几家", "u_zhang")["person"]);
    }

    [Fact]
    public void A_question_without_filters_prints_none_of_them()
    {
        var action = Query("坂田街道覆盖率多少");
        Assert.Null(action["from"]);
        Assert.Null(action["by"]);
        Assert.Null(action["person"]);
    }
}
