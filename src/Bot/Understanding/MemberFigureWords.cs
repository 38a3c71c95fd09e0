namespace InstructorBot.Bot.Understanding;

/// <summary>
/// How a figure of members or staff stands in time and in sum (round 16): words that make the figure after them the total
/// now (现在, 一共, 总数到), words that make it what is left (只剩, 就剩: the total now, asked before it is written), words that
/// make it an earlier figure (原来, 原有, 之前: no total now), words that add a part to a staff figure said before (另外有,
/// 还有) and words that leave a part out (不算, 不计). Words in <c>member_figures</c> of vocabulary.json, by class.
/// </summary>
internal sealed class MemberFigureWords(IReadOnlyDictionary<string, List<string>> words)
{
    /// <summary>现在, 目前, 一共, 总共, 总数到: the figure after it is the total now.</summary>
    public KeywordSet Now { get; } = new(words.GetValueOrDefault("now") ?? []);

    /// <summary>只剩, 就剩, 还剩: the figure after it is what is left, the total now.</summary>
    public KeywordSet Left { get; } = new(words.GetValueOrDefault("left") ?? []);

    /// <summary>原来, 原有, 之前: the figure after it was the total before.</summary>
    public KeywordSet Before { get; } = new(words.GetValueOrDefault("before") ?? []);

    /// <summary>另外有, 还有, 外加: a part added to the staff figure said before.</summary>
    public KeywordSet Adds { get; } = new(words.GetValueOrDefault("adds") ?? []);

    /// <summary>不算, 不计, 不包括: the part said with it is left out of the figure.</summary>
    public KeywordSet Excludes { get; } = new(words.GetValueOrDefault("excludes") ?? []);

    /// <summary>Whether the message holds any word of time or sum (one scan; the stage runs only then).</summary>
    public bool AnyIn(string text) => Now.ContainsAny(text) || Left.ContainsAny(text) || Before.ContainsAny(text) || Adds.ContainsAny(text);
}
