using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>The stages added for voice input and names, each on its own: fillers out, and the shape of a unit's name.</summary>
public sealed class SpokenInputStageTests
{
    private static readonly Vocabulary Words = Vocabulary.Default();
    private static readonly KeywordSet Fillers = new(Words.SpokenFillers);

    [Theory]
    [InlineData("嗯 今天那个去了一趟云启科技", " 今天去了一趟云启科技")]
    [InlineData("嗯就是智联物流那边", "智联物流那边")]
    [InlineData("党员就是六个", "党员就是六个")]
    [InlineData("老板本人就是党员", "老板本人就是党员")]
    [InlineData("呃呃那个", "")]
    [InlineData("今天走访了云启科技", "今天走访了云启科技")]
    public void Fillers_are_taken_out_where_a_clause_starts_or_mid_clause_and_a_copula_is_kept(string said, string read) =>
        Assert.Equal(read, SpokenFillers.Remove(said, Fillers, []));

    [Fact]
    public void A_filler_inside_a_kept_span_stays()
    {
        const string text = "走访了那个科技有限公司";
        Assert.Equal(text, SpokenFillers.Remove(text, Fillers, [(3, text.Length)]));
    }

    [Theory]
    [InlineData("深圳市荷坳五金制品厂", "荷坳")]
    [InlineData("深圳市和美家居有限公司", "和美")]
    [InlineData("新锐物流", "新锐")]
    public void A_name_with_a_proper_name_before_its_kind_is_a_unit(string written, string proper) =>
        Assert.Equal(proper, new UnitNameShape(Words).ProperNameOf(written));

    [Theory]
    [InlineData("小公司")]
    [InlineData("皮包公司")]
    [InlineData("整个单位")]
    [InlineData("这家公司")]
    [InlineData("有限公司")]
    public void A_generic_noun_before_an_organisation_word_is_no_unit(string written) =>
        Assert.False(new UnitNameShape(Words).Accepts(written));
}
