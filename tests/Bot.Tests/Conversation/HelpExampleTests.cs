using System.Text.RegularExpressions;
using InstructorBot.Bot.Replies;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// Every example "帮助" shows, for every user of the fixtures (each role, each jurisdiction), sent as written through the
/// real pipeline over HTTP: each gets a real reply, never the fallback, a refusal for another jurisdiction, or a policy
/// answer without a source.
/// </summary>
public sealed partial class HelpExampleTests : IDisposable
{
    private readonly BotHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("u_zhang")]
    [InlineData("u_liu")]
    [InlineData("u_zhao")]
    [InlineData("u_sun")]
    [InlineData("u_chen")]
    [InlineData("u_li")]
    [InlineData("u_wang")]
    [InlineData("u_admin")]
    public async Task Every_help_example_sent_as_written_gets_a_real_reply(string user)
    {
        var chat = await WebChatSession.SignInAsync(host, user);
        var help = await chat.SayAsync("帮助");
        var examples = Example().Matches(help).Select(m => (What: m.Groups["what"].Value, Text: m.Groups["text"].Value)).ToList();
        Assert.True(examples.Count >= 4, help);

        var failures = new List<string>();
        foreach (var (what, text) in examples)
        {
            var reply = await chat.SayAsync(text);
            if (reply.Contains(DialogueReplies.NotUnderstood, StringComparison.Ordinal)
                || reply.Contains("不在您的辖区", StringComparison.Ordinal)
                || reply.Contains("没有找到", StringComparison.Ordinal)
                || reply.Contains("暂不可用", StringComparison.Ordinal)
                || reply.Contains("未登记任何内容", StringComparison.Ordinal)
                || reply.Contains("无法更正", StringComparison.Ordinal)
                || (what == "问政策" && !reply.Contains('《'))
                || (what.StartsWith("登记", StringComparison.Ordinal) && !reply.Contains("已记录", StringComparison.Ordinal))
                || (what == "更正上一条" && !reply.Contains("已更正", StringComparison.Ordinal)))
            {
                failures.Add($"{what}“{text}” → {reply.ReplaceLineEndings(" / ")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_instructor_s_help_names_only_units_inside_the_instructor_s_jurisdiction()
    {
        var help = await (await WebChatSession.SignInAsync(host, "u_zhang")).SayAsync("帮助");

        var named = host.Store.Organizations().Where(o => Example().Matches(help).Any(m => m.Groups["text"].Value.Contains(Core(o.Name), StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, o => Assert.Equal("坂田街道", o.Street));
    }

    private static string Core(string name) => name.Replace("深圳市", "", StringComparison.Ordinal).Replace("有限公司", "", StringComparison.Ordinal)[..4];

    [GeneratedRegex(@"· (?<what>[^：\n]+)：“(?<text>[^”]+)”")]
    private static partial Regex Example();
}
