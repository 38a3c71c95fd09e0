using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: members found said as a part of a total, categories said before their counts, and a transfer with a stated category
// (round 21, branch r21-ufind). Words in parts_found of vocabulary.json.
internal sealed partial class MessageParser
{
    /// <summary>Find and hire verbs already read as the find of a part of a total: the clause loop does not read them again.</summary>
    private readonly HashSet<int> verbsReadAsParts = [];

    /// <summary>How many characters before a verb a word of earlier time makes the part an earlier find ("其中两个是之前找到的").</summary>
    private const int EarlierReach = 4;

    /// <summary>
    /// "智联物流的党员一共5个了，其中3个是这周刚找到的", "现有党员63名，其中3名为本次排查中新发现的口袋党员", "党员5名，其中2名是
    /// 此前未向组织报告身份的隐形党员，此次经动员已主动亮明身份": a member total, then a part of it (a lead of
    /// <c>parts_found.leads</c> + a count smaller than the total) said to have been found, shown or hired in its clause (or the
    /// clause right after, when that clause names no unit and counts nothing): the part is a find of that count, its category what
    /// is said of it; the total stays the unit's total. Not when a word of earlier time stands right before the verb
    /// ("其中两个是之前找到的": an earlier find) or the verb is negated or planned.
    /// </summary>
    private void FindPartsFoundOfTotals()
    {
        foreach (var clause in clauses.Where(c => !c.IsQuestion))
        {
            foreach (var total in memberPhrases.Where(p => p.Start >= clause.Start && p.Start < clause.End && !p.Consumed && !p.Approximate && p.Value > 1).ToList())
            {
                // "排查出3名党员，其中2名是今年招聘进来的": a find's own count broken down is no total (MessageParser.Records.cs reads it).
                if (PartAfter(total.End) is not { } part || part.Value >= total.Value || FoundVerbIn(clause.Start, total.Start) is not null)
                {
                    continue;
                }

                var partClause = ClauseAt(part.End);
                var end = partClause.End;
                if (clauses.FirstOrDefault(c => c.Start >= partClause.End) is { IsQuestion: false } next && !MentionsIn(next).Any()
                    && !memberPhrases.Any(p => p.Start >= next.Start && p.Start < next.End) && !employeePhrases.Any(p => p.Start >= next.Start && p.Start < next.End)
                    && FoundVerbIn(part.End, partClause.End) is null)
                {
                    end = next.End; // "…的隐形党员，此次经动员已主动亮明身份"
                }

                if (FoundVerbIn(part.End, end) is not { } verb || PartNotFound(part.End, verb) || SaidEarlierBefore(verb, part.End))
                {
                    continue;
                }

                foreach (var inside in memberPhrases.Where(p => p.Start >= part.Start && p.Start < end))
                {
                    inside.Consumed = true;
                }

                foreach (var (position, _) in rules.Discovery.FindAll(text, part.End, end).Concat(rules.DiscoveryAfter.FindAll(text, part.End, end)).Concat(rules.Hire.FindAll(text, part.End, end)))
                {
                    verbsReadAsParts.Add(position);
                }

                var categories = CategorySaidIn(part.End, end) is { } category ? new MemberCategories().Plus(category, part.Value) : null;
                foreach (var target in TargetsFor(clause, total.Start, wholeClause: false))
                {
                    AddDiscovery(part.Start, Record(ActionKind.MemberDiscovery, target, verb) with { Count = part.Value, Categories = categories });
                }
            }
        }
    }

    /// <summary>"，其中3个", "其中有两名", "（其中2名": a lead of a part and its count right after a total; null when none.</summary>
    private (int Start, int End, int Value)? PartAfter(int at)
    {
        while (at < text.Length && (text[at] is '了' or ' ' or '，' or ',' or '（' or '(' or '：' or ':'))
        {
            at++;
        }

        if (rules.PartLeads.MatchAt(text, at) is not { } lead)
        {
            return null;
        }

        var start = at;
        at += lead.Length;
        if (at < text.Length && text[at] == '有')
        {
            at++;
        }

        if (PeopleCountAt(text, at) is not (var value, var end))
        {
            return null;
        }

        return (start, end, value);
    }

    /// <summary>
    /// The part's verb negated right before it ("其中两个没找到"), planned or supposed, or dated ahead. (Not the whole of
    /// IsBlocked: its readings of a clause's mood take the copula's "是…的" of a part said to be found for a state.)
    /// </summary>
    private bool PartNotFound(int from, int verb) =>
        rules.Negation.ContainsAny(text, Math.Max(from, verb - EarlierReach), verb) || PlannedBefore(Math.Max(ClauseAt(verb).Start, from), verb) || IsHypothetical(verb) || DateFor(verb) > today;

    /// <summary>A plan word in [from, verb) with no 已 after it ("经动员已主动亮明身份": done, not planned).</summary>
    private bool PlannedBefore(int from, int verb) =>
        rules.Plan.FindAll(text, from, verb).Any(p => !TellsThisMessage(p) && text.IndexOf('已', p.Position + p.Word.Length, verb - p.Position - p.Word.Length) < 0);

    /// <summary>
    /// The first find, show or hire verb in [from, end). A transfer (parts_found.transfer_verbs: "其中有2个是上个月从别的工地调过来的")
    /// is no find of a part: the members moved within the employer, the total only says they are there.
    /// </summary>
    private int? FoundVerbIn(int from, int end) =>
        new[] { rules.Discovery.FindFirst(text, from, end), rules.DiscoveryAfter.FindFirst(text, from, end), rules.Hire.FindFirst(text, from, end) }
            .Where(f => f is not null && rules.PartTransferVerbs.MatchAt(text, f.Value.Position) is null && !TransferEndsAt(f.Value.Position + f.Value.Word.Length))
            .Select(f => f!.Value.Position).DefaultIfEmpty(-1).Min() is var first and >= 0 ? first : null;

    /// <summary>A transfer verb that ends where a hire verb ends (调来 inside 新调来, 过来 after 调).</summary>
    private bool TransferEndsAt(int end) => rules.PartTransferVerbs.LongestEndingAt(text, end) > 0;

    /// <summary>A word of earlier time (parts_found.earlier_times) in the few characters before <paramref name="verb"/>.</summary>
    private bool SaidEarlierBefore(int verb, int from) => rules.PartEarlierTimes.ContainsAny(text, Math.Max(from, verb - EarlierReach), verb);

    /// <summary>
    /// "口袋的一个 流动的俩", "隐形的三个": each count said after a category short word (with or without 的) that starts its
    /// phrase — not a count's own category ("一个流动的一个隐形的": 流动 after 个 is the first count's) — and closing its
    /// phrase (a pause, the end, 党员 or a bracket after it).
    /// </summary>
    private MemberCategories? CategoriesSaidBeforeCounts(int from, int end)
    {
        var categories = new MemberCategories();
        for (var at = from; at < end; at++)
        {
            if (rules.CategoryShortWords.MatchAt(text, at, end) is not { } word
                || (at > 0 && (ChineseNumber.IsNumeralChar(text[at - 1]) || text[at - 1] is '个' or '名' or '位' or '俩' or '仨' or '是')))
            {
                continue;
            }

            var n = at + word.Length;
            if (n < end && text[n] == '的')
            {
                n++;
            }

            if (n >= end || !ChineseNumber.TryReadSpoken(text, n, out var value, out var length, out var approximate) || approximate)
            {
                continue;
            }

            var close = n + length;
            if (close < text.Length && text[close] is '个' or '名' or '位')
            {
                close++;
            }
            else if (text[close - 1] is not ('俩' or '仨'))
            {
                continue;
            }

            if (close < text.Length && !IsSeparator(text[close]) && text[close] is not ('）' or ')' or '、') && !text.AsSpan(close).StartsWith("党员"))
            {
                continue;
            }

            categories = categories.Plus(rules.Vocabulary.CategoryShortWords[word], value);
            at = close - 1;
        }

        return categories.IsEmpty() ? null : categories;
    }

    /// <summary>
    /// "隐形的俩", "口袋的一个": the category of a short word (with or without 的) right before <paramref name="at"/> that starts
    /// its phrase (not right after a count or 是: "一个流动的一个隐形的" has each count's category after it); else null.
    /// </summary>
    private string? CategorySaidRightBefore(int at)
    {
        var end = at > 0 && text[at - 1] == '的' ? at - 1 : at;
        var length = rules.CategoryShortWords.LongestEndingAt(text, end);
        var start = end - length;
        return length == 0 || (start > 0 && (ChineseNumber.IsNumeralChar(text[start - 1]) || text[start - 1] is '个' or '名' or '位' or '俩' or '仨' or '是'))
            ? null
            : rules.Vocabulary.CategoryShortWords[text[start..end]];
    }

    /// <summary>
    /// The categories said before their counts, with those read otherwise that they do not name, while the sum stays within
    /// <paramref name="count"/>; null when none is said that way or they add up to more than the count.
    /// </summary>
    private MemberCategories? WithCategoriesSaidBefore(int count, MemberCategories read, int from, int end)
    {
        // "口袋的一个 流动的俩": each pair may stand in a clause of its own (a blank between).
        foreach (var next in clauses.Where(c => c.Start >= end))
        {
            var at = next.Start;
            while (at < next.End && text[at] == ' ')
            {
                at++;
            }

            if (rules.CategoryShortWords.MatchAt(text, at, next.End) is null || MentionsIn(next).Any())
            {
                break;
            }

            end = next.End;
        }

        if (CategoriesSaidBeforeCounts(from, end) is not { } before || before.NonZero().Sum(c => c.Count) > count)
        {
            return null;
        }

        var merged = before;
        foreach (var (key, value) in read.NonZero())
        {
            if (!before.NonZero().Any(c => c.Key == key) && merged.NonZero().Sum(c => c.Count) + value <= count)
            {
                merged = merged.Plus(key, value);
            }
        }

        return merged;
    }

    /// <summary>
    /// "新调来三个党员 …组织关系还在湖南 算流动党员": members come by transfer (parts_found.transfer_verbs) said all to be of a
    /// category of where the relation is (flowing, pocket) are of that category, not hired; null otherwise.
    /// </summary>
    private string? CategoryOfTransferred(int verb, int from, int end) =>
        rules.PartTransferVerbs.MatchAt(text, verb) is not null && CategoryHeldByAll(from, end) is { } said and ("flowing" or "pocket") ? said : null;

    /// <summary>
    /// An exact spoken count of people at <paramref name="at"/>: the numeral with its classifier 个/名/位, or a numeral that
    /// holds its own (俩, 仨). Null for an approximate figure (二十来个) or a numeral without a classifier.
    /// </summary>
    private static (int Value, int End)? PeopleCountAt(string text, int at)
    {
        if (!ChineseNumber.TryReadSpoken(text, at, out var value, out var length, out var approximate) || approximate)
        {
            return null;
        }

        var end = at + length;
        if (end < text.Length && text[end] is '个' or '名' or '位')
        {
            end++;
        }
        else if (text[end - 1] is not ('俩' or '仨'))
        {
            return null;
        }

        return (value, end);
    }
}
