using InstructorBot.Bot.Coordination;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>
/// The calendar and the reminders setting by chat, over the real host and a real LiteDB file. The client's day is
/// 2026-11-18 (BotFrameworkClient's timestamp).
/// </summary>
public sealed class CalendarChatTests : IDisposable
{
    private readonly BotHost host;
    private readonly BotFrameworkClient bot;

    public CalendarChatTests()
    {
        host = new BotHost(new Dictionary<string, string?> { ["Campaign:Calendar:Year"] = "2026" });
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        bindings.BindAsync("u_wang", "botframework", "bf-u_wang", CancellationToken.None).GetAwaiter().GetResult();
        bindings.BindAsync("u_zhang", "botframework", "bf-u_zhang", CancellationToken.None).GetAwaiter().GetResult();
        bot = new BotFrameworkClient(host.CreateClient());
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Days_to_the_formation_deadline_are_answered_with_the_document()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "距组建截止还有几天"));

        Assert.StartsWith("距组建截止（11月20日）还有 2 天（依据：《武汉市非公有制经济组织和社会组织党组织集中组建“百日攻坚行动”实施方案》二、（四）", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_reporting_day_is_the_25th()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "下次报送是哪天"));

        Assert.StartsWith("下次报送日：11月25日（还有 7 天）", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_are_turned_off_and_on_by_chat_and_stored_per_user()
    {
        var preferences = host.Services.GetRequiredService<ReminderPreferences>();

        Assert.Contains("已停止", Assert.Single(await bot.SayAsync("bf-u_zhang", "别再提醒我了")), StringComparison.Ordinal);
        Assert.False(preferences.IsEnabled("u_zhang"));
        Assert.True(preferences.IsEnabled("u_wang"));

        Assert.Contains("已恢复", Assert.Single(await bot.SayAsync("bf-u_zhang", "恢复提醒")), StringComparison.Ordinal);
        Assert.True(preferences.IsEnabled("u_zhang"));
    }

    [Fact]
    public async Task A_configured_calendar_replaces_the_shipped_one()
    {
        using var haikou = new BotHost(new Dictionary<string, string?>
        {
            ["Campaign:Calendar:Document"] = "关于开展2021年非公有制企业和社会组织党的组织和工作覆盖集中攻坚专项行动的通知",
            ["Campaign:Calendar:Year"] = "2026",
            ["Campaign:Calendar:Phases:0:Name"] = "集中攻坚",
            ["Campaign:Calendar:Phases:0:End"] = "12-20",
            ["Campaign:Calendar:Phases:0:Keywords:0"] = "攻坚",
            ["Campaign:Calendar:Phases:0:Source"] = "（附件2报送及总结）",
            ["Campaign:Calendar:Reporting:0:Days:0"] = "10",
            ["Campaign:Calendar:Reporting:0:Months:0"] = "10",
            ["Campaign:Calendar:Reporting:0:Months:1"] = "11",
            ["Campaign:Calendar:Reporting:0:Months:2"] = "12",
            ["Campaign:Calendar:Reporting:0:What"] = "附件2",
        });
        await haikou.Services.GetRequiredService<ChannelBindings>().BindAsync("u_wang", "botframework", "bf-u_wang", CancellationToken.None);
        var client = new BotFrameworkClient(haikou.CreateClient());

        Assert.StartsWith("下次报送日：12月10日（还有 22 天），报送附件2（依据：《关于开展2021年", Assert.Single(await client.SayAsync("bf-u_wang", "下次报送是哪天")), StringComparison.Ordinal);
        Assert.StartsWith("距攻坚截止（12月20日）还有 32 天", Assert.Single(await client.SayAsync("bf-u_wang", "攻坚什么时候截止")), StringComparison.Ordinal);
    }
}
