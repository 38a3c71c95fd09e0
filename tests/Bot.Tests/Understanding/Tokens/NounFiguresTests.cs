using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding.Tokens;

public sealed class NounFiguresTests
{
    private static string Pairs(string text) => string.Join(" ", NounFigures.Pair(text, TokenStage.Tokenize(text))
        .OrderBy(p => p.Start)
        .Select(p => $"{p.Noun}={p.Value}{(p.Approximate ? "~" : "")}{(p.Category is { } c ? ":" + c : "")}"));

    [Theory]
    [InlineData("职工一百七 党员呢是六个", "Employees=170 Members=6")]
    [InlineData("党员十一个 职工一百二", "Members=11 Employees=120")]
    [InlineData("人二十六个 党员一个", "Employees=26 Members=1")]
    [InlineData("云启科技那边五十五个人 也没党员", "Employees=55")]
    [InlineData("党员一共四个", "Members=4")]
    [InlineData("党员还是零个", "Members=0")]
    [InlineData("党员还是一个没有", "Members=0")]
    [InlineData("员工就剩八个人了", "Employees=8")]
    [InlineData("员工涨到一百五了", "Employees=150")]
    [InlineData("职工一百三左右", "Employees=130~")]
    [InlineData("员工两百一党员八个", "Employees=210 Members=8")]
    [InlineData("流动党员两名", "Members=2:flowing")]
    public void A_figure_goes_with_the_noun_it_is_said_with_in_either_order_particles_between(string said, string pairs) =>
        Assert.Equal(pairs, Pairs(said));

    [Theory]
    [InlineData("发现两名党员 一名预备党员")] // the second figure is said with a noun of its own
    [InlineData("发现三个党员 两个是流动的")] // …and with words of its own
    [InlineData("职工四十来个党员")] // the next noun may claim it: left to the older rules
    [InlineData("党员由1名增加到3名")] // a change: left to the older rules
    [InlineData("党员占比30%")]
    [InlineData("五个人是党员")]
    public void A_figure_that_starts_a_phrase_of_its_own_or_a_change_is_not_paired(string said) =>
        Assert.DoesNotContain("Members=", Pairs(said).Replace("Members=2:flowing", "", StringComparison.Ordinal), StringComparison.Ordinal);

    [Fact]
    public void Each_noun_takes_one_figure_and_each_figure_one_noun()
    {
        var pairs = NounFigures.Pair("职工 党员 六个", TokenStage.Tokenize("职工 党员 六个"));
        Assert.Single(pairs);
    }

    [Fact]
    public void The_window_between_a_noun_and_its_figure_is_bounded()
    {
        Assert.Empty(NounFigures.Pair("党员呢 是 呢 是 呢 是六个", TokenStage.Tokenize("党员呢 是 呢 是 呢 是六个")));
    }
}
