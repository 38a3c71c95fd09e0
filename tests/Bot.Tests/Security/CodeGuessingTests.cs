using System.Net;
using System.Net.Http.Json;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.BotFramework;
using InstructorBot.Bot.Tests.Conversation;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 2: one-time codes (chat binding and web sign-in) are long enough that a sweep is hopeless, and
/// guesses are throttled per sender with a global ceiling that does not lock the others out. Real host, real LiteDB.
/// </summary>
public sealed class CodeGuessingTests : IDisposable
{
    private const string CodeShape = "^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$";

    private readonly BotHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Codes_are_eight_symbols_of_a_32_symbol_alphabet_without_look_alikes()
    {
        var codes = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            codes.Add(await host.IssueCodeAsync("u_zhang"));
        }

        Assert.All(codes, code => Assert.Matches(CodeShape, code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(32, CodeFormat.Alphabet.Distinct().Count());
        Assert.DoesNotContain(CodeFormat.Alphabet, c => c is '0' or 'O' or '1' or 'I');
    }

    [Fact]
    public async Task The_users_code_verb_prints_a_code_of_the_same_shape()
    {
        var folder = Directory.CreateTempSubdirectory("instructorbot-code-").FullName;
        try
        {
            var database = Path.Combine(folder, "bot.db");
            var output = new StringWriter();
            Assert.Equal(0, await CliApp.RunAsync(["import", "--users", BotHost.DataFile("users.csv"), "--db", database], new StringWriter(), new StringWriter()));

            var exit = await CliApp.RunAsync(["users", "code", "--user", "u_zhang", "--db", database], output, new StringWriter());

            Assert.Equal(0, exit);
            Assert.Matches(CodeShape, output.ToString().Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("no hyphen")]
    [InlineData("full width")]
    public async Task A_code_typed_on_a_phone_in_lower_case_without_the_hyphen_or_full_width_still_binds(string typing)
    {
        var code = await host.IssueCodeAsync("u_zhang");
        var typed = typing switch
        {
            "lower" => code.ToLowerInvariant(),
            "no hyphen" => code.Replace("-", " ", StringComparison.Ordinal),
            _ => new string([.. code.Select(c => c == '-' ? c : (char)(c + 0xFEE0))]),
        };

        var reply = Assert.Single(await new BotFrameworkClient(host.CreateClient()).SayAsync("bf-phone", "绑定 " + typed));

        Assert.Contains("绑定成功", reply, StringComparison.Ordinal);
        Assert.Equal("u_zhang", host.Store.FindUserByChannel("botframework", "bf-phone")?.Id);
    }

    [Fact]
    public async Task A_chat_sweep_is_locked_after_five_wrong_codes_and_the_right_code_then_binds_nobody()
    {
        var bot = new BotFrameworkClient(host.CreateClient());
        var code = await host.IssueCodeAsync("u_wang");
        var wrong = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add(Assert.Single(await bot.SayAsync("bf-sweeper", $"绑定 {WrongCode(code, i)}")));
        }

        var locked = Assert.Single(await bot.SayAsync("bf-sweeper", $"绑定 {code}"));

        Assert.All(wrong, r => Assert.Contains("无效", r, StringComparison.Ordinal));
        Assert.Contains("错误次数过多", locked, StringComparison.Ordinal);
        Assert.Contains("15 分钟", locked, StringComparison.Ordinal);
        Assert.Null(host.Store.FindUserByChannel("botframework", "bf-sweeper"));
    }

    [Fact]
    public async Task A_locked_sender_does_not_lock_out_another_sender_with_a_right_code()
    {
        var bot = new BotFrameworkClient(host.CreateClient());
        for (var i = 0; i < 6; i++)
        {
            await bot.SayAsync("bf-sweeper", $"绑定 {WrongCode("2222-2222", i)}");
        }

        var reply = Assert.Single(await bot.SayAsync("bf-liu", $"绑定 {await host.IssueCodeAsync("u_liu")}"));

        Assert.Contains("绑定成功", reply, StringComparison.Ordinal);
        Assert.Equal("u_liu", host.Store.FindUserByChannel("botframework", "bf-liu")?.Id);
    }

    [Fact]
    public async Task Above_the_global_ceiling_repeat_guessers_are_refused_while_a_first_try_is_still_checked()
    {
        using var busy = new BotHost(new Dictionary<string, string?> { ["Security:Codes:GlobalFailuresPerMinute"] = "4" });
        var bot = new BotFrameworkClient(busy.CreateClient());
        for (var sender = 0; sender < 4; sender++)
        {
            await bot.SayAsync($"bf-flood-{sender}", "绑定 2222-2222");
        }

        var repeat = Assert.Single(await bot.SayAsync("bf-flood-0", "绑定 3333-3333"));
        var first = Assert.Single(await bot.SayAsync("bf-zhang", $"绑定 {await busy.IssueCodeAsync("u_zhang")}"));

        Assert.Contains("错误次数过多", repeat, StringComparison.Ordinal);
        Assert.Contains("绑定成功", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Web_sign_in_guesses_lock_the_guessing_client_even_for_a_right_code()
    {
        var sweeper = host.CreateClient();
        sweeper.DefaultRequestHeaders.Add("X-InstructorBot-Request", "1");
        for (var i = 0; i < 5; i++)
        {
            await sweeper.PostAsJsonAsync("/api/webchat/signin", new { code = WrongCode("2222-2222", i) });
        }

        var locked = await sweeper.PostAsJsonAsync("/api/webchat/signin", new { code = await host.IssueCodeAsync("u_zhang") });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
    }

    /// <summary>A well-formed code that differs from <paramref name="code"/>.</summary>
    private static string WrongCode(string code, int n)
    {
        var symbols = code.Replace("-", "", StringComparison.Ordinal).ToCharArray();
        symbols[n % 8] = CodeFormat.Alphabet[(CodeFormat.Alphabet.IndexOf(symbols[n % 8], StringComparison.Ordinal) + 1 + n) % 32];
        return CodeFormat.Display(new string(symbols));
    }
}
