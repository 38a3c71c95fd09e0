using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding.Tokens;

public sealed class ClauseStartsTests
{
    /// <summary>The text cut at the clause starts found (pauses are not cuts here).</summary>
    private static string Cut(string text)
    {
        var starts = ClauseStarts.Find(text, TokenStage.Tokenize(text)).Order().ToList();
        var parts = new List<string>();
        var from = 0;
        foreach (var start in starts)
        {
            parts.Add(text[from..start]);
            from = start;
        }

        parts.Add(text[from..]);
        return string.Join("|", parts);
    }

    [Theory]
    [InlineData("昨天去了恒信建筑和德润物业恒信那边党员十个德润那边党员两个", "昨天去了恒信建筑和德润物业|恒信那边党员十个|德润那边党员两个")]
    [InlineData("昨天去了瑞康医疗职工两百一党员九个今天去了安捷电子", "昨天去了瑞康医疗职工两百一党员九个|今天去了安捷电子")]
    [InlineData("今天去了微光软件员工八十然后又去了安捷电子那边党员没有", "今天去了微光软件员工八十|然后又去了安捷电子那边党员没有")]
    [InlineData("走访了云启科技党员六个青禾文化党员两个", "走访了云启科技党员六个|青禾文化党员两个")]
    [InlineData("星辰半导体党委派了两名党员过来帮建 华鼎物流和智联物流今天建起了联合党支部", "星辰半导体党委派了两名党员过来帮建 |华鼎物流和智联物流今天建起了联合党支部")]
    public void A_turn_a_day_or_a_new_topic_after_a_clause_that_says_something_starts_the_next(string said, string clauses) =>
        Assert.Equal(clauses, Cut(said));

    [Theory]
    [InlineData("昨天和今天都去了青禾文化")] // days listed
    [InlineData("今天走访了云启科技和青禾文化")] // organisations listed after the verb
    [InlineData("今天上午去了云启科技")] // nothing said yet before the turn word
    [InlineData("发现了青禾文化党员两个")] // the organisation is the verb's object
    [InlineData("今天走访了 云启科技 微光软件和瑞康医疗")] // a name after a blank is the verb's object when nothing was said before
    public void Lists_objects_and_openings_do_not_start_a_clause(string said) =>
        Assert.Equal(said, Cut(said));
}
