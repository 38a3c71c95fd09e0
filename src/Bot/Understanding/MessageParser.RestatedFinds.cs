using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage (round 20, r20-uevents): a later message that corrects an earlier find by restating its members
// ("刚才说错了 阳光社工那俩不是流动的 是预备党员") takes the earlier record back and records the find as meant.
internal sealed partial class MessageParser
{
    /// <summary>
    /// "刚才那条记错了 金桥投资那个不是口袋党员 是流动党员": an undo said in the opening clause about the earlier record, then its
    /// members restated (<see cref="RestatedFind"/>): the undo and the find as meant. Null otherwise.
    /// </summary>
    private UnderstandingResult? UndoneAndRestated()
    {
        var cut = Understanding.Tokens.SelfCorrections.EarlierWrongClauseEnd(text, rules);
        return cut > 0 && RestatedFind(cut) is { } restated ? Finish([new UnderstoodAction(ActionKind.Undo), restated]) : null;
    }

    /// <summary>
    /// In the rest of a message that opens by saying the earlier record was wrong (from <paramref name="cut"/>): members pointed
    /// at with a demonstrative and their count (那俩, 这仨, 那个, 那两名), said to be of a category (是预备党员, 是流动的; after a
    /// denial, 不是口袋党员 是流动党员, the category said last, also where the correction stage has already replaced it), restate the earlier find: a find of that count and category at the
    /// unit the rest names (asked where it names none). Null where the rest points at no members so.
    /// </summary>
    private UnderstoodAction? RestatedFind(int cut)
    {
        foreach (var clause in clauses.Where(c => c.End > cut && !c.IsQuestion))
        {
            for (var at = Math.Max(cut, clause.Start); at < clause.End - 1; at++)
            {
                if (text[at] is not ('那' or '这') || PointedCount(at + 1, clause.End) is not { } pointed)
                {
                    continue;
                }

                // "那俩不是流动的 是预备党员": the clause after that opens with a correction lead says the category as meant.
                var end = clauses.FirstOrDefault(c => c.Start >= clause.End) is { } next && rules.CorrectionLeads.MatchAt(text, next.Start) is not null ? next.End : clause.End;
                var category = LastCategoryIn(pointed.End, end);
                if (category is null || category == "hired")
                {
                    return null;
                }

                var target = TargetsFor(clause, at, wholeClause: false).FirstOrDefault();
                return Record(ActionKind.MemberDiscovery, target, at) with
                {
                    Count = pointed.Count,
                    Categories = new MemberCategories().Plus(category, pointed.Count),
                };
            }
        }

        return null;
    }

    /// <summary>The count right after a demonstrative: 俩, 仨, 个/位/名 (one), or a numeral and its measure.</summary>
    private (int Count, int End)? PointedCount(int start, int end)
    {
        if (start >= end)
        {
            return null;
        }

        switch (text[start])
        {
            case '俩':
                return (2, start + 1);
            case '仨':
                return (3, start + 1);
            case '个' or '位' or '名':
                return (1, start + 1);
        }

        var figureEnd = start;
        while (figureEnd < end && (ChineseNumber.IsNumeralChar(text[figureEnd]) || text[figureEnd] == '两'))
        {
            figureEnd++;
        }

        return figureEnd > start && figureEnd < end && text[figureEnd] is '个' or '位' or '名' && ReadCount(start, figureEnd) is > 0 and var n
            ? (n, figureEnd + 1)
            : null;
    }

    /// <summary>The category said last in [from, end): a category word (预备党员) or a short word closed by 的 or the stretch's end.</summary>
    private string? LastCategoryIn(int from, int end)
    {
        string? category = null;
        var last = -1;
        foreach (var (position, word) in rules.Categories.FindAll(text, from, end))
        {
            if (position > last && CategoryOf(word) is { } said)
            {
                (category, last) = (said, position);
            }
        }

        foreach (var (position, word) in rules.CategoryShortWords.FindAll(text, from, end))
        {
            var after = position + word.Length;
            if (position > last && (after == end || text[after] is '的' || IsSeparator(text[after])))
            {
                (category, last) = (rules.Vocabulary.CategoryShortWords[word], position);
            }
        }

        return category;
    }
}
