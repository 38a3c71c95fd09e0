namespace InstructorBot.Bot.Understanding;

// Stage: members said to be there (有两个保安是党员) and then told by their category: found members, not the unit's total.
internal sealed partial class MessageParser
{
    /// <summary>Words before a count that make it the unit's total, whatever is said after it.</summary>
    private static readonly string[] TotalBeforeExistence = ["现在", "目前", "一共", "总共", "共", "还是", "涨到", "增加到", "变成", "只", "就"];

    /// <summary>
    /// "有两个保安是党员 组织关系都还在老家没转 就是口袋的那种", "有个快递员是党员 关系在广西 算流动的": members said to exist (有 +
    /// a count right before its noun, 是党员 or 党员) and told by a category in the stretch that follows (a category word, a
    /// description of it, or a short word closed by 的: 算流动的, 口袋的那种) are members found, of that category: the update of the
    /// unit's party members read from the count becomes a discovery. A total (现在有, 一共有) stays an update; so does a count with no
    /// category after it.
    /// </summary>
    private void ExistingMembersCategorised()
    {
        for (var d = 0; d < drafts.Count; d++)
        {
            var draft = drafts[d];
            if (draft.Action is not { Kind: ActionKind.OrgUpdate, PartyMembers: > 0 and var count, Employees: null, Status: null }
                || clauses.FindIndex(c => c.Start <= draft.Position && draft.Position < c.End) is not (>= 0 and var k)
                || ExistenceAt(clauses[k]) is not { } membersEnd
                || drafts.Any(o => o.Action.Kind == ActionKind.MemberDiscovery && o.Action.Organization == draft.Action.Organization))
            {
                continue;
            }

            var stretchEnd = clauses[k].End;
            for (var j = k + 1; j < clauses.Count && !EndsElaboration(clauses[j]); j++)
            {
                stretchEnd = clauses[j].End;
            }

            if ((CategorySaidIn(membersEnd, stretchEnd) ?? CategoryHeldByAll(membersEnd, stretchEnd)) is not { } category || category == "hired")
            {
                continue;
            }

            drafts[d] = draft with
            {
                Action = draft.Action with
                {
                    Kind = ActionKind.MemberDiscovery,
                    PartyMembers = null,
                    Count = count,
                    Categories = new Store.Domain.MemberCategories().Plus(category, count),
                    Date = DateFor(draft.Position),
                },
            };
        }
    }

    /// <summary>
    /// The end of "有 + count + (a person noun) + 是党员/党员" in <paramref name="clause"/>, with no total word before the count; else null.
    /// </summary>
    private int? ExistenceAt(Clause clause)
    {
        for (var at = text.IndexOf('有', clause.Start, clause.End - clause.Start); at >= 0 && at < clause.End;
             at = at + 1 < clause.End ? text.IndexOf('有', at + 1, clause.End - at - 1) : -1)
        {
            var before = text[clause.Start..at];
            if (TotalBeforeExistence.Any(w => before.EndsWith(w, StringComparison.Ordinal)) || before.EndsWith('没'))
            {
                continue;
            }

            var counted = at + 1;
            if (counted >= clause.End || !(text[counted] is '个' or '俩' or '仨' or '两' or '几' || ChineseNumber.IsNumeralChar(text[counted]) || char.IsAsciiDigit(text[counted])))
            {
                continue; // 有 + a count right after it
            }

            var members = text.IndexOf("党员", counted, Math.Min(clause.End, counted + 10) - counted, StringComparison.Ordinal);
            if (members > counted)
            {
                return members + 2;
            }
        }

        return null;
    }
}
