using System.Net.Http.Json;
using System.Text.Json;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 4, as reported, over real HTTP: formation advice and candidate questions reveal nothing of a unit
/// outside the sender's jurisdiction (安捷电子 is in 龙华区民治街道; 云启 and 华鼎 name units in 龙岗区 only).
/// </summary>
public sealed class JurisdictionRepliesTests : IDisposable
{
    private readonly BotHost host = new();
    private readonly BotFrameworkClient bot;

    public JurisdictionRepliesTests()
    {
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        foreach (var user in new[] { "u_liu", "u_chen" })
        {
            bindings.BindAsync(user, "botframework", $"bf-{user}", CancellationToken.None).GetAwaiter().GetResult();
        }

        bot = new BotFrameworkClient(host.CreateClient());
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Formation_advice_for_a_unit_of_another_district_reveals_neither_its_name_nor_its_figures()
    {
        var outside = Assert.Single(await bot.SayAsync("bf-u_liu", "安捷电子适合采用什么方式组建党组织？"));
        var inside = Assert.Single(await bot.SayAsync("bf-u_chen", "安捷电子适合采用什么方式组建党组织？"));

        Assert.Contains("不在您的辖区", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("深圳市安捷电子有限公司", outside, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]", outside);
        Assert.Contains("深圳市安捷电子有限公司", inside, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_candidate_question_lists_no_unit_outside_the_senders_jurisdiction()
    {
        var web = await SignedInAsync("u_chen");

        var first = await SayOnWebAsync(web, "今天走访了云启", "c1");
        var second = await SayOnWebAsync(web, "华鼎", "c2");

        foreach (var reply in new[] { first, second })
        {
            Assert.DoesNotContain("深圳市云启", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("深圳市华鼎", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.True(!reply.TryGetProperty("quickReplies", out var quick) || quick.ValueKind != JsonValueKind.Array || quick.GetArrayLength() == 0);
        }

        Assert.Equal(0, host.RecordCount);
    }

    private async Task<HttpClient> SignedInAsync(string userId)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        (await client.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync(userId) })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<JsonElement> SayOnWebAsync(HttpClient client, string text, string id)
    {
        var response = await client.PostAsJsonAsync("/api/webchat/messages", new { text, clientMessageId = id });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("replies")[0].Clone();
    }
}
