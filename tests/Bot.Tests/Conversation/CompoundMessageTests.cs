using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// Messages that report and ask at once, and small talk, end to end over the Bot Framework endpoint against a real
/// LiteDB file: the records are written and every question is answered, in the order said.
/// </summary>
public sealed class CompoundMessageTests : IDisposable
{
    private readonly BotHost host = new();
    private readonly BotFrameworkClient bot;

    public CompoundMessageTests()
    {
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        foreach (var user in new[] { "u_zhang", "u_liu", "u_li" })
        {
            bindings.BindAsync(user, "botframework", $"bf-{user}", CancellationToken.None).GetAwaiter().GetResult();
        }

        bot = new BotFrameworkClient(host.CreateClient());
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_visit_and_a_policy_question_in_one_message_records_the_visit_and_answers_the_question_alone()
    {
        const string question = "什么是五个清";
        var alone = Assert.Single(await bot.SayAsync("bf-u_li", question));

        var replies = await bot.SayAsync("bf-u_liu", $"今天走访了顺达快递，顺便问一下{question}");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("已记录：", replies[0], StringComparison.Ordinal);
        Assert.Contains("深圳市顺达快递服务有限公司", replies[0], StringComparison.Ordinal);
        Assert.Contains("经营运行情况清", replies[1], StringComparison.Ordinal);
        Assert.Equal(alone, replies[1]); // the documents were asked the question alone, not the report around it
        var visit = Assert.Single(host.Store.RecordsBy("u_liu").OfType<Visit>());
        Assert.Equal(host.Organization("深圳市顺达快递服务有限公司").Id, visit.OrganizationId);
    }

    [Fact]
    public async Task A_discovery_and_a_coverage_query_are_both_done_in_the_order_said()
    {
        var before = host.Organization("深圳市德润物业管理有限公司").PartyMembers;

        var replies = await bot.SayAsync("bf-u_liu", "今天去德润物业了，发现贰名党员。另外我们街道的覆盖率现在多少");

        Assert.Equal(2, replies.Count);
        Assert.Contains("2 名党员", replies[0], StringComparison.Ordinal);
        Assert.Contains("组织覆盖率", replies[1], StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(host.Store.RecordsBy("u_liu").OfType<MemberDiscovery>()).Count);
        Assert.Equal(before + 2, host.Organization("深圳市德润物业管理有限公司").PartyMembers);
    }

    [Fact]
    public async Task Undo_then_a_new_report_takes_back_the_last_record_before_writing_the_new_one()
    {
        await bot.SayAsync("bf-u_zhang", "今天走访了云启科技");

        var replies = await bot.SayAsync("bf-u_zhang", "撤销上一条，重新登记：今天走访了蓝海电商");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("已撤销", replies[0], StringComparison.Ordinal);
        Assert.Contains("深圳市蓝海跨境电子商务有限公司", replies[1], StringComparison.Ordinal);
        var visit = Assert.Single(host.Store.RecordsBy("u_zhang").OfType<Visit>());
        Assert.Equal(host.Organization("深圳市蓝海跨境电子商务有限公司").Id, visit.OrganizationId);
    }

    [Theory]
    [InlineData("你好", "您好")]
    [InlineData("谢谢 辛苦了", "不客气")]
    [InlineData("在吗？", "在的")]
    [InlineData("好的，收到", "好的")]
    public async Task Small_talk_gets_a_short_friendly_line_with_a_hint_and_writes_nothing(string text, string expected)
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", text));

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.True(reply.Contains("帮助", StringComparison.Ordinal) || reply.Contains("告诉我", StringComparison.Ordinal), reply);
        Assert.DoesNotContain("依据", reply, StringComparison.Ordinal); // not sent to the documents
        Assert.Equal(0, host.RecordCount);
    }

    [Fact]
    public async Task A_plan_is_not_recorded_and_the_reply_says_plans_are_not_recorded()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "明天准备去云启科技走访"));

        Assert.Contains("不登记", reply, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
    }
}
