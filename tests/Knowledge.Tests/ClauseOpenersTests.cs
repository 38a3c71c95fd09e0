using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Tests;

/// <summary>A message typed without punctuation is told, then asked: broken once before its asking part.</summary>
public sealed class ClauseOpenersTests
{
    private static readonly IReadOnlyList<string> Interrogatives = Vocabulary.LoadDefault().Interrogatives!;

    [Theory]
    [InlineData("物业公司那边有个老员工一直不肯转组织关系文件里对这种党员是怎么要求的", "物业公司那边有个老员工一直不肯转组织关系，文件里对这种党员是怎么要求的")]
    [InlineData("我们片区上个月又新开了三家小超市我想问一下这种要不要也算进排查范围", "我们片区上个月又新开了三家小超市，我想问一下这种要不要也算进排查范围")]
    [InlineData("街道让我们每季度报一次组建进度我记得表格是按月填的到底几号前要交", "街道让我们每季度报一次组建进度，我记得表格是按月填的到底几号前要交")]
    public void Breaks_a_message_typed_without_punctuation_before_the_first_clause_opener_a_question_word_follows(string message, string broken)
    {
        Assert.Equal(broken, ClauseOpeners.Default.Break(message, Interrogatives));
    }

    [Theory]
    [InlineData("物业公司那边有个老员工一直不肯转组织关系，文件里对这种党员是怎么要求的")] // punctuated: its clauses are its own
    [InlineData("联合支部书记文件里怎么说")] // short: one clause
    [InlineData("物业公司那边有个老员工一直不肯转组织关系文件里也写了要做工作")] // no question word after the opener
    public void Leaves_a_punctuated_a_short_or_an_unasking_message_as_it_is(string message)
    {
        Assert.Equal(message, ClauseOpeners.Default.Break(message, Interrogatives));
    }

    [Fact]
    public void The_shipped_openers_are_learned_clause_heads_none_a_bare_question_word()
    {
        var openers = ClauseOpeners.Default.Openers;

        Assert.Contains("文件", openers);
        Assert.Contains("这种", openers);
        Assert.DoesNotContain(openers, o => Interrogatives.Contains(o));
    }
}
