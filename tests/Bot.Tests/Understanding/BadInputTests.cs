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

/// <summary>Random text built from the words the rules look for never throws.</summary>
public sealed class RandomTextTests
{
    [Fact]
    public void Ten_thousand_random_messages_from_report_words_never_throw()
    {
        string[] pieces = ["今天", "昨天", "上周五", "16号", "11月", "走访", "去了", "发现", "其中", "名", "个", "党员", "口袋", "流动", "职工", "人", "多",
            "成立", "联合", "党支部", "党委", "由", "带建", "书记", "担任", "工会", "指导员", "选派", "云启", "华鼎", "科技", "有限公司", "深圳市",
            "一", "十", "百", "两", "3", "0", "，", "？", "吗", "怎么", "没有", "准备", "撤销", "导出", "街道", "区", "我", "帮扶", "一对一", "😀", "\u0000", " ", "."];
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var zhang = FixtureLedger.Users()["u_zhang"];
        var now = new DateTimeOffset(2026, 11, 18, 15, 30, 0, TimeSpan.FromHours(8));
        var random = new Random(42);
        for (var i = 0; i < 10_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            var result = understanding.Understand(text, zhang, now);
            Assert.NotNull(result);
            Assert.All(result.Actions, a => Assert.True(!a.IsRecord || a.Date is not null, text));
        }
    }
}
