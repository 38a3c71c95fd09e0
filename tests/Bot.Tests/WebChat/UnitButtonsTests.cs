using InstructorBot.Bot.Channels.WebChat;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Replies;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Bot.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>
/// A button per unit a reply lists (the web chat's <see cref="UnitButtons"/>), over the fixture ledger: every unit's button
/// opens that unit's card through the real understanding; lists get them, other replies and candidate questions do not.
/// </summary>
public sealed class UnitButtonsTests : IDisposable
{
    private readonly BotHost host = new();

    public void Dispose() => host.Dispose();

    private UnitButtons Buttons => host.Services.GetRequiredService<UnitButtons>();

    [Fact]
    public void The_button_of_every_unit_in_the_ledger_is_read_as_that_unit_s_card()
    {
        var understanding = host.Services.GetRequiredService<MessageUnderstanding>();
        var admin = host.Store.FindUser("u_admin")!;
        var failures = new List<string>();
        foreach (var unit in host.Store.Organizations())
        {
            var button = Assert.Single(Buttons.For(new ReplyMessage("名单：\n1. " + unit.Name + "（职工 60 人）"))!);
            Assert.Equal(unit.Name, button.Title);
            Assert.False(button.Compose);
            var actions = understanding.Understand(button.Value, admin, DateTimeOffset.Now).Actions;
            if (actions is not [{ Kind: ActionKind.OrgLookup } lookup] || lookup.OrganizationId != unit.Id)
            {
                failures.Add($"{button.Value} → {string.Join(", ", actions.Select(a => $"{a.Kind} {a.Organization}"))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_long_list_gets_the_first_units_in_its_order_up_to_the_cap_each_once()
    {
        var names = host.Store.Organizations().Select(o => o.Name).Take(UnitButtons.Cap + 3).ToList();
        var text = "龙岗区 应建未建：" + string.Concat(names.Select((n, i) => $"\n{i + 1}. {n}"))
            + "\n\n最近走访：\n· 今天 走访 " + names[0] + "（张伟）";

        var buttons = Buttons.For(new ReplyMessage(text))!;

        Assert.Equal(names.Take(UnitButtons.Cap), buttons.Select(b => b.Title));
        Assert.All(buttons, b => Assert.Equal(UnitButtons.Verb + b.Title, b.Value));
    }

    [Fact]
    public void A_unit_named_outside_a_list_or_a_question_with_its_own_buttons_gets_none()
    {
        var name = host.Store.Organizations()[0].Name;

        Assert.Null(Buttons.For(new ReplyMessage($"已记录：今天走访{name}。发送“撤销”可撤回")));
        Assert.Null(Buttons.For(DialogueReplies.AskOrganization([.. host.Store.Organizations().Take(2)], "某某")));
        Assert.Null(Buttons.For(new ReplyMessage("坂田街道 各社区组织覆盖率（从高到低）\n1. 岗头社区 50.0%（1/2），应建未建 1 家")));
    }

    [Fact]
    public async Task A_unit_added_to_the_ledger_gets_its_button_at_once()
    {
        Assert.Null(Buttons.For(new ReplyMessage("名单：\n1. 深圳市新来科技有限公司")));

        var imported = Path.Combine(host.Folder, "new.csv");
        var header = File.ReadLines(BotHost.DataFile("ledger.csv")).First();
        var row = File.ReadLines(BotHost.DataFile("ledger.csv")).Skip(1).First().Split(',');
        row[Array.IndexOf(header.Split(','), "单位名称")] = "深圳市新来科技有限公司";
        row[Array.IndexOf(header.Split(','), "统一社会信用代码")] = "";
        File.WriteAllLines(imported, [header, string.Join(',', row)]);
        await host.Store.ImportLedgerAsync(imported);

        Assert.Equal("深圳市新来科技有限公司", Assert.Single(Buttons.For(new ReplyMessage("名单：\n1. 深圳市新来科技有限公司"))!).Title);
    }
}
