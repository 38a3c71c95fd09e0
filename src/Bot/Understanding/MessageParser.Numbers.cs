using InstructorBot.Bot.Understanding.Tokens;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: figures and the nouns they are said with (members vs employees).
internal sealed partial class MessageParser
{
    // ---------------------------------------------------------------- numbers

    private void FindNumberPhrases()
    {
        var claimed = PairFiguresWithNouns();
        var bare = new List<NumberPhrase>();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && ChineseNumber.IsNumeralChar(text[i - 1]))
            {
                continue;
            }

            if (claimed.TryGetValue(i, out var claimedEnd))
            {
                i = claimedEnd - 1; // the token layer paired this figure with its noun
                continue;
            }

            if (!ChineseNumber.TryReadSpoken(text, i, out var value, out var length, out var spokenApproximately))
            {
                continue;
            }

            var approximate = spokenApproximately || IsApproximatePrefix(i) || IsRange(i, i + length) || ChineseNumber.IsAfterSeveral(text, i);
            var j = i + length;
            if (rules.ApproximationSuffixes.MatchAt(text, j) is { } suffix)
            {
                approximate = true;
                j += suffix.Length;
            }

            if (j + 1 < text.Length && text[j] is '个' or '号' && text[j + 1] == '人')
            {
                j++; // "一共70个人", "三十号人": 个人/号人 count people
            }

            if (j < text.Length && text[j] is '名' or '个' or '位' or '人')
            {
                j++;
            }

            if (rules.ApproximationSuffixes.MatchAt(text, j) is { } after)
            {
                approximate = true;
                j += after.Length;
            }

            var k = j < text.Length && text[j] is '是' or '为' ? j + 1 : j;
            var countsPeople = j > i + length && text[j - 1] == '人' && k == j;
            var countsUnits = i + length < text.Length && text[i + length] == '家'; // "园区里一家科技公司": units, not people
            if (!countsUnits && j == i + length && j + 1 < text.Length && text[j] == '的' && rules.EmployeeWords.MatchAt(text, j + 1) is { } boundNoun)
            {
                // "一百四的员工就一个党员", "八十五的工人": a figure said with 的 before a staff noun is that noun's (round 16).
                employeePhrases.Add(new NumberPhrase(i, j + 1 + boundNoun.Length, value, approximate, null));
                i = j + boundNoun.Length;
                continue;
            }

            if (!IsWordWithOne(i, length) && !countsUnits && EmployeeNounBefore(i) is { } staffAt && SaidWithNounBefore(i + length, j) && !IsPossessedGroup(i, j)
                && !MembersAmongStaff(staffAt, i, j) // MessageParser.MemberClauses.cs
                && !employeePhrases.Exists(p => p.Start < staffAt && staffAt < p.End)) // the noun has its figure before it ("一百四的员工就一个党员")
            {
                // "员工十二个 党员没有": a figure belongs to the noun it is said right after, not to the one after it.
                employeePhrases.Add(new NumberPhrase(staffAt, j, value, approximate, null));
                i = j - 1;
                continue;
            }

            if (k == j && j > i + length && k + 1 < text.Length && text[k] == ' ' && rules.Categories.MatchAt(text, k + 1) is { } spaced
                && !ChineseNumber.TryRead(text, k + 1 + spaced.Length, out _, out _))
            {
                k++; // "1名 口袋党员"
            }

            if (!countsPeople && j > i + length && SpacedCategoryAt(j) is { } spoken)
            {
                memberPhrases.Add(new NumberPhrase(i, spoken.End, value, approximate, spoken.Category)); // "一个 隐形 党员"
            }
            else if (!countsPeople && rules.Categories.MatchAt(text, k) is { } category && !IsPossessedGroup(i, k + category.Length))
            {
                var none = text.AsSpan(k + category.Length) is var rest && (rest.StartsWith("都没") || rest.StartsWith("也没"));
                memberPhrases.Add(new NumberPhrase(i, k + category.Length, none ? 0 : value, approximate && !none, CategoryOf(category)));
            }
            else if (!countsPeople && k > j && j > i + length && (k < text.Length && text[k] is '刚' or '都' or '也' ? k + 1 : k) is var hireAt
                && rules.Hire.MatchAt(text, hireAt) is { } hire && text.IndexOf('的', hireAt + hire.Length, Math.Min(4, text.Length - hireAt - hire.Length)) is var hiredEnd and >= 0
                && memberPhrases.Any(p => p.End <= i))
            {
                // "发现4名党员，其中…，剩下两个是新招聘进来的" (an adverb 刚/都/也 may come first): members said before, these N are
                // the hired ones.
                memberPhrases.Add(new NumberPhrase(i, hiredEnd + 1, value, approximate, "hired"));
            }
            else if (rules.EmployeeWords.MatchAt(text, j) is { } staff && IsMembersAfter(j + staff.Length) is { } membersEnd)
            {
                memberPhrases.Add(new NumberPhrase(i, membersEnd, value, approximate, null)); // "3名律师是党员"
            }
            else if (rules.EmployeeWords.MatchAt(text, j) is { } employees && (i == 0 || !text.AsSpan(0, i).EndsWith("党员"))
                && rules.InstructorWords.MatchAt(text, j + employees.Length) is null) // "派了一名专职指导员": the instructor sent, not staff (round 20)
            {
                employeePhrases.Add(new NumberPhrase(i, j + employees.Length, value, approximate, null));
            }
            else if (countsPeople && (mentions.Any(m => (m.End == i || (m.End == i - 1 && text[m.End] == ' ')) && !m.IsGeneric) || rules.TotalWords.EndsAt(text, i, Math.Max(0, i - 3))
                    || HeadcountClause(i, j)) && IsMembersAfter(j) is null
                && !rules.Categories.ContainsAny(text, j, Math.Min(text.Length, j + 1)))
            {
                employeePhrases.Add(new NumberPhrase(i, j, value, approximate, null)); // "优品超市140人1名党员"
            }
            else if (!countsPeople && j > i + length && ModifiedMembersAt(k) is { } membersEnd2)
            {
                memberPhrases.Add(new NumberPhrase(i, membersEnd2, value, approximate, null)); // "1名失联党员", "2名老党员"
            }
            else if (!countsPeople && j > i + length && DescribedMembersAt(k) is { } described)
            {
                memberPhrases.Add(new NumberPhrase(i, described.End, value, approximate, described.Category)); // "1名没亮明身份的党员"
            }
            else if (!countsPeople && (j > i + length || text[i] is '俩' or '仨') && rules.CategoryShortWords.MatchAt(text, k) is { } shortWord
                && k + shortWord.Length is var shortEnd && (shortEnd == text.Length || IsSeparator(text[shortEnd]) || text[shortEnd] == '的'))
            {
                // "发现了3个党员，2个预备的": a category said without 党员.
                memberPhrases.Add(new NumberPhrase(i, shortEnd, value, approximate, rules.Vocabulary.CategoryShortWords[shortWord]));
            }
            else if (!countsPeople && j > i + length && (j == text.Length || IsSeparator(text[j])))
            {
                bare.Add(new NumberPhrase(i, j, value, approximate, null));
            }

            i = j - 1;
        }

        // "党员6名", "党员增加到65人", "口袋党员1名"; "职工180人", "从业人员32人".
        for (var at = text.IndexOf("党员", StringComparison.Ordinal); at >= 0; at = text.IndexOf("党员", at + 2, StringComparison.Ordinal))
        {
            if (memberPhrases.Any(p => p.Start <= at && at < p.End))
            {
                continue;
            }

            if (text.AsSpan(at).StartsWith("党员职工"))
            {
                if (ReadNumberAfter(at + 4) is { } hired)
                {
                    memberPhrases.Add(hired with { Start = at, Category = "hired" });
                }

                continue;
            }

            var start = at;
            string? category = null;
            foreach (var (word, key) in rules.Vocabulary.MemberCategories)
            {
                if (word.EndsWith("党员", StringComparison.Ordinal) && at + 2 - word.Length >= 0 && text.AsSpan(at + 2 - word.Length).StartsWith(word))
                {
                    category = key;
                    start = at + 2 - word.Length;
                }
            }

            if (ReadNumberAfter(at + 2) is { } phrase)
            {
                memberPhrases.Add(phrase with { Start = start, Category = category });
            }
            else if (IsNoMembers(at))
            {
                memberPhrases.Add(new NumberPhrase(at, at + 2, 0, false, null));
            }
        }

        OneDescribedMember();

        foreach (var count in bare)
        {
            // "顺达有2名党员，佳和有1名": a bare count in another organisation's clause, after members, counts the same.
            var clause = ClauseAt(count.Start);
            if (memberPhrases.Where(p => p.End <= clause.Start).MaxBy(p => p.End) is { } said && MentionsIn(clause).Any(m => m.End <= count.Start && !m.IsGeneric))
            {
                memberPhrases.Add(count with { Category = said.Category });
            }
        }

        if (memberPhrases.Count > 0 && !rules.Discovery.ContainsAny(text) && !rules.Hire.ContainsAny(text))
        {
            // "恒信有党员4名，德润没有": a name then 没有 alone, after totals, has none.
            foreach (var mention in mentions)
            {
                foreach (var none in (string[])["也没有", "都没有", "没有", "也无", "无"])
                {
                    var end = mention.End + none.Length;
                    if (text.AsSpan(mention.End).StartsWith(none) && (end == text.Length || IsSeparator(text[end]) || text[end] is '。' or '.'))
                    {
                        memberPhrases.Add(new NumberPhrase(mention.End, end, 0, false, null));
                        break;
                    }
                }
            }
        }

        foreach (var (position, word) in rules.EmployeeWords.FindAll(text))
        {
            // "阳光社工 五个党员": a staff word inside a unit's name is said with no figure.
            if ((position >= 2 && text.AsSpan(position - 2).StartsWith("党员")) || InUnitsName(position, word.Length))
            {
                continue;
            }

            // "厂里有一个党员": the figure is said with 党员, a member figure, not the workplace's staff.
            if (employeePhrases.All(p => p.End <= position || p.Start > position) && ReadNumberAfter(position + word.Length) is { } phrase
                && !memberPhrases.Any(m => m.Start < phrase.End && phrase.Start < m.End))
            {
                employeePhrases.Add(phrase with { Start = position });
            }
        }

        memberPhrases.Sort((a, b) => a.Start.CompareTo(b.Start));
        employeePhrases.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// The token layer's reading of figures (<see cref="NounFigures"/>): each figure said with a count noun, in either
    /// order, particles between. Those phrases go first; the character rules below read only the figures left over.
    /// Returns where each paired figure starts and its phrase ends.
    /// </summary>
    private Dictionary<int, int> PairFiguresWithNouns()
    {
        var claimed = new Dictionary<int, int>();
        foreach (var pair in NounFigures.Pair(text, MessageTokens))
        {
            if (pair.Start < pair.FigureStart && InUnitsName(pair.Start, rules.EmployeeWords.MatchAt(text, pair.Start)?.Length ?? 0))
            {
                continue; // "阳光社工 五个党员": the staff word of a unit's name is no noun said with the figure
            }

            var phrase = new NumberPhrase(pair.Start, pair.End, pair.Value, pair.Approximate, pair.Category);
            (pair.Noun == TokenKind.Members ? memberPhrases : employeePhrases).Add(phrase);
            claimed[pair.FigureStart] = pair.End;
        }

        return claimed;
    }

    /// <summary>
    /// Where the employee word (员工/职工/从业人员…) starts when the figure at <paramref name="position"/> is said right after
    /// it, with only blanks and fact fillers (现在, 有, 是, 还是…) between ("员工十二个 党员没有"); else null.
    /// </summary>
    private int? EmployeeNounBefore(int position)
    {
        var end = position;
        for (var guard = 0; guard < 4 && end > 0; guard++)
        {
            if (text[end - 1] == ' ')
            {
                end--;
            }
            else if (FillerEndingAt(end) is { } filler)
            {
                end -= filler;
            }
            else
            {
                break;
            }
        }

        // one probe per position back from the figure (the staff words are a keyword set, not a list to scan)
        var length = rules.EmployeeWords.LongestEndingAt(text, end);
        // A staff word inside a unit's name ("阳光社工 五个党员": 社工 of the name) is said with no figure.
        return length > 0 && !text.AsSpan(0, end - length).EndsWith("党员") && !InUnitsName(end - length, length) ? end - length : null;
    }

    /// <summary>
    /// Whether the staff word at <paramref name="position"/> is part of a unit's name: all of it inside a mention (not 青禾文化公司|里,
    /// a place word that begins in the name), or going on from a
    /// mention's end with the unit's own name ("阳光社工" said for 阳光社工服务中心: its 社工 is the name's, not the staff).
    /// </summary>
    private bool InUnitsName(int position, int length) =>
        length > 0 && (mentions.Any(m => m.Start < position && position + length <= m.End) || mentions.Any(m => m.End == position && m.Organization is { } unit
            && unit.Name.Contains(text.AsSpan(m.Start, position + length - m.Start), StringComparison.Ordinal)));

    /// <summary>"有个快递员是党员", "其中一位店长也是党员": one person said to be a member counts one.</summary>
    private void OneDescribedMember()
    {
        for (var at = text.IndexOf("是党员", StringComparison.Ordinal); at >= 0; at = text.IndexOf("是党员", at + 3, StringComparison.Ordinal))
        {
            var from = Math.Max(0, at - 8);
            if (memberPhrases.Any(p => p.Start < at + 3 && p.End > from))
            {
                continue;
            }

            if (rules.Titles.FindAll(text, from, at).LastOrDefault() is { Word: not null } title
                && text.AsSpan(title.Position + title.Word.Length, at - title.Position - title.Word.Length).ToString() is "" or "本人" or "就" or "也" or "本人就" or "本人也" or "自己就" or "自己也"
                && !InsideMention(title.Position))
            {
                memberPhrases.Add(new NumberPhrase(title.Position, at + 3, 1, false, null)); // "发现老板本人就是党员"
                continue;
            }

            foreach (var one in (string[])["有一个", "有一位", "有一名", "有个", "有位", "有名", "一个", "一位", "一名"])
            {
                var said = text.LastIndexOf(one, at, at - from, StringComparison.Ordinal);
                if (said >= 0 && !text.AsSpan(said, at - said).ContainsAny("，,。；; ") && !InsideMention(said))
                {
                    memberPhrases.Add(new NumberPhrase(said, at + 3, 1, false, null));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// For a figure right after an employee word, ending at <paramref name="numberEnd"/> (its measure word, if any, up to
    /// <paramref name="j"/>): true when nothing ties it to a noun after it. 党员 right after it takes the figure only when
    /// that 党员 has no figure of its own ("职工四十来个党员就一个", "员工两百一党员八个": the first figure is the staff's).
    /// </summary>
    private bool SaidWithNounBefore(int numberEnd, int j)
    {
        var at = j;
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        if (rules.Categories.MatchAt(text, at) is not { } noun)
        {
            return true;
        }

        var nounEnd = at + noun.Length;
        var ownFigure = ReadNumberAfter(nounEnd) is not null || IsNoMembers(at + noun.Length - 2);
        return at > j || ownFigure;
    }

    /// <summary>一 that begins a word (一共, 一起, 一直, 一下), not a figure.</summary>
    private bool IsWordWithOne(int start, int length) =>
        length == 1 && text[start] == '一' && start + 1 < text.Length && TextNormalizer.IsHan(text[start + 1]) && text[start + 1] is not ('名' or '个' or '位' or '人' or '家');

    private int? FillerEndingAt(int end)
    {
        foreach (var word in rules.Vocabulary.FactFillers)
        {
            if (word.Length > 0 && end - word.Length >= 0 && text.AsSpan(0, end).EndsWith(word) && word is not (":" or "的" or "了"))
            {
                return word.Length;
            }
        }

        return null;
    }

    /// <summary>
    /// "一个 隐形 党员": voice input spaced word by word splits a category into its short word and 党员; read together they
    /// are the category (a blank may also stand before the short word).
    /// </summary>
    private (int End, string Category)? SpacedCategoryAt(int position)
    {
        var at = position < text.Length && text[position] == ' ' ? position + 1 : position;
        if (rules.CategoryShortWords.MatchAt(text, at) is not { } shortWord)
        {
            return null;
        }

        var blank = at + shortWord.Length;
        return blank + 2 < text.Length && text[blank] == ' ' && text.AsSpan(blank + 1).StartsWith("党员")
            ? (blank + 3, rules.Vocabulary.CategoryShortWords[shortWord])
            : null;
    }

    /// <summary>
    /// "坂田手造咖啡今天去了 十二个人 没党员": N个人 said as a clause of its own, after a named organisation and before the clause
    /// that counts its members, is the organisation's headcount.
    /// </summary>
    private bool HeadcountClause(int start, int end)
    {
        if (!(start == 0 || IsSeparator(text[start - 1])) || !(end == text.Length || IsSeparator(text[end])) || !mentions.Any(m => !m.IsGeneric && m.End <= start))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && IsSeparator(text[next]))
        {
            next++;
        }

        var clauseEnd = next;
        while (clauseEnd < text.Length && !IsSeparator(text[clauseEnd]))
        {
            clauseEnd++;
        }

        if (next < text.Length && text.AsSpan(next, clauseEnd - next).Contains("党员", StringComparison.Ordinal))
        {
            return true;
        }

        // "仁爱医院党员3个，93个人，建哪种组织比较好": the unit's figures, then the advice question they are the premise of.
        if (next < text.Length && rules.AsksAdvice(text[next..clauseEnd]))
        {
            return true;
        }

        // "安捷电子工会昨天成立了，二百六十号人，入会的有两百多": after a clause that counts no members and finds or hires no
        // one, the head count said on its own is the organisation's too.
        var previousEnd = start;
        while (previousEnd > 0 && IsSeparator(text[previousEnd - 1]))
        {
            previousEnd--;
        }

        var previousStart = previousEnd;
        while (previousStart > 0 && !IsSeparator(text[previousStart - 1]))
        {
            previousStart--;
        }

        return previousEnd > previousStart && !text.AsSpan(previousStart, previousEnd - previousStart).Contains("党员", StringComparison.Ordinal)
            && !rules.Categories.ContainsAny(text, previousStart, previousEnd) && !rules.Discovery.ContainsAny(text, previousStart, previousEnd)
            && !rules.Hire.ContainsAny(text, previousStart, previousEnd);
    }
}
