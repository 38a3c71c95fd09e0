using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// A coordinator's figures by chat, with a window, a person and a breakdown, against a real LiteDB file. The expected
/// counts are computed in the test from the visits it wrote (not by the code under test). The client's day is Wednesday
/// 2026-11-18.
/// </summary>
public sealed class ProgressWindowTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 18);
    private readonly BotHost host = new();
    private readonly BotFrameworkClient bot;
    private readonly List<(string By, string Unit, DateOnly Date)> visits =
    [
        ("u_zhang", "深圳市云启科技有限公司", Today),
        ("u_zhang", "深圳市云启科技有限公司", Today.AddDays(-1)), // the same unit twice: 2 次, 1 家
        ("u_zhang", "深圳市青禾文化传媒有限公司", Today.AddDays(-2)),
        ("u_zhang", "深圳市星辰半导体有限公司", Today.AddDays(-9)), // last week
        ("u_liu", "深圳市顺达快递服务有限公司", Today.AddDays(-3)),
        ("u_liu", "深圳市佳和餐饮管理有限公司", Today.AddDays(-20)), // 10月29日: outside this month
    ];

    public ProgressWindowTests()
    {
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        bindings.BindAsync("u_wang", "botframework", "bf-u_wang", CancellationToken.None).GetAwaiter().GetResult();
        bindings.BindAsync("u_zhang", "botframework", "bf-u_zhang", CancellationToken.None).GetAwaiter().GetResult();
        foreach (var (by, unit, date) in visits)
        {
            host.Store.RecordAsync(by, new Visit { OrganizationId = host.Organization(unit).Id, Date = date }).GetAwaiter().GetResult();
        }

        bot = new BotFrameworkClient(host.CreateClient());
    }

    public void Dispose() => host.Dispose();

    private (int Units, int Times) Expected(DateOnly from, DateOnly to, string? by = null)
    {
        var chosen = visits.Where(v => v.Date >= from && v.Date <= to && (by is null || v.By == by)).ToList();
        return (chosen.Select(v => v.Unit).Distinct().Count(), chosen.Count);
    }

    [Fact]
    public async Task Visits_in_the_last_week_count_units_and_visits_apart_and_state_the_window()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "最近一周走访了多少家"));

        var (units, times) = Expected(Today.AddDays(-6), Today);
        Assert.Contains("11月12日至11月18日", reply, StringComparison.Ordinal);
        Assert.Contains($"走访 {units} 家单位（共 {times} 次）", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_instructor_s_visits_this_week_are_his_alone()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "张伟这周走访了哪些单位"));

        var (units, _) = Expected(new DateOnly(2026, 11, 16), Today, by: "u_zhang");
        Assert.Contains("11月16日至11月18日", reply, StringComparison.Ordinal);
        Assert.Contains($"张伟 走访 {units} 家单位", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("顺达", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("星辰", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_visits_this_month_are_the_sender_s()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "我这个月走访了几家"));

        var (units, times) = Expected(new DateOnly(2026, 11, 1), Today, by: "u_zhang");
        Assert.Contains("11月1日至11月18日", reply, StringComparison.Ordinal);
        Assert.Contains($"张伟 走访 {units} 家单位（共 {times} 次）", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_visited_most_ranks_the_instructors_by_units()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "本月谁走访得多"));

        var zhang = Expected(new DateOnly(2026, 11, 1), Today, "u_zhang");
        var liu = Expected(new DateOnly(2026, 11, 1), Today, "u_liu");
        Assert.Contains($"1. 张伟 {zhang.Units} 家（{zhang.Times} 次）", reply, StringComparison.Ordinal);
        Assert.Contains($"2. 刘洋 {liu.Units} 家（{liu.Times} 次）", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streets_compared_are_a_ranked_table_with_rates_and_formulas()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "各街道覆盖率对比一下"));

        // Hand counts of tests/data/ledger.csv (Store.Tests/CoverageFigureTests): 龙城 3/6, 布吉 2/6, 横岗 1/4, 坂田 2/10.
        var lines = reply.Split('\n');
        Assert.StartsWith("1. 龙城街道 50.0%（3/6）", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2. 布吉街道 33.3%（2/6）", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3. 横岗街道 25.0%（1/4）", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("4. 坂田街道 20.0%（2/10）", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_the_asker_cannot_see_is_refused_by_name_not_replaced()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "布吉街道本月走访了多少家"));

        Assert.Contains("布吉街道", reply, StringComparison.Ordinal);
        Assert.Contains("无权查看", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("顺达", reply, StringComparison.Ordinal);
    }
}
