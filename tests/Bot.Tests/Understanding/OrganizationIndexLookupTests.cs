using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>The index remembers each thread's last lookup: the same answer, a list of the caller's own, per index.</summary>
public sealed class OrganizationIndexLookupTests
{
    private const string Text = "今天走访了云启科技和华鼎精密，还有一家物业公司";

    [Fact]
    public void Asking_twice_gives_the_same_mentions_in_a_list_the_caller_may_change()
    {
        var index = new MessageUnderstanding(FixtureLedger.Organizations()).Index;

        var first = index.FindMentions(Text);
        first.Clear();
        var second = index.FindMentions(Text);
        var third = index.FindMentions(Text);

        Assert.Equal(3, second.Count);
        Assert.Equal(second, third);
        Assert.NotSame(second, third);
        Assert.Equal(["深圳市云启科技有限公司", "深圳市华鼎精密制造有限公司"], second.Where(m => !m.IsGeneric).Select(m => m.Organization!.Name));
    }

    [Fact]
    public void Another_index_or_another_text_is_looked_up_afresh()
    {
        var ledger = FixtureLedger.Organizations();
        var full = new MessageUnderstanding(ledger).Index;
        var without = new MessageUnderstanding([.. ledger.Where(o => !o.Name.Contains("云启科技", StringComparison.Ordinal))]).Index;

        Assert.Contains(full.FindMentions(Text), m => m.Organization?.Name == "深圳市云启科技有限公司");
        Assert.DoesNotContain(without.FindMentions(Text), m => m.Organization?.Name == "深圳市云启科技有限公司");
        Assert.Contains(full.FindMentions(Text), m => m.Organization?.Name == "深圳市云启科技有限公司");
        Assert.Empty(full.FindMentions("今天天气不错"));
    }

    [Fact]
    public void Threads_looking_up_different_texts_at_once_each_get_their_own()
    {
        var index = new MessageUnderstanding(FixtureLedger.Organizations()).Index;
        string[] texts = ["走访了云启科技", "走访了华鼎精密", "今天天气不错", Text];
        var expected = texts.Select(t => index.FindMentions(t).Count).ToArray();

        Parallel.For(0, 4000, i =>
        {
            var k = i % texts.Length;
            Assert.Equal(expected[k], index.FindMentions(texts[k]).Count);
        });
    }
}
