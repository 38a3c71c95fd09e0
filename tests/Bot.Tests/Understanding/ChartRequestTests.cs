using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Chart requests and changes of the coverage figures (issue 14) as the understand verb prints them: a progress_query with
/// the extension fields <c>chart</c> and <c>change</c> (CLI.md additions allow fields the gold does not name).
/// </summary>
public sealed class ChartRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.FromHours(8)); // a Saturday
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations())
    {
        KnownPeople = () => ["张伟", "刘洋", "王强"],
        CampaignStart = new DateOnly(2026, 9, 1),
    };

    private JsonArray Actions(string text, string user = "u_wang") =>
        JsonNode.Parse(UnderstandingJson.Serialize(understanding.Understand(text, FixtureLedger.Users()[user], Now), "t"))!["actions"]!.AsArray();

    private JsonObject Query(string text)
    {
        var action = Assert.Single(Actions(text))!.AsObject();
        Assert.Equal("progress_query", (string?)action["kind"]);
        return action;
    }

    [Theory]
    [InlineData("各街道覆盖率画个图", "coverage_by_street", "coverage")]
    [InlineData("把各街道的覆盖率做成柱状图", "coverage_by_street", "coverage")]
    [InlineData("给我出一张各社区覆盖率对比图", "coverage_by_street", "coverage")]
    [InlineData("覆盖率趋势图", "coverage_trend", "coverage")]
    [InlineData("画一下攻坚以来覆盖率的变化曲线图", "coverage_trend", "coverage")]
    [InlineData("坂田街道覆盖率走势图发我看看", "coverage_trend", "coverage")]
    [InlineData("每周走访情况图", "visits_per_week", "visits")]
    [InlineData("把这个月的走访情况画个图", "visits_per_week", "visits")]
    [InlineData("生成一个走访统计图表", "visits_per_week", "visits")]
    public void A_chart_request_is_a_progress_query_with_its_chart(string text, string chart, string metric)
    {
        var action = Query(text);
        Assert.Equal(chart, (string?)action["chart"]);
        Assert.Equal(metric, (string?)action["metric"]);
    }

    [Fact]
    public void A_chart_keeps_its_scope_window_and_breakdown()
    {
        var bars = Query("坂田街道各社区覆盖率画个图");
        Assert.Equal("坂田街道", (string?)bars["scope"]);
        Assert.Equal("community", (string?)bars["by"]);

        var trend = Query("画一下攻坚以来覆盖率的变化曲线图");
        Assert.Equal(("2026-09-01", "2026-12-05"), ((string?)trend["from"], (string?)trend["to"]));
    }

    [Theory]
    [InlineData("挂图作战是什么意思")]
    [InlineData("园区地图在哪里看")]
    [InlineData("坂田街道覆盖率多少")]
    [InlineData("今天走访了云启科技")]
    public void Words_with_图_that_ask_for_no_chart_and_questions_without_one_carry_no_chart(string text)
    {
        foreach (var action in Actions(text))
        {
            Assert.Null(action!["chart"]);
            Assert.Null(action["change"]);
        }
    }

    [Theory]
    [InlineData("覆盖率这个月提高了多少", "2026-12-01", "2026-12-05")]
    [InlineData("比上个月涨了多少", "2026-12-01", "2026-12-05")]
    [InlineData("覆盖率比上周提升了几个百分点", "2026-11-30", "2026-12-05")]
    [InlineData("11月覆盖率增长了多少", "2026-11-01", "2026-11-30")]
    [InlineData("今年以来组建率上升了多少", "2026-01-01", "2026-12-05")]
    public void A_change_of_coverage_is_a_progress_query_with_its_window(string text, string from, string to)
    {
        var action = Query(text);
        Assert.Equal("coverage", (string?)action["metric"]);
        Assert.True((bool?)action["change"]);
        Assert.Equal((from, to), ((string?)action["from"], (string?)action["to"]));
    }

    [Fact]
    public void A_count_of_formations_that_grew_is_not_a_change_of_coverage()
    {
        var action = Query("这个月新建党组织增加了多少个");
        Assert.Equal("formations", (string?)action["metric"]);
        Assert.Null(action["change"]);
    }

    [Fact]
    public void A_unit_whose_members_grew_is_asked_about_the_unit_not_the_coverage()
    {
        Assert.DoesNotContain(Actions("云启科技党员比上个月多了几个"), a => (string?)a!["kind"] == "progress_query");
        Assert.DoesNotContain(Actions("党员人数增加了多少才能单独建支部"), a => (string?)a!["kind"] == "progress_query");
    }
}
