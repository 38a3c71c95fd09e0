using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// Issue 13 over real HTTP (the web chat API of the real host) and a real LiteDB file: nothing is written that the user did
/// not confirm or clearly state; confirmations; a waiting question and a new message; questions that never act;
/// corrections; undo of any recent record; near names.
/// </summary>
public sealed class SafeWriteTests : IDisposable
{
    private const string Huading = "深圳市华鼎精密制造有限公司";
    private const string Yunqi = "深圳市云启科技有限公司";
    private const string Qinghe = "深圳市青禾文化传媒有限公司";
    private const string Lanhai = "深圳市蓝海跨境电子商务有限公司";
    private BotHost host = new();

    public void Dispose() => host.Dispose();

    private IReadOnlyList<RecordRequest> Records(string user = "u_zhang") => host.Store.RecordsBy(user);

    [Fact]
    public async Task A_member_total_going_down_is_shown_and_written_only_after_the_user_confirms()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");

        var question = await chat.SayAsync("今天去华鼎走访了一下，有1名党员");
        Assert.Empty(Records());
        Assert.Contains("1. ", question, StringComparison.Ordinal);

        var asked = await chat.SayAsync("1");
        Assert.IsType<Visit>(Assert.Single(Records()));
        Assert.Equal(12, host.Organization(Huading).PartyMembers);
        Assert.Contains("党员人数将从 12 名减为 1 名", asked, StringComparison.Ordinal);
        Assert.Contains("回复 1 确认，回复 2 取消", asked, StringComparison.Ordinal);
        Assert.Equal(["确认", "取消"], chat.LastQuickReplies);

        var done = await chat.SayAsync("确认");
        Assert.Equal(1, Assert.Single(Records().OfType<OrganizationUpdate>()).PartyMembers);
        Assert.Equal(1, host.Organization(Huading).PartyMembers);
        Assert.Contains("已记录", done, StringComparison.Ordinal);
    }

    /// <summary>Round 11 (r11-safety): a reading a general signal doubts (RecordDoubts: a figure the negation after it denies,
    /// a day word not resolved, an unchecked fact) and a staff figure under half the ledger's wait for 确认 like the others.</summary>
    [Theory]
    [InlineData("青禾文化员工四十五个 党员两个也没有", "这句话我不太确定是否理解对了")] // round 22 (r22-ufind) reads 一个木有 as none
    [InlineData("隔天去了一趟青禾文化", "这句话我不太确定是否理解对了")]
    [InlineData("星辰半导体现有职工200人", "职工人数将从 520 人减为 200 人")]
    // Round 12 (r12-safety, RecordSlotDoubts): a kind of member named and not read, a member figure no record holds, a visit
    // whose only going is a paper handed in. (Round 16: r16-ufacts reads 均为招聘进来的 as hired, so the kind named and not
    // read is now 预备的 said as a stage.)
    [InlineData("华鼎物流新增党员2名，都还在预备的阶段", "这句话我不太确定是否理解对了")]
    [InlineData("青禾文化员工四十五 党员光老板一个", "这句话我不太确定是否理解对了")]
    [InlineData("青禾文化的材料今天交上去了", "这句话我不太确定是否理解对了")]
    public async Task A_doubted_reading_is_shown_and_written_only_after_the_user_confirms(string report, string note)
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");

        var asked = await chat.SayAsync(report);
        Assert.Empty(Records());
        Assert.Contains(note, asked, StringComparison.Ordinal);
        Assert.Contains("回复 1 确认，回复 2 取消", asked, StringComparison.Ordinal);

        var done = await chat.SayAsync("确认");
        Assert.NotEmpty(Records());
        Assert.Contains("已记录", done, StringComparison.Ordinal);
    }

    /// <summary>Round 23 (r23-usafe): a record no rule doubts and only the learned doubt (the shipped weights, LearnedDoubt)
    /// does waits for 确认 like the rules' doubts. The sentence is made up (no blind batch holds it); the shipped weights give
    /// its visit about 0.12 through the CLI (threshold 0.028), the rules nothing. New weights may need another sentence.</summary>
    [Fact]
    public async Task A_record_only_the_learned_doubt_doubts_is_shown_and_written_only_after_the_user_confirms()
    {
        const string report = "下午在诚信会计师事务所走访，他们的所长接待的";
        var rulesOnly = new InstructorBot.Bot.Understanding.MessageUnderstanding(Understanding.FixtureLedger.Organizations()) { Learned = null }
            .Understand(report, Understanding.FixtureLedger.Users()["u_liu"], DateTimeOffset.UtcNow);
        Assert.All(rulesOnly.Actions, a => Assert.False(a.Doubtful));
        var chat = await WebChatSession.SignInAsync(host, "u_liu");

        var asked = await chat.SayAsync(report);
        Assert.Empty(Records("u_liu"));
        Assert.Contains("回复 1 确认，回复 2 取消", asked, StringComparison.Ordinal);

        var done = await chat.SayAsync("确认");
        Assert.IsType<Visit>(Assert.Single(Records("u_liu")));
        Assert.Contains("已记录", done, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("金桥投资已经注销了", "2")]
    [InlineData("华鼎精密今天单独组建了党支部", "取消")]
    [InlineData("优品超市现有党员3名", "2")]
    public async Task A_surprising_write_declined_writes_nothing_and_changes_no_organisation(string report, string answer)
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        var ledger = host.LedgerSnapshot;

        var asked = await chat.SayAsync(report);
        var declined = await chat.SayAsync(answer);

        Assert.Contains("回复 1 确认", asked, StringComparison.Ordinal);
        Assert.Contains("已取消", declined, StringComparison.Ordinal);
        Assert.Empty(Records());
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_confirmation_waits_across_a_restart_and_is_written_after_it()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("金桥投资已经注销了");
        Assert.Empty(Records());

        host = host.Restart();
        var again = await WebChatSession.SignInAsync(host, "u_zhang");
        var done = await again.SayAsync("1");

        Assert.Equal(OperatingStatus.Deregistered, Assert.Single(Records().OfType<OrganizationUpdate>()).Status);
        Assert.Equal(OperatingStatus.Deregistered, host.Organization("深圳市金桥投资发展有限公司").Status);
        Assert.Contains("已记录", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_sent_while_a_question_waits_is_handled_as_new_and_the_question_is_set_aside_not_answered()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("今天去华鼎走访了一下");

        var lookup = await chat.SayAsync("云启科技怎么样了");
        Assert.Empty(Records());
        Assert.Contains("统一社会信用代码", lookup, StringComparison.Ordinal);
        Assert.Contains("已先搁置", lookup, StringComparison.Ordinal);
        Assert.Contains("1", chat.LastQuickReplies);

        await chat.SayAsync("1");
        var visit = Assert.Single(Records());
        Assert.Equal(Huading, host.Store.FindOrganization(visit.OrganizationId)!.Name);
    }

    [Theory]
    [InlineData("云启科技的情况")]
    [InlineData("云启科技情况")]
    [InlineData("查一下云启科技")]
    [InlineData("谢谢")]
    public async Task A_message_about_another_unit_sent_while_a_unit_is_asked_is_never_taken_as_the_answer(string text)
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("今天去华鼎走访了一下");

        var reply = await chat.SayAsync(text);

        Assert.Empty(Records());
        Assert.Contains("已先搁置", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_sent_while_a_name_is_asked_is_not_looked_up_as_a_name()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("今天走访了华鼎");

        var reply = await chat.SayAsync("不对，是4名");

        Assert.DoesNotContain("台账里没有找到", reply, StringComparison.Ordinal);
        Assert.Contains("已先搁置", reply, StringComparison.Ordinal);
        Assert.Empty(Records());
    }

    [Fact]
    public async Task A_report_sent_while_a_question_waits_is_recorded_and_the_question_set_aside_can_still_be_answered()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("今天走访了华鼎");

        var reply = await chat.SayAsync("今天走访了青禾文化");
        var visit = Assert.Single(Records());
        Assert.Equal(Qinghe, host.Store.FindOrganization(visit.OrganizationId)!.Name);
        Assert.Contains("已先搁置", reply, StringComparison.Ordinal);

        await chat.SayAsync("2");
        Assert.Equal(2, Records().Count);
    }

    [Theory]
    [InlineData("怎么撤销前天的登记", "撤销登记的方法")]
    [InlineData("撤销怎么操作", "撤销登记的方法")]
    [InlineData("怎么导出台账", "导出台账的方法")]
    [InlineData("要不要撤销", "撤销登记的方法")]
    [InlineData("怎么登记走访", "直接把发生的事")]
    [InlineData("云启科技成立党支部要怎么登记？", "直接把发生的事")]
    public async Task A_question_about_undo_or_export_gets_how_to_help_and_changes_nothing(string question, string help)
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("今天走访了云启科技");
        await chat.SayAsync("今天走访了青禾文化");
        var ledger = host.LedgerSnapshot;

        var reply = await chat.SayAsync(question);

        Assert.Contains(help, reply, StringComparison.Ordinal);
        Assert.Equal(2, Records().Count);
        Assert.DoesNotContain(host.Store.AuditOf("u_zhang"), a => a.Action == "undo");
        Assert.Equal(ledger, host.LedgerSnapshot);
    }

    [Fact]
    public async Task A_corrected_count_amends_only_that_figure_of_the_last_record_and_is_audited_as_a_correction()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("昨天去青禾文化，发现2名党员");
        var visitDay = Assert.Single(Records().OfType<Visit>()).Date;

        var reply = await chat.SayAsync("不对，是4名");

        var found = Assert.Single(Records().OfType<MemberDiscovery>());
        Assert.Equal(4, found.Count);
        Assert.Equal(visitDay, Assert.Single(Records().OfType<Visit>()).Date);
        Assert.Equal(1 + 4, host.Organization(Qinghe).PartyMembers);
        Assert.Contains("发现 2 名党员", reply, StringComparison.Ordinal);
        Assert.Contains("→", reply, StringComparison.Ordinal);
        Assert.Contains("发现 4 名党员", reply, StringComparison.Ordinal);
        var correction = host.Store.AuditOf("u_zhang").First(a => a.Action == "record" && a.UndoneBy is null);
        Assert.NotNull(correction.Corrects);
    }

    [Fact]
    public async Task A_corrected_day_and_a_corrected_staff_figure_amend_the_last_record()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("今天走访了云启科技");
        var today = Assert.Single(Records()).Date;

        await chat.SayAsync("刚才说错了，是前天");
        Assert.Equal(today.AddDays(-2), Assert.Single(Records()).Date);

        await chat.SayAsync("蓝海电商职工30人");
        var reply = await chat.SayAsync("人数写错了，是35人");
        Assert.Equal(35, Assert.Single(Records().OfType<OrganizationUpdate>()).Employees);
        Assert.Equal(35, host.Organization(Lanhai).Employees);
        Assert.Contains("30 人", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_member_count_right_after_a_record_amends_it_instead_of_asking_for_a_unit()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("蓝海电商现有党员1名");

        var reply = await chat.SayAsync("刚才说错了，是2名党员");

        Assert.DoesNotContain("哪家单位", reply, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(Records().OfType<OrganizationUpdate>()).PartyMembers);
        Assert.Equal(2, host.Organization(Lanhai).PartyMembers);
    }

    [Fact]
    public async Task The_second_last_record_is_listed_and_taken_back_by_its_number_leaving_the_last()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        await chat.SayAsync("昨天去青禾文化，发现2名党员");
        await chat.SayAsync("今天走访了云启科技");

        var list = await chat.SayAsync("我最近的登记");
        Assert.Contains("1. 走访 " + Yunqi, list, StringComparison.Ordinal);
        Assert.Contains("2. 走访 " + Qinghe, list, StringComparison.Ordinal);

        var undone = await chat.SayAsync("撤销 2");
        var left = Assert.Single(Records());
        Assert.Equal(Yunqi, host.Store.FindOrganization(left.OrganizationId)!.Name);
        Assert.Equal(1, host.Organization(Qinghe).PartyMembers);
        Assert.Contains("已撤销第 2 条", undone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_reaches_only_the_sender_s_own_records_inside_the_window()
    {
        var zhang = await WebChatSession.SignInAsync(host, "u_zhang");
        await zhang.SayAsync("今天走访了云启科技");
        var pipeline = host.Services.GetRequiredService<ITurnPipeline>();

        var other = await (await WebChatSession.SignInAsync(host, "u_liu")).SayAsync("撤销");
        var late = await pipeline.HandleAsync(
            new IncomingMessage("web", "u_zhang", "u_zhang", "late-undo", "撤销", DateTimeOffset.UtcNow.AddDays(8)), CancellationToken.None);

        Assert.Contains("没有可以撤销", other, StringComparison.Ordinal);
        Assert.Contains("7 天", late.Replies[0].Text, StringComparison.Ordinal);
        Assert.Single(Records());
    }

    [Theory]
    [InlineData("u_zhang", "今天走访了云起科技", "深圳市云启科技有限公司")]
    [InlineData("u_liu", "今天走访了顺大快递", "深圳市顺达快递服务有限公司")]
    public async Task A_name_one_character_off_is_offered_as_a_question_and_written_only_after_confirm(string user, string report, string meant)
    {
        var chat = await WebChatSession.SignInAsync(host, user);

        var asked = await chat.SayAsync(report);
        Assert.Contains($"您是指 {meant} 吗？", asked, StringComparison.Ordinal);
        Assert.Equal(["确认", "取消"], chat.LastQuickReplies);
        Assert.Empty(Records(user));

        await chat.SayAsync("确认");
        Assert.Equal(meant, host.Store.FindOrganization(Assert.Single(Records(user)).OrganizationId)!.Name);
    }

    [Fact]
    public async Task A_confirmation_rule_turned_off_in_configuration_writes_at_once()
    {
        host.Dispose();
        host = new BotHost(new Dictionary<string, string?> { ["Conversation:Confirm:MemberDecrease"] = "false" });
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");

        var reply = await chat.SayAsync("华鼎精密现有党员10名");

        Assert.Contains("已记录", reply, StringComparison.Ordinal);
        Assert.Equal(10, host.Organization(Huading).PartyMembers);
    }

    [Fact]
    public async Task A_missing_unit_is_answered_by_a_name_or_a_near_name_and_a_number_out_of_range_is_asked_again()
    {
        var chat = await WebChatSession.SignInAsync(host, "u_zhang");
        Assert.Contains("哪家单位", await chat.SayAsync("今天走访了"), StringComparison.Ordinal);

        var near = await chat.SayAsync("云起科技");
        Assert.Contains($"您是指 {Yunqi} 吗？", near, StringComparison.Ordinal);
        Assert.Empty(Records());
        await chat.SayAsync("1");
        Assert.Equal(Yunqi, host.Store.FindOrganization(Assert.Single(Records()).OrganizationId)!.Name);

        await chat.SayAsync("今天走访了华鼎");
        Assert.Contains("1 到 2", await chat.SayAsync("5"), StringComparison.Ordinal);
        await chat.SayAsync("华鼎物流");
        Assert.Equal(2, Records().Count);
        Assert.Contains(Records(), r => host.Store.FindOrganization(r.OrganizationId)!.Name == "深圳市华鼎物流有限公司");
    }
}
