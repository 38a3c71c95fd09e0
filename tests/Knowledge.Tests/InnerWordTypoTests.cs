namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// IME typos of a campaign word that the word field only holds inside a longer word (指导员 in 党建工作指导员): read as the
/// campaign word, while everyday words around it are left alone.
/// </summary>
public sealed class InnerWordTypoTests
{
    [Theory]
    [InlineData("只导员一个人联系几家企业", "指导员一个人联系几家企业")]
    [InlineData("党建只导员是一个人盯一家吗", "党建指导员是一个人盯一家吗")]

    // A very common character typed (到, as in 指到员) is never read as a typo (Homophones' rule): left as it is.
    [InlineData("指到员是一个人盯一家吗", "指到员是一个人盯一家吗")]
    [InlineData("没党员的公司 除了派知道员还有啥办法", "没党员的公司 除了派指导员还有啥办法")]
    [InlineData("我知道原来的规定", "我知道原来的规定")]
    [InlineData("我知道怎么办", "我知道怎么办")]
    public void Reads_a_typo_of_a_campaign_word_inside_a_longer_document_word(string question, string expected)
    {
        using var folder = new TestFolder();
        using var knowledge = folder.ShippedCorpusWithPlan();
        Assert.Equal(expected, knowledge.Asker.CorrectTypos(question));
    }
}
