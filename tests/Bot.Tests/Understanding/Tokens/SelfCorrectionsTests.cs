using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding.Tokens;

public sealed class SelfCorrectionsTests
{
    private static string Meant(string said) => SelfCorrections.Apply(said, TokenStage.Rules, TokenStage.Entities);

    [Theory]
    [InlineData("发现一个流动党员 哦不是 是俩 俩流动党员", "发现俩个流动党员")] // a figure (its measure stays), and its echo with the noun
    [InlineData("发现两个口袋党员 哦不对 是三个", "发现三个口袋党员")]
    [InlineData("上周四去了德润物业不对是上周五发现了一名口袋党员", "上周五去了德润物业发现了一名口袋党员")] // a find said on, with no pause, stays
    [InlineData("上周四去的青禾文化 哦不对说错了 是上周五 聊了一会", "上周五去的青禾文化 聊了一会")] // markers in a row go together
    [InlineData("员工三百 哦不对 三百五 党员八个", "员工三百五 党员八个")]
    [InlineData("党员十一个 哦说错了 是十三个 员工两百", "党员十三个 员工两百")]
    [InlineData("工作人员十五 党员九个 哦不对 党员是十个", "工作人员十五 党员十个")] // the noun said again picks its figure
    [InlineData("昨天去了恒信建筑 哦不对 是前天 职工三百二", "前天去了恒信建筑 职工三百二")] // a day
    [InlineData("走访了云启科技 不对 是云启网络科技", "走访了云启网络科技")] // a name
    [InlineData("发现一个口袋党员 哦不对 是隐形党员", "发现一个隐形党员")] // a category
    [InlineData("前天去的是青禾文化 不是手造咖啡 党员有五个", "前天去的是青禾文化 党员有五个")] // the name denied goes
    [InlineData("党员六十五 哦不是六十五 是六十八", "党员六十八")] // the wrong value said again, then the right one
    [InlineData("昨天去了青禾文化 不是昨天 是前天", "前天去了青禾文化")]
    [InlineData("昨天去了青禾文化 不对 前天", "前天去了青禾文化")]
    public void The_item_said_after_the_marker_replaces_the_last_one_of_its_kind(string said, string meant) =>
        Assert.Equal(meant, Meant(said));

    [Theory]
    [InlineData("刚才那条不对，撤销")]
    [InlineData("不对，撤销上一条记录")]
    [InlineData("不好意思 3个党员")]
    [InlineData("他不是党员")]
    [InlineData("今天走访了云启科技")]
    public void A_marker_with_nothing_of_a_correction_s_shape_changes_nothing(string said) =>
        Assert.Equal(said, Meant(said));

    [Fact]
    public void Markers_in_a_row_end_after_a_bounded_number_of_edits()
    {
        var said = string.Concat(Enumerable.Repeat("党员2名 不对 是3名 ", 20));
        var meant = Meant(said);
        Assert.True(meant.Length < said.Length);
    }
}
