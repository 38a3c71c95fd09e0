using System.Diagnostics;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Whatever arrives, the understanding answers without an exception and with a sensible result.</summary>
public sealed class BadInputTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly InstructorBot.Store.Domain.User Zhang = FixtureLedger.Users()["u_zhang"];
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 15, 30, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？！！。。。")]
    [InlineData("……")]
    [InlineData("👍👍🎉")]
    [InlineData("\u0000\u0001\u001b[31m")]
    [InlineData("ok")]
    [InlineData("好的收到")]
    public void Meaningless_text_asks_for_nothing(string text)
    {
        var result = Understanding.Understand(text, Zhang, Now);
        Assert.Empty(result.Actions);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void A_null_text_asks_for_nothing() => Assert.Empty(Understanding.Understand(null, Zhang, Now).Actions);

    [Fact]
    public void Emoji_and_control_characters_around_a_report_do_not_hide_it()
    {
        var result = Understanding.Understand("👍今天\u0007走访了云启科技🎉\r\n发现２名党员", Zhang, Now);
        Assert.Equal([ActionKind.Visit, ActionKind.MemberDiscovery], result.Actions.Select(a => a.Kind));
        Assert.All(result.Actions, a => Assert.Equal("深圳市云启科技有限公司", a.Organization));
        Assert.Equal(2, result.Actions[1].Count);
    }

    [Fact]
    public void Mixed_scripts_are_read_for_what_they_say()
    {
        var result = Understanding.Understand("today 走访了 Yunqi 云启科技 OK", Zhang, Now);
        Assert.Equal("深圳市云启科技有限公司", Assert.Single(result.Actions).Organization);
    }

    [Fact]
    public void A_hundred_kilobytes_of_text_is_answered_quickly_without_an_exception()
    {
        var text = string.Concat(Enumerable.Repeat("今天走访了云启科技发现2名党员，", 7000));
        Assert.True(text.Length > 100_000);
        var clock = Stopwatch.StartNew();
        var result = Understanding.Understand(text, Zhang, Now);
        Assert.NotEmpty(result.Actions);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void A_cut_surrogate_pair_at_the_length_limit_is_dropped_not_broken()
    {
        var text = new string('啊', TextNormalizer.MaxLength - 1) + "😀";
        var normalized = TextNormalizer.Normalize(text);
        Assert.False(char.IsHighSurrogate(normalized[^1]));
    }
}
