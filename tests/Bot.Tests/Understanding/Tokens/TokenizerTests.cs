using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding.Tokens;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("职工一百七 党员呢是六个", "职工|Employees 一百七|Number=170 党员|Members 呢|Particle 是|Particle 六|Number=6 个|Measure")]
    [InlineData("员工三百二", "员工|Employees 三百二|Number=320")]
    [InlineData("人二十六个", "人|Word 二十六|Number=26 个|Measure")]
    [InlineData("找着俩口袋党员", "找着|Discovery 俩|Number=2 口袋党员|Members:pocket")]
    [InlineData("仨流动党员", "仨|Number=3 流动党员|Members:flowing")]
    [InlineData("党员一共四个", "党员|Members 一共|Particle 四|Number=4 个|Measure")]
    [InlineData("那边五十五个人", "那边|Place 五十五|Number=55 个人|Measure")]
    [InlineData("然后又去了一趟", "然后|Turn 又去|Turn 了|Word 一|Word 趟|Word")]
    [InlineData("职工二十来个", "职工|Employees 二十|Number=20 来|Approximation 个|Measure")]
    [InlineData("哦不是 是俩", "哦不是|Correction 是|Particle 俩|Number=2")]
    public void Words_are_classed_from_the_vocabulary_and_figures_read_as_spoken(string said, string tokens) =>
        Assert.Equal(tokens, TokenStage.Show(said));

    [Fact]
    public void An_organisation_and_a_day_are_one_token_each_and_no_word_runs_into_them()
    {
        const string text = "前天去的是青禾文化";
        var tokens = TokenStage.Tokenize(text);
        Assert.Equal(TokenKind.Date, tokens[0].Kind);
        Assert.Equal("前天", text[tokens[0].Start..tokens[0].End]);
        var organization = Assert.Single(tokens, t => t.Kind == TokenKind.Organization);
        Assert.Equal("青禾文化", text[organization.Start..organization.End]);
    }

    [Fact]
    public void A_figure_inside_an_organisation_name_is_no_figure()
    {
        var (_, days) = TokenStage.Entities("");
        var tokens = Tokenizer.Tokenize("走访三一重工", TokenStage.Rules.Lexicon, [(2, 6)], days);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("😀😀党员😀")]
    [InlineData("abc123党员")]
    public void The_tokens_cover_the_text_end_to_end_without_gaps(string text)
    {
        var tokens = TokenStage.Tokenize(text);
        var at = 0;
        foreach (var token in tokens)
        {
            Assert.Equal(at, token.Start);
            Assert.True(token.End > token.Start);
            at = token.End;
        }

        Assert.Equal(text.Length, at);
    }
}
