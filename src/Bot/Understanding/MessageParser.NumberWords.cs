using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: figures (continued): described members, none, figures after a noun, ranges and approximations.
internal sealed partial class MessageParser
{
    /// <summary>"失联党员", "退休党员": up to three characters that describe the members, then 党员.</summary>
    private int? ModifiedMembersAt(int position)
    {
        for (var length = 1; length <= 3 && position + length + 2 <= text.Length; length++)
        {
            var c = text[position + length - 1];
            if (!TextNormalizer.IsHan(c) || ChineseNumber.IsNumeralChar(c) || c is '人' or '个' or '名' or '位' or '的' or '和' or '是')
            {
                return null;
            }

            if (text.AsSpan(position + length).StartsWith("党员") && rules.Categories.MatchAt(text, position) is null)
            {
                return position + length + 2;
            }
        }

        return null;
    }

    /// <summary>"没亮明身份的党员", "刚入职的党员": up to seven characters and 的 before 党员; the category a description names.</summary>
    private (int End, string? Category)? DescribedMembersAt(int position)
    {
        for (var length = 1; length <= 7 && position + length + 3 <= text.Length; length++)
        {
            var c = text[position + length - 1];
            if (!TextNormalizer.IsHan(c) || c is '名' or '个' or '位' or '和' or '，' || ChineseNumber.IsNumeralChar(c) && c != '一')
            {
                return null;
            }

            if (text[position + length] == '的' && text.AsSpan(position + length + 1).StartsWith("党员") && !InsideMention(position + length))
            {
                var category = rules.MemberDescriptionIn(text, position, position + length)?.Category;
                return (position + length + 3, category);
            }
        }

        return DescribedMembersOfCategoryAt(position); // MessageParser.FormationSlots.cs: "5个组织关系都在外地的流动党员"
    }

    /// <summary>"组织蓝海电商的3名党员开了个会": members someone did something with, not a total.</summary>
    private bool IsPossessedGroup(int start, int end) =>
        start > 0 && text[start - 1] == '的' && end < text.Length && TextNormalizer.IsHan(text[end])
        && !"都均全是为中里其有已在还也和与及、".Contains(text[end]);

    private int? IsMembersAfter(int position)
    {
        foreach (var link in (string[])["都是党员", "均为党员", "是党员", "为党员"])
        {
            if (text.AsSpan(position).StartsWith(link))
            {
                return position + link.Length;
            }
        }

        return null;
    }

    private bool IsNoMembers(int at)
    {
        // 没有党员 / 无党员 / 没有正式党员; 一名党员都没有 / 一个党员也没有.
        var before = text.AsSpan(0, at);
        if (before.EndsWith("正式"))
        {
            before = before[..^2];
        }

        foreach (var none in rules.Vocabulary.NoneWords)
        {
            if (before.EndsWith(none))
            {
                return true; // 没有党员, 无党员, 没得党员, 冇党员 (none_words)
            }
        }

        var after = text.AsSpan(at + 2);
        for (var guard = 0; guard < 4; guard++)
        {
            if (!after.IsEmpty && after[0] is ' ' or '嘛' or '呢' or '啊' or '呀' or '吧')
            {
                after = after[1..]; // "党员嘛还是没有": a spoken particle after the topic
            }
            else if (rules.Fillers.MatchAt(text, text.Length - after.Length) is { } filler && filler is not ("有" or "是"))
            {
                after = after[filler.Length..]; // "党员还是一个都没有", "党员到现在都没有"
            }
            else
            {
                break;
            }
        }

        // "党员都没有", "党员一个也没有", "党员一个都冇": (一个/一名/一位) (都/也) + a none word, and the sentence ends there.
        foreach (var one in (string[])["一个", "一名", "一位", ""])
        {
            if (!after.StartsWith(one))
            {
                continue;
            }

            var rest = after[one.Length..];
            foreach (var link in (string[])["都还", "也还", "都", "也", "还", ""])
            {
                if (!rest.StartsWith(link) || (one.Length > 0 && link.Length == 0))
                {
                    continue;
                }

                var tail = rest[link.Length..];
                foreach (var none in rules.Vocabulary.NoneWords)
                {
                    // a one-character none word (无, 没, 冇) only after 都/也: "党员没" alone is no sentence
                    if ((none.Length > 1 || link.Length > 0) && tail.StartsWith(none)
                        && (tail.Length == none.Length || !TextNormalizer.IsHan(tail[none.Length]) || tail[none.Length] is '了' or '的' or '啊' or '呢'))
                    {
                        return true;
                    }
                }
            }
        }

        return (before.EndsWith("一名") || before.EndsWith("一个") || before.EndsWith("一位"))
            && (after.StartsWith("都没") || after.StartsWith("也没") || after.StartsWith("都冇") || after.StartsWith("也冇"));
    }

    private NumberPhrase? ReadNumberAfter(int position)
    {
        var j = position;
        var approximate = false;
        for (var guard = 0; guard < 4 && j < text.Length; guard++)
        {
            if (rules.ApproximationPrefixes.MatchAt(text, j) is { } approx && !ChineseNumber.TryRead(text, j, out _, out _))
            {
                approximate = true;
                j += approx.Length;
            }
            else if (rules.Fillers.MatchAt(text, j) is { } filler)
            {
                j += filler.Length;
                j += filler is "就" or "只有" or "就只有" or "仅" or "仅有" ? OnlyOneHolder(j) : 0;
            }
            else if (text[j] == ' ')
            {
                j++;
            }
            else if (text[j] is '由' or '从' && ChineseNumber.TryRead(text, j + 1, out _, out _))
            {
                j++;
            }
            else
            {
                break;
            }
        }

        if (!ChineseNumber.TryReadSpoken(text, j, out var value, out var length, out var spokenApproximately)
            || (length == 1 && text[j] == '一' && j + 1 < text.Length && text[j + 1] is '下' or '些' or '直' or '起' or '样')
            || (j + length < text.Length && text[j + length] == '家'))
        {
            return null; // no figure, a word with 一, or units counted ("厂里一家小公司")
        }

        var end = j + length;
        approximate |= spokenApproximately || IsRange(j, end) || ChineseNumber.IsAfterSeveral(text, j); // "员工数十人": 员工数 then 十
        if (end < text.Length && text[end] is '名' or '人' or '个' or '位')
        {
            end++;
        }

        // "由1名增加到3名": the total now is the later figure.
        if (rules.Changes.MatchAt(text, end) is { } change && ChineseNumber.TryRead(text, end + change.Length, out var later, out var laterLength))
        {
            value = later;
            end += change.Length + laterLength;
        }

        if (rules.ApproximationSuffixes.MatchAt(text, end) is { } suffix)
        {
            approximate = true;
            end += suffix.Length;
        }

        if (end < text.Length && text[end] is '名' or '人' or '个' or '位')
        {
            end++;
        }

        if (rules.ApproximationSuffixes.MatchAt(text, end) is { } after)
        {
            approximate = true;
            end += after.Length;
        }

        if (end < text.Length && (text[end] == '%' || text.AsSpan(end).StartsWith("以上") || text.AsSpan(end).StartsWith("以下")))
        {
            return null;
        }

        if (value == 1 && (text.AsSpan(end).StartsWith("都没") || text.AsSpan(end).StartsWith("也没")))
        {
            value = 0; // "党员还是一个都没有": none, not one
        }

        return new NumberPhrase(position, end, value, approximate, null);
    }

    /// <summary>
    /// "党员就他自己一个", "党员就所长一个", "党员只有老板自己一个": after 就/只有, the one person the figure counts (a pronoun or a
    /// title, 自己 after it) stands before the figure; its length, or 0.
    /// </summary>
    private int OnlyOneHolder(int at)
    {
        var holder = at < text.Length && text[at] is '他' or '她' ? 1 : rules.Titles.MatchAt(text, at)?.Length ?? 0;
        if (holder == 0)
        {
            return 0;
        }

        var end = at + holder + (text.AsSpan(at + holder).StartsWith("自己") ? 2 : 0);
        return end < text.Length && text[end] == '一' && ChineseNumber.TryRead(text, end, out var one, out _) && one == 1 ? end - at : 0;
    }

    /// <summary>"30-40人", "30到40人": either end of a range is no figure.</summary>
    private bool IsRange(int start, int end)
    {
        static bool IsDash(char c) => c is '-' or '~' or '～' or '—' or '－' or '至' or '到';
        var after = end + 1 < text.Length && IsDash(text[end]) && ChineseNumber.TryRead(text, end + 1, out _, out _);
        var before = start >= 2 && IsDash(text[start - 1]) && ChineseNumber.IsNumeralChar(text[start - 2]);
        return after || before;
    }

    private bool IsApproximatePrefix(int position)
    {
        for (var length = 1; length <= 3 && length <= position; length++)
        {
            if (rules.ApproximationPrefixes.MatchAt(text, position - length, position) is { } word && word.Length == length
                && !EndsAVerb(position, length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"遇上2名党员", "碰上两个": the prefix is the last character of a verb that ends right before the figure, no approximation.</summary>
    private bool EndsAVerb(int position, int prefixLength) =>
        Math.Max(Math.Max(rules.Discovery.LongestEndingAt(text, position), rules.Hire.LongestEndingAt(text, position)),
            Math.Max(rules.Visit.LongestEndingAt(text, position), rules.Motion.LongestEndingAt(text, position))) > prefixLength;

    private string? CategoryOf(string word) => rules.Vocabulary.MemberCategories.GetValueOrDefault(word);
}
