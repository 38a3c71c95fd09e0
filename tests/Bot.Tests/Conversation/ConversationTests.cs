using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>The turn end to end over the Bot Framework endpoint (expectReplies), against a real LiteDB file.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly BotHost host = new();
    private readonly BotFrameworkClient bot;

    public ConversationTests()
    {
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        foreach (var user in new[] { "u_zhang", "u_liu", "u_wang", "u_admin", "u_li" })
        {
            bindings.BindAsync(user, "botframework", $"bf-{user}", CancellationToken.None).GetAwaiter().GetResult();
        }

        bot = new BotFrameworkClient(host.CreateClient());
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_report_is_recorded_and_the_reply_says_what_with_counts_and_the_undo_hint()
    {
        var before = host.Organization("深圳市顺达快递服务有限公司").PartyMembers;

        var reply = Assert.Single(await bot.SayAsync("bf-u_liu", "昨天去顺达快递了解情况，发现2名党员，其中1名是口袋党员"));

        var records = host.Store.RecordsBy("u_liu");
        Assert.Contains(records, r => r is Visit);
        var found = Assert.Single(records.OfType<MemberDiscovery>());
        Assert.Equal(2, found.Count);
        Assert.Equal(1, found.Categories.Pocket);
        Assert.Equal(before + 2, host.Organization("深圳市顺达快递服务有限公司").PartyMembers);
        Assert.Contains("深圳市顺达快递服务有限公司", reply, StringComparison.Ordinal);
        Assert.Contains("2 名党员", reply, StringComparison.Ordinal);
        Assert.Contains("口袋党员 1 名", reply, StringComparison.Ordinal);
        Assert.Contains("11月17日", reply, StringComparison.Ordinal);
        Assert.Contains("发送“撤销”可撤回", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_visit_and_member_discovery_keep_the_organisation_index_and_still_find_the_organisation()
    {
        var understanding = host.Services.GetRequiredService<MessageUnderstanding>();
        var index = understanding.Index;
        var version = host.Store.OrganizationsVersion;

        await bot.SayAsync("bf-u_liu", "昨天去顺达快递了解情况，发现2名党员");
        var again = Assert.Single(await bot.SayAsync("bf-u_liu", "今天又走访了顺达快递"));

        Assert.True(host.Store.OrganizationsVersion > version);
        Assert.Same(index, understanding.Index);
        Assert.Contains("深圳市顺达快递服务有限公司", again, StringComparison.Ordinal);
        Assert.Equal(2, host.Store.RecordsBy("u_liu").OfType<Visit>().Count());
    }

    [Fact]
    public async Task A_formation_reply_shows_the_new_coverage_state()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "云启科技今天单独成立了党支部，6名党员，书记周海涛"));

        Assert.Equal(PartyOrganizationKind.Single, host.Organization("深圳市云启科技有限公司").PartyOrganization.Kind);
        Assert.Contains("覆盖状态：已单独组建", reply, StringComparison.Ordinal);
        Assert.Contains("书记 周海涛", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ambiguous_organisation_is_asked_with_numbered_candidates_and_1_completes_the_record()
    {
        var question = Assert.Single(await bot.SayAsync("bf-u_zhang", "今天走访了华鼎"));
        Assert.Equal(0, host.RecordCount);
        Assert.Contains("1. ", question, StringComparison.Ordinal);
        Assert.Contains("2. ", question, StringComparison.Ordinal);
        var first = question.Split('\n').First(l => l.StartsWith("1. ", StringComparison.Ordinal))[3..];

        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "1"));

        var visit = Assert.Single(host.Store.RecordsBy("u_zhang").OfType<Visit>());
        Assert.Equal(host.Organization(first).Id, visit.OrganizationId);
        Assert.Contains(first, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_question_survives_a_restart_and_cancel_drops_it()
    {
        await bot.SayAsync("bf-u_zhang", "今天走访了华鼎");
        using var restarted = host.Restart();
        var again = new BotFrameworkClient(restarted.CreateClient());

        var cancelled = Assert.Single(await again.SayAsync("bf-u_zhang", "取消"));
        var nothingPending = Assert.Single(await again.SayAsync("bf-u_zhang", "1"));

        Assert.Contains("已取消", cancelled, StringComparison.Ordinal);
        Assert.DoesNotContain("已记录", nothingPending, StringComparison.Ordinal);
        Assert.Empty(restarted.Store.RecordsBy("u_zhang"));
    }

    [Fact]
    public async Task A_pending_question_survives_a_restart_and_the_answer_after_it_records()
    {
        await bot.SayAsync("bf-u_zhang", "今天走访了华鼎");
        using var restarted = host.Restart();

        var reply = Assert.Single(await new BotFrameworkClient(restarted.CreateClient()).SayAsync("bf-u_zhang", "2"));

        Assert.Contains("已记录", reply, StringComparison.Ordinal);
        Assert.Single(restarted.Store.RecordsBy("u_zhang").OfType<Visit>());
    }

    [Fact]
    public async Task Undo_takes_back_the_last_write_and_its_effect_on_the_organisation()
    {
        var before = host.Organization("深圳市云启科技有限公司");
        await bot.SayAsync("bf-u_zhang", "云启科技今天单独成立了党支部，6名党员，书记周海涛");

        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "撤销"));

        Assert.Empty(host.Store.RecordsBy("u_zhang"));
        Assert.Equal(before.PartyOrganization, host.Organization("深圳市云启科技有限公司").PartyOrganization);
        Assert.Contains("已撤销", reply, StringComparison.Ordinal);
        Assert.Contains("未建", reply, StringComparison.Ordinal);
        Assert.Contains(host.Store.AuditOf("u_zhang"), a => a.Action == "undo");
    }

    [Fact]
    public async Task The_same_message_id_twice_records_once_and_answers_the_same()
    {
        var first = await bot.SayAsync("bf-u_liu", "昨天去顺达快递，发现2名党员", id: "retry-1");
        var second = await bot.SayAsync("bf-u_liu", "昨天去顺达快递，发现2名党员", id: "retry-1");

        Assert.Equal(first, second);
        Assert.Single(host.Store.RecordsBy("u_liu").OfType<MemberDiscovery>());
    }

    [Fact]
    public async Task A_retry_after_a_restart_gets_the_first_replies_from_the_records_transaction_and_records_once()
    {
        var first = await bot.SayAsync("bf-u_liu", "昨天去顺达快递，发现2名党员", id: "retry-restart");

        using var restarted = host.Restart();
        var again = await new BotFrameworkClient(restarted.CreateClient()).SayAsync("bf-u_liu", "昨天去顺达快递，发现2名党员", id: "retry-restart");

        Assert.Contains("已记录", Assert.Single(first), StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.Single(restarted.Store.RecordsBy("u_liu").OfType<MemberDiscovery>());
    }

    [Fact]
    public async Task A_write_outside_the_senders_jurisdiction_is_refused_and_nothing_is_written()
    {
        var ledger = host.LedgerSnapshot;

        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "昨天去顺达快递，发现2名党员"));

        Assert.Contains("不在您的辖区", reply, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_coordinator_cannot_write_even_inside_their_jurisdiction()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "今天走访了云启科技"));

        Assert.Contains("协调员", reply, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);
    }

    [Theory]
    [InlineData("坂田街道覆盖率多少？", "坂田街道")]
    [InlineData("龙岗区的覆盖率", "龙岗区")]
    public async Task A_coordinators_figures_match_the_report_verb(string question, string scope)
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", question));

        var match = host.Store.FindScope(scope)!;
        var report = new CoverageCalculator().Compute(match.Name, host.Store.OrganizationsIn(match.Jurisdiction));
        Assert.Contains($"党建基数：{report.Base} 家", reply, StringComparison.Ordinal);
        Assert.Contains($"组织覆盖率 {100.0 * report.Covered / report.Base:0.0}%（{report.Covered}/{report.Base}）", reply, StringComparison.Ordinal);
        Assert.Contains($"工作覆盖率 {100.0 * report.WorkCovered / report.Base:0.0}%（{report.WorkCovered}/{report.Base}）", reply, StringComparison.Ordinal);
        Assert.Contains($"应建未建：{report.UnformedRequired.Count} 家", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_gets_the_unformed_list_of_their_scope()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "坂田街道应建未建名单"));

        var match = host.Store.FindScope("坂田街道")!;
        var report = new CoverageCalculator().Compute(match.Name, host.Store.OrganizationsIn(match.Jurisdiction));
        Assert.NotEmpty(report.UnformedRequired);
        Assert.All(report.UnformedRequired, name => Assert.Contains(name, reply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nobody_sees_another_jurisdictions_figures()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "布吉街道覆盖率多少？"));

        Assert.Contains("无权查看", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("党建基数", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_card_shows_the_last_visit_as_a_relative_time()
    {
        await bot.SayAsync("bf-u_zhang", "11月15日走访了云启科技");

        var card = Assert.Single(await bot.SayAsync("bf-u_wang", "查一下云启科技的情况"));

        Assert.Contains("深圳市云启科技有限公司", card, StringComparison.Ordinal);
        Assert.Contains("上次走访：3 天前", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_fitted_to_the_senders_role()
    {
        var instructor = Assert.Single(await bot.SayAsync("bf-u_zhang", "帮助"));
        var coordinator = Assert.Single(await bot.SayAsync("bf-u_wang", "帮助"));

        Assert.Contains("发现党员", instructor, StringComparison.Ordinal);
        Assert.Contains("覆盖率", coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("登记走访", coordinator, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_binds_a_channel_identity_in_chat_and_others_may_not()
    {
        var refused = Assert.Single(await bot.SayAsync("bf-u_zhang", "绑定 wecom ZhangWei u_zhang"));
        var bound = Assert.Single(await bot.SayAsync("bf-u_admin", "绑定 wecom ZhangWei u_zhang"));

        Assert.Contains("只有管理员", refused, StringComparison.Ordinal);
        Assert.Contains("已绑定", bound, StringComparison.Ordinal);
        Assert.Equal("u_zhang", host.Store.FindUserByChannel("wecom", "ZhangWei")?.Id);
    }

    [Fact]
    public async Task A_policy_question_is_answered_with_citations()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_li", "什么是五个清？"));

        Assert.Contains("经营运行情况清", reply, StringComparison.Ordinal);
        Assert.Contains("出处：", reply, StringComparison.Ordinal);
        Assert.Matches("\n《[^》]+》", reply);

        // The answer once: the quote is not repeated below it.
        Assert.DoesNotContain("经营运行情况清", reply.Split("出处：")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formation_advice_for_a_described_organisation_names_the_method_and_reasons()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_li", "一家企业有6名正式党员，应该怎么组建党组织？"));

        Assert.Contains("单独组建", reply, StringComparison.Ordinal);
        Assert.Contains("依据：\n1. ", reply, StringComparison.Ordinal);
        Assert.Matches("（见《[^》]+》", reply);

        // Each reason once: the numbered, cited list is not repeated below it.
        var firstReason = reply.Split('\n').First(line => line.StartsWith("1. ", StringComparison.Ordinal))[3..15];
        Assert.Single(reply.Split('\n'), line => line.Contains(firstReason, StringComparison.Ordinal));
        Assert.Equal(0, host.RecordCount);
    }

    [Fact]
    public async Task A_report_naming_no_organisation_is_asked_about_and_a_name_completes_it()
    {
        var question = Assert.Single(await bot.SayAsync("bf-u_zhang", "今天走访了一家企业，发现2名党员"));
        Assert.Contains("哪家单位", question, StringComparison.Ordinal);
        Assert.Equal(0, host.RecordCount);

        var reply = Assert.Single(await bot.SayAsync("bf-u_zhang", "云启科技"));

        Assert.Contains("深圳市云启科技有限公司", reply, StringComparison.Ordinal);
        var found = Assert.Single(host.Store.RecordsBy("u_zhang").OfType<MemberDiscovery>());
        Assert.Equal(host.Organization("深圳市云启科技有限公司").Id, found.OrganizationId);
    }
}
