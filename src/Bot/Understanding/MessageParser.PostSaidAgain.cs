namespace InstructorBot.Bot.Understanding;

// Stage: the formation frame's secretary when the post is said again after a repair, or after a hesitation.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "书记是罗德润 哦不对不对 罗总是老板 书记是他们行政经理何雪梅", "书记是邓总 哦不对 邓总是副书记 书记是程信": the post said
    /// before a repair marker (correction_markers) and said again after it, with its link (是/为/叫), names its holder anew; the
    /// repair between may give the first person another role (老板, 副书记), which names no secretary. The last such holder wins.
    /// </summary>
    private string? SecretarySaidAgain()
    {
        string? holder = null;
        var first = -1;
        for (var at = text.IndexOf("书记", StringComparison.Ordinal); at >= 0; at = text.IndexOf("书记", at + 2, StringComparison.Ordinal))
        {
            var j = at + 2;
            if (at > 0 && text[at - 1] == '副' || j >= text.Length || text[j] is not ('是' or '为' or '叫'))
            {
                continue; // 副书记 is another post; a post with no link names nobody here
            }

            if (first < 0)
            {
                first = at;
                continue;
            }

            j = AfterHesitation(j + 1);
            if (RepairedBetween(first, at) && (NameAfterTitleChain(j) ?? NameAfterTitle(j) ?? NameClosingStretch(j)) is { } name)
            {
                holder = name;
            }
        }

        return holder;
    }

    /// <summary>
    /// Between the post said first and said again: a repair marker (correction_markers), or a person given another role (罗总是老板,
    /// 邓总是副书记: a name or 姓+总/经理 before 是 and a title after it). The self-correction stage may have taken the marker out.
    /// </summary>
    private bool RepairedBetween(int from, int to)
    {
        if (rules.Corrections.FindAll(text, from, to).Count > 0)
        {
            return true;
        }

        for (var i = text.IndexOf('是', from + 3, to - from - 3); i > from + 3; i = i + 1 < to ? text.IndexOf('是', i + 1, to - i - 1) : -1)
        {
            var pauseBefore = text.LastIndexOf(' ', i - 1, i - from - 3) is var pause && pause > from;
            if (pauseBefore && i - pause - 1 is >= 2 and <= 4 && (rules.Titles.MatchAt(text, i + 1, to) is not null || text.AsSpan(i + 1).StartsWith("副书记")))
            {
                return true; // "罗总是老板": a short subject opening its stretch, then a title
            }
        }

        return false;
    }

    /// <summary>
    /// "书记是 嗯 社区派的周敏": after a link (是/为/叫) a pause where a filler was said (the filler is gone from the text, the pause
    /// stays) is a hesitation: the holder follows it.
    /// </summary>
    private int AfterHesitation(int j)
    {
        if (j == 0 || text[j - 1] is not ('是' or '为' or '叫'))
        {
            return j;
        }

        var k = j;
        while (k < text.Length && text[k] == ' ')
        {
            k++;
        }

        return k < text.Length && TextNormalizer.IsHan(text[k]) ? k : j;
    }

    /// <summary>A person's name read at <paramref name="j"/> that ends its stretch (a pause, the end, or a particle after it).</summary>
    private string? NameClosingStretch(int j)
    {
        if (rules.Names.ReadAt(text, j) is not { Length: >= 2 } name || InsideOrAtMention(j))
        {
            return null;
        }

        var end = j + name.Length;
        return end == text.Length || !TextNormalizer.IsHan(text[end]) || text[end] is '吧' or '啊' or '呢' or '了' ? name : null;
    }
}
