namespace InstructorBot.Bot.Understanding;

// Round 16 (r16-ukinds): a progress question asked of several people in turn ("刘洋这周跑了几家？赵敏和张伟呢？", "赵敏上周去了
// 几家单位 孙磊跟陈静也说一下"): the fragments after the question name only people and ask again (呢, 也 + a verb of telling);
// the question's frame is repeated with the person slot filled by each, in the order said. An operation on the frame, never
// a rewrite of the text.
public static partial class ProgressFilters
{
    private static readonly char[] FragmentEnds = [.. "？?。！!，,；; \n"];

    /// <summary>What may follow the people of an elliptical fragment: particles, adverbs of asking again, verbs of telling.</summary>
    private static readonly string[] EllipsisTailWords =
        ["的情况", "怎么样", "一下", "分别", "各自", "给我", "帮我", "同样", "的", "呢", "也", "再", "呀", "啊", "吧", "嘞", "说", "查", "看", "报", "列", "下", "统计", "如何"];

    /// <summary>Of the tail words, those that say the question is asked again (not only a name said).</summary>
    private static readonly string[] AskedAgainWords = ["呢", "也", "同样"];

    /// <summary>
    /// The people of the question (those named together in its fragment), then those of each later fragment that names only
    /// people and asks again; empty where no such fragment follows.
    /// </summary>
    private static List<string> PeopleAskedInTurn(string text, IReadOnlyCollection<string> people)
    {
        if (text.IndexOf('呢') < 0 && text.IndexOf('也') < 0 && text.IndexOf("同样", StringComparison.Ordinal) < 0)
        {
            return [];
        }

        var found = people.Where(p => p.Length >= 2).SelectMany(p => AllIndexes(text, p).Select(at => (At: at, Name: p)))
            .OrderBy(f => f.At).ThenByDescending(f => f.Name.Length).ToList();
        if (found.Count < 2)
        {
            return [];
        }

        var list = new List<string>();
        var again = false;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(FragmentEnds, start);
            end = end < 0 ? text.Length : end;
            var names = found.Where(f => f.At >= start && f.At + f.Name.Length <= end).ToList();
            if (names.Count > 0)
            {
                if (list.Count == 0)
                {
                    list.AddRange(Joined(text, names));
                }
                else if (Elliptical(text, start, end, names) is { } named)
                {
                    list.AddRange(named.Where(n => !list.Contains(n)));
                    again = true;
                }
                else
                {
                    return []; // another question or report about people: not the question asked again
                }
            }

            start = end + 1;
        }

        return again ? list : [];
    }

    /// <summary>The names of the first group said together (joined by 和/跟/、…) in a fragment.</summary>
    private static List<string> Joined(string text, List<(int At, string Name)> names)
    {
        var list = new List<string>();
        var end = -1;
        foreach (var (at, name) in names)
        {
            if (at < end)
            {
                continue;
            }

            if (list.Count > 0 && !PersonJoiners.Contains(text[end..at]))
            {
                break;
            }

            if (!list.Contains(name))
            {
                list.Add(name);
            }

            end = at + name.Length;
        }

        return list;
    }

    /// <summary>The people of [start, end) when it is only people joined, then tail words with one that asks again; else null.</summary>
    private static List<string>? Elliptical(string text, int start, int end, List<(int At, string Name)> names)
    {
        var at = start;
        while (at < end && text[at] == ' ')
        {
            at++;
        }

        var list = new List<string>();
        foreach (var (nameAt, name) in names)
        {
            if (nameAt < at)
            {
                continue;
            }

            if (nameAt != at && !(list.Count > 0 && PersonJoiners.Contains(text[at..nameAt])))
            {
                return null;
            }

            list.Add(name);
            at = nameAt + name.Length;
        }

        var asked = false;
        while (at < end)
        {
            if (EllipsisTailWords.FirstOrDefault(w => at + w.Length <= end && text.AsSpan(at).StartsWith(w, StringComparison.Ordinal)) is not { } word)
            {
                return null;
            }

            asked |= AskedAgainWords.Contains(word);
            at += word.Length;
        }

        return asked && list.Count > 0 ? list : null;
    }
}
