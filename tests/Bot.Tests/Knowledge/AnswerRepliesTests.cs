using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Replies;
using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Bot.Tests.Knowledge;

/// <summary>Replies a phone can read: the answer once, no leading section number, short titles, quotes only where they add.</summary>
public sealed class AnswerRepliesTests
{
    private const string Wuhan = "武汉市非公有制经济组织和社会组织党组织集中组建“百日攻坚行动”实施方案";

    [Fact]
    public void An_answer_starting_with_its_section_number_is_shown_without_it_and_its_own_quote_is_not_repeated()
    {
        var quote = "4、建立功能型党组织。以机关事业单位人员为主体组成的社会组织等，可以建立功能型党组织，党员按照一方隶属、双重管理、多方活动的原则，进行有效管理。";
        var answer = new DocumentAnswer(true, "4、建立功能型党组织。以机关事业单位人员为主体组成的社会组织等，可以建立功能型党组织，党员按照一方隶属、双重管理、多方活动的原则，进行有效管理。",
            [new Citation(Wuhan, "二、工作安排 / （四）抓好集中组建（11月20日前）", quote)]);

        var reply = AnswerReplies.Document(answer);

        Assert.StartsWith("建立功能型党组织。", reply, StringComparison.Ordinal);
        Assert.Equal(2, reply.Split("一方隶属").Length);
        Assert.Contains("\n《“百日攻坚行动”实施方案》二、工作安排 / （四）抓好集中组建（11月20日前）", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citation_the_answer_does_not_draw_on_is_left_out()
    {
        var answer = new DocumentAnswer(true, "每个支部人数一般不超过50人。", [
            new Citation("提高“两新”组织党建“两个覆盖”质量专项工作方案", "二、重点任务", "每个支部人数一般不超过50人，按业务或班组建立若干个党小组。"),
            new Citation(Wuhan, "一、目标任务", "将我市“两新”组织党组织覆盖率提升到80%以上。"),
        ]);

        var reply = AnswerReplies.Document(answer);

        Assert.DoesNotContain("80%", reply, StringComparison.Ordinal);
        Assert.Contains("《“两个覆盖”质量专项工作方案》二、重点任务", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void No_answer_says_so_and_points_to_what_the_bot_can_do()
    {
        var reply = AnswerReplies.Document(new DocumentAnswer(false, AskService.NoAnswer, []));

        Assert.StartsWith(AskService.NoAnswer, reply, StringComparison.Ordinal);
        Assert.Contains("帮助", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("所给文件", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Wuhan, "“百日攻坚行动”实施方案")]
    [InlineData("中共海口市委组织部关于开展2021年非公有制企业和社会组织党的组织和工作覆盖集中攻坚专项行动的通知", "…党的组织和工作覆盖集中攻坚专项行动的通知")]
    public void Shortens_a_title_for_a_phone(string title, string expected)
    {
        Assert.Equal(expected, AnswerReplies.ShortTitle(title));
    }
}
