using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

public sealed class ChineseNumberTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("两", 2)]
    [InlineData("俩", 2)]
    [InlineData("五", 5)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("六十五", 65)]
    [InlineData("一百", 100)]
    [InlineData("一百二十", 120)]
    [InlineData("一百二", 120)]
    [InlineData("一百零五", 105)]
    [InlineData("两千三百", 2300)]
    [InlineData("一万二千", 12000)]
    [InlineData("零", 0)]
    [InlineData("仨", 3)]
    [InlineData("贰", 2)]
    [InlineData("叁", 3)]
    [InlineData("拾伍", 15)]
    [InlineData("壹拾贰", 12)]
    [InlineData("捌拾陆", 86)]
    [InlineData("壹佰贰拾", 120)]
    [InlineData("叁佰零伍", 305)]
    [InlineData("两百一十", 210)]
    [InlineData("壹仟", 1000)]
    public void Parses_chinese_numerals(string numeral, int expected)
    {
        Assert.True(ChineseNumber.TryParse(numeral, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("一二")]
    [InlineData("百")]
    [InlineData("名")]
    public void Refuses_what_is_no_number(string text) => Assert.False(ChineseNumber.TryParse(text, out _));

    [Fact]
    public void Reads_a_number_where_it_starts_and_says_how_long_it_is()
    {
        Assert.True(ChineseNumber.TryRead("职工180人", 2, out var digits, out var digitLength));
        Assert.Equal((180, 3), (digits, digitLength));
        Assert.True(ChineseNumber.TryRead("发现十二名党员", 2, out var han, out var hanLength));
        Assert.Equal((12, 2), (han, hanLength));
    }
}
