namespace InstructorBot.Bot.Understanding;

// Stage: requests said in other words: help asked of the tool pointed at, a figure's noun broken down, a set of units named alone.
internal sealed partial class MessageParser
{
    /// <summary>
    /// Help asked without naming the bot: the tool pointed at as the subject of a how-to (help_tool_pointers + help_how: "这个咋用啊",
    /// "这玩意儿怎么用"), or a stretch that opens with an ability and 帮我 + a doing of the bot's work + 些/点 + what is asked, closing
    /// the stretch ("能帮我记些啥", "可以帮我查点什么"). No unit named.
    /// </summary>
    private bool HelpAskedOfTheTool()
    {
        if (UsableMentions().Any(m => !m.IsGeneric))
        {
            return false;
        }

        for (var start = 0; start < text.Length; start = StretchEnd(start) + 1)
        {
            while (start < text.Length && IsSeparator(text[start]))
            {
                start++;
            }

            var end = StretchEnd(start);
            if (Acts.HelpToolPointers.MatchAt(text, start, end) is { } pointer && Acts.HelpHow.MatchAt(text, start + pointer.Length, end) is { } how
                && ClosesClause(start + pointer.Length + how.Length, end))
            {
                return true; // "这个咋用啊"
            }

            if (Acts.HelpAbilities.MatchAt(text, start, end) is { } ability && text.AsSpan(start + ability.Length).StartsWith("帮我")
                && Acts.HelpRecordDoings.MatchAt(text, start + ability.Length + 2, end) is { } doing)
            {
                var at = start + ability.Length + 2 + doing.Length;
                if (at < end && text[at] is '些' or '点')
                {
                    at++;
                }

                if (Acts.HelpObjects.MatchAt(text, at, end) is { } asked && ClosesClause(at + asked.Length, end))
                {
                    return true; // "能帮我记些啥"
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "民治本月走访按社区分一下", "横岗这个月走访的情况 按指导员排一下": a figure's noun (覆盖, 走访, 新建党组织) with a breakdown
    /// (按社区, 各街道, 按指导员) asks for that figure broken down, as a table does (<see cref="BreakdownTableMetric"/>), when no unit
    /// is named and no visit is said as done (走访了, 去过: a report, not a noun).
    /// </summary>
    private ProgressMetric? BreakdownFigureMetric()
    {
        if (ProgressFilters.BreakdownOf(text) is null || UsableMentions().Any(m => !m.IsGeneric) || VisitSaidDone())
        {
            return null;
        }

        return Asking.CoverageNouns.ContainsAny(text) ? ProgressMetric.Coverage
            : rules.Visit.ContainsAny(text) ? ProgressMetric.Visits
            : Asking.FormationNouns.ContainsAny(text) ? ProgressMetric.Formations
            : null;
    }

    /// <summary>A visit word followed by 了/过/完 or by a unit: the visit told, not the figure's noun.</summary>
    private bool VisitSaidDone()
    {
        foreach (var (position, word) in rules.Visit.FindAll(text))
        {
            var after = position + word.Length;
            if (word.EndsWith('了') || word.EndsWith('过') || (after < text.Length && text[after] is '了' or '过' or '完'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "布吉街道50人以上没党员的企业": a set of units described (unformed_set_nouns) and its head noun (set_head_nouns) said alone,
    /// ending the message, is the request for that set, as "…有哪些" would be. No unit named, nothing reported (a visit, a find).
    /// </summary>
    private bool UnformedSetNamedAlone()
    {
        if (Acts.UnformedSetNouns.FindFirst(text) is not { } set || UsableMentions().Any(m => !m.IsGeneric)
            || rules.Visit.ContainsAny(text) || rules.Motion.ContainsAny(text) || rules.Discovery.ContainsAny(text))
        {
            return false; // "今天走访了一家没党员的企业": a unit described in a report, no set asked
        }

        var at = set.Position + set.Word.Length;
        if (Acts.SetHeadNouns.MatchAt(text, at) is not { } head)
        {
            return false;
        }

        for (var i = at + head.Length; i < text.Length; i++)
        {
            if (TextNormalizer.IsHan(text[i]) && text[i] is not ('吧' or '呢' or '啊' or '呀'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "恒泰五金上个月就注销了 台账里标一下", "就是个空壳公司 台账上状态给改成空壳吧": a status said for a unit and the ledger asked to
    /// take it (ledger_marking_requests: 标一下, 改成, 更新一下) is the status reported, not the unit's card asked for. Round 22: a
    /// figure said with its noun ("党员现在四个了 台账上改一下") is reported the same way.
    /// </summary>
    private bool StatusMarkedInLedger() =>
        (rules.Statuses.ContainsAny(text) || Understanding.Tokens.NounFigures.Pair(text, MessageTokens).Any()) && Acts.LedgerMarkingRequests.ContainsAny(text);
}
