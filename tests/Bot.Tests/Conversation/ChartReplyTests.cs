using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Store.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// Charts and changes of coverage by chat, over the real host and a real LiteDB file: a chart reaches the web chat as a
/// signed image link only its owner can fetch, and Bot Framework as an inline image; "覆盖率这个月提高了多少" states both
/// figures and the window, computed here from tests/data/ledger.csv and the formations the test wrote (the Bot Framework
/// client's day is Wednesday 2026-11-18).
/// </summary>
public sealed class ChartReplyTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 18);
    private readonly BotHost host = new();
    private readonly BotFrameworkClient bot;

    /// <summary>Units of the fixture ledger that are 未建 there, formed by the test on these days.</summary>
    private readonly (string Unit, DateOnly Day)[] formations =
    [
        ("深圳市优品连锁超市有限公司", new(2026, 10, 20)),
        ("深圳市云启科技有限公司", new(2026, 11, 5)),
        ("广东正衡律师事务所", new(2026, 11, 16)),
        ("深圳市顺达快递服务有限公司", new(2026, 11, 10)),
    ];

    public ChartReplyTests()
    {
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        foreach (var user in (string[])["u_wang", "u_zhang"])
        {
            bindings.BindAsync(user, "botframework", "bf-" + user, CancellationToken.None).GetAwaiter().GetResult();
        }

        foreach (var (unit, day) in formations)
        {
            host.Store.RecordAsync("u_wang", new Formation
            {
                OrganizationId = host.Organization(unit).Id, Date = day, Method = FormationMethod.Single, Level = PartyOrganizationLevel.Branch, Members = 3,
            }).GetAwaiter().GetResult();
        }

        bot = new BotFrameworkClient(host.CreateClient());
    }

    public void Dispose() => host.Dispose();

    /// <summary>Base and covered units of 龙岗区 or one of its streets at the end of a day, counted from the ledger file and the formations above.</summary>
    private (int Base, int Covered) Counted(string? street, DateOnly day)
    {
        var rows = File.ReadAllLines(BotHost.DataFile("ledger.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Where(f => f[5] == "龙岗区" && (street is null || f[6] == street) && f[15] == "正常").ToList();
        var formed = formations.Where(f => f.Day <= day).Select(f => f.Unit).ToHashSet();
        return (rows.Count, rows.Count(f => f[11] != "未建" || formed.Contains(f[1])));
    }

    private static string Percent(int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{100.0 * count / total:0.0}%（{count}/{total}）");

    [Fact]
    public async Task This_month_s_rise_of_a_street_s_coverage_states_both_figures_and_the_window()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "坂田街道覆盖率这个月提高了多少"));

        var start = Counted("坂田街道", new DateOnly(2026, 10, 31));
        var end = Counted("坂田街道", Today);
        Assert.True(end.Covered > start.Covered, "the fixture must change within the month");
        Assert.Contains("坂田街道 11月1日至11月18日", reply, StringComparison.Ordinal);
        Assert.Contains($"党的组织覆盖率由 {Percent(start.Covered, start.Base)}到 {Percent(end.Covered, end.Base)}", reply, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"提高 {Math.Round(100.0 * end.Covered / end.Base - 100.0 * start.Covered / start.Base, 1):0.0} 个百分点，新增覆盖 {end.Covered - start.Covered} 个单位"), reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rise_since_last_month_counts_from_the_first_of_this_month()
    {
        var reply = Assert.Single(await bot.SayAsync("bf-u_wang", "比上个月涨了多少"));

        var start = Counted(null, new DateOnly(2026, 10, 31));
        var end = Counted(null, Today);
        Assert.Contains("龙岗区 11月1日至11月18日", reply, StringComparison.Ordinal);
        Assert.Contains($"由 {Percent(start.Covered, start.Base)}到 {Percent(end.Covered, end.Base)}", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chart_goes_to_Bot_Framework_as_an_inline_png_with_its_title_and_figures_in_the_text()
    {
        var response = await bot.PostAsync(BotFrameworkClient.Message("bf-u_wang", "各街道覆盖率画个图", "chart-1"));
        var activity = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray())!;

        var (bantian, bantianCovered) = Counted("坂田街道", Today);
        var text = (string)activity["text"]!;
        Assert.Contains("龙岗区 各街道党的组织覆盖率（截至11月18日）", text, StringComparison.Ordinal);
        Assert.Contains($"坂田街道 {Percent(bantianCovered, bantian)}", text, StringComparison.Ordinal);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("image/png", (string?)attachment["contentType"]);
        var url = (string)attachment["contentUrl"]!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        using var image = SKBitmap.Decode(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        Assert.Equal((800, 500), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_chart_goes_to_the_web_chat_as_a_signed_image_only_its_owner_can_fetch()
    {
        var owner = await SignInAsync("u_wang");
        var body = await SayAsync(owner, "每周走访情况图");
        var reply = Assert.Single(body["replies"]!.AsArray())!;
        Assert.Contains("每周走访情况", (string)reply["text"]!, StringComparison.Ordinal);
        var attachment = reply["attachment"]!;
        Assert.Equal("image/png", (string?)attachment["contentType"]);
        Assert.Null(attachment["inline"]); // the bytes travel only inline on Bot Framework, never in the web chat's JSON or history
        var url = (string)attachment["url"]!;
        Assert.StartsWith("/api/files/", url, StringComparison.Ordinal);

        var fetched = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/png", fetched.Content.Headers.ContentType?.MediaType);
        using (var image = SKBitmap.Decode(await fetched.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(800, image.Width);
        }

        var other = await SignInAsync("u_zhang");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_chart_of_a_scope_outside_the_jurisdiction_is_refused_by_name_and_draws_nothing()
    {
        var response = await bot.PostAsync(BotFrameworkClient.Message("bf-u_zhang", "布吉街道覆盖率趋势图", "chart-2"));
        var activity = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray())!;
        Assert.Contains("布吉街道", (string)activity["text"]!, StringComparison.Ordinal);
        Assert.Contains("辖区", (string)activity["text"]!, StringComparison.Ordinal);
        Assert.Null(activity["attachments"]);
    }

    private async Task<HttpClient> SignInAsync(string userId)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        var response = await client.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync(userId) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static async Task<JsonNode> SayAsync(HttpClient client, string text)
    {
        var response = await client.PostAsJsonAsync("/api/webchat/messages", new { text, clientMessageId = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
