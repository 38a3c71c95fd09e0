using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: the formation frame's slots said in the forms of a written report (round 18, branch r18-uform).
internal sealed partial class MessageParser
{
    /// <summary>
    /// "选举许文静同志为支部书记", "推选刘建同志为书记": an electing verb (the head of an <c>elected_verbs</c> entry ending in 为:
    /// 选举为 → 选举) with its object between the verb and 为, then the post (a party body word may name whose post it is).
    /// The object is the holder.
    /// </summary>
    private string? ElectedHolderBefore(int post)
    {
        var end = post;
        if (rules.PartyAndMassWords.LongestEndingAt(text, end) is > 0 and var body)
        {
            end -= body; // "为支部书记": the body's post
        }

        if (end < 4 || text[end - 1] != '为')
        {
            return null;
        }

        end--;
        var nameEnd = text.AsSpan(0, end).EndsWith("同志") ? end - 2 : end;
        if (rules.Names.ReadBefore(text, nameEnd, Math.Max(0, nameEnd - 4)) is not { Length: >= 2 } name)
        {
            return null;
        }

        var verbEnd = nameEnd - name.Length;
        foreach (var elected in rules.Vocabulary.ElectedVerbs)
        {
            if (elected.Length > 1 && elected[^1] == '为' && text.AsSpan(0, verbEnd).EndsWith(elected.AsSpan(0, elected.Length - 1)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The members of the body set up: the first member figure of its item or after it, except one said as a unit's total now
    /// (党员到五十二个了) and one said of each unit of a joint body ("顺达快递（党员2名）与诚信会计师事务所（党员1名）…共有党员3名",
    /// "各有2个党员，…一共4名党员"): those are the units' own, set aside (no record of their own either); with none, a people
    /// figure said as a clause of its own in a functional or joint body's sentence ("专门管厂里的流动党员，8个人").
    /// </summary>
    private NumberPhrase? BodyMembers(Clause clause, List<OrganizationMention> units, FormationMethod method)
    {
        if (method == FormationMethod.Joint)
        {
            foreach (var own in memberPhrases.Where(p => !p.Consumed && IsUnitsOwnFigure(p, units)))
            {
                own.Consumed = true;
            }
        }

        // A figure in an item before the formation's ("一共十个人，党员还是两名；跟…联合支部成立了") is that item's total.
        var members = memberPhrases.FirstOrDefault(p => !p.Consumed && !p.Approximate && !IsInQuestion(p.Start) && ItemOf(p.Start) >= ItemOf(clause.Start)
            && !SaidAsTotalNow(p) && !IsUnitsOwnFigure(p, units)) ?? BodyMembersAsPeople(clause, method);
        if (members is not null)
        {
            members.Consumed = true;
        }

        return members;
    }

    /// <summary>A member figure in brackets right after a unit of the body, or after 各有/分别有 (per_unit_markers).</summary>
    private bool IsUnitsOwnFigure(NumberPhrase phrase, List<OrganizationMention> units)
    {
        var open = text.LastIndexOfAny(['（', '('], Math.Max(0, phrase.Start - 1));
        if (open >= 0 && phrase.Start - open <= 4 && text.IndexOfAny(['）', ')'], open) is var close && close >= phrase.End
            && (units.Any(u => u.End == open) || mentions.Any(m => m.End == open && !m.IsGeneric)))
        {
            return true;
        }

        var from = Math.Max(0, phrase.Start - 4);
        return rules.PerUnitMarkers.FindAll(text, from, phrase.Start + 2).Any(m => m.Position + m.Word.Length <= phrase.Start + 2
            && !text.AsSpan(m.Position, phrase.Start - m.Position).ContainsAny('，', '。', ' '));
    }

    /// <summary>
    /// "专门管厂里的流动党员，8个人", "一共7个人参加": in a functional or joint body's sentence, after its members are spoken of
    /// (党员 said before), a people figure that is a clause of its own (a total word before it, 参加/编入 after it, nothing else)
    /// counts the body's members; an employee figure read there is taken back.
    /// </summary>
    private NumberPhrase? BodyMembersAsPeople(Clause clause, FormationMethod method)
    {
        if (method == FormationMethod.Single)
        {
            return null;
        }

        var sentenceEnd = text.IndexOfAny(['。', '！', '？', '!', '?', '\n'], clause.Start) is var stop and >= 0 ? stop : text.Length;
        var sentenceStart = clause.Start == 0 ? 0 : text.LastIndexOfAny(['。', '！', '？', '!', '?', '\n'], clause.Start - 1) + 1;
        for (var start = sentenceStart; start < sentenceEnd; start++)
        {
            if (start > sentenceStart && !IsSeparator(text[start - 1]))
            {
                continue;
            }

            var end = start;
            while (end < sentenceEnd && !IsSeparator(text[end]))
            {
                end++;
            }

            var i = start + (rules.TotalWords.MatchAt(text, start, end)?.Length ?? 0);
            if (!ChineseNumber.TryReadSpoken(text, i, out var value, out var length, out var approximately) || approximately || value <= 0)
            {
                continue;
            }

            var j = i + length;
            j += text.AsSpan(j).StartsWith("个人") ? 2 : text.AsSpan(j).StartsWith("人") || text.AsSpan(j).StartsWith("名") ? 1 : 0;
            if (j == i + length || !text.AsSpan(sentenceStart, start - sentenceStart).Contains("党员", StringComparison.Ordinal))
            {
                continue;
            }

            j += rules.FigureOnlyFollowers.MatchAt(text, j, end)?.Length ?? 0;
            if (j != end)
            {
                continue;
            }

            employeePhrases.RemoveAll(p => p.Start >= start && p.End <= end);
            return new NumberPhrase(i, j, value, false, null);
        }

        return null;
    }

    // 跟/还有 join units in any message when what follows has a unit's shape (川湘小厨, not 老板): the reader asks for that shape.
    // A blank joins names in voice input ("巧手缝纫铺 清泉茶社 华鼎物流"); the name after it must have that shape too.
    private static readonly string[] PlainUnitJoiners = ["以及", "还有", "和", "、", "与", "及", "跟", " "];

    /// <summary>
    /// The joiners a list of units goes on after: 和, 、, 与, 及, 以及; in a message that speaks of a joint or hosted body (a joint
    /// word, a joint mode, a host marker) also the others of <c>unit_joiners</c> (跟, 同, 加上, 还有), which elsewhere join people
    /// and talk ("跟老板聊了"). Longer joiners first (以及 before 及).
    /// </summary>
    private IReadOnlyList<string> UnitJoinersHere() =>
        rules.UnitJoiners.Count > 0 && (rules.Joint.ContainsAny(text) || rules.JointModes.ContainsAny(text) || rules.HostMarkers.ContainsAny(text))
            ? [.. rules.UnitJoiners, " "]
            : PlainUnitJoiners;

    /// <summary>
    /// "加上楼里新搬来的星河动画": after a list joiner, a short stretch (a place word at most) ending in a newcomer's word
    /// (<c>unit_newcomer_leads</c>: 新搬来的, 新开的) before the next unit's name; its length, or 0.
    /// </summary>
    private int NewcomerLeadLength(int at)
    {
        var reach = Math.Min(text.Length, at + 10);
        for (var i = at; i < reach && i - at <= 4 && TextNormalizer.IsHan(text[i]); i++)
        {
            if (rules.UnitNewcomerLeads.MatchAt(text, i) is { } lead)
            {
                return i + lead.Length - at;
            }
        }

        return 0;
    }

    /// <summary>
    /// "该公司原与另外两家小微企业联合组建党支部。…于上周五从联合党支部中分出，单独成立党支部", "原来跟另外两家联合建的支部，今天
    /// 分出来…": a formation verb after a former-state marker in its clause (原来, 以前, 原与) tells the form the unit had, when the
    /// message goes on to tell a change after that clause (a split marker, a single word or another formation verb).
    /// </summary>
    private bool IsFormerForm(Clause clause, int position)
    {
        // The stretch from the last comma or stop (a clause may open at 另外 inside it: "原来跟另外两家小公司联合建的支部").
        var from = text.LastIndexOfAny(['，', ',', '。', '；', ';', '！', '？', '!', '?', ' ', '\n'], Math.Max(0, Math.Min(clause.Start, position - 1))) + 1;
        // 原来的 modifies a noun ("从原来的联合支部里拆出来单独建的"); a split marker after the marker is the change told itself.
        if (rules.FormerStateMarkers.FindAll(text, from, position).All(m => InsideOrAtMention(m.Position) || text.AsSpan(m.Position + m.Word.Length).StartsWith("的"))
            || rules.SplitMarkers.ContainsAny(text, from, position))
        {
            return false;
        }

        return rules.SplitMarkers.ContainsAny(text, clause.End) || rules.Single.ContainsAny(text, clause.End)
            || rules.Formation.FindAll(text, clause.End).Any(v => !InPersonName(v.Position));
    }

    /// <summary>
    /// "俩都挂靠到坂田社区党委 成立了联合党支部": a clause right after the host's that opens with a formation verb names the body set
    /// up under the host (its level is that body's, not the host's); null when the next clause says no such thing.
    /// </summary>
    private string? BodySetUpAfterHost(Clause clause)
    {
        if (clauses.FirstOrDefault(c => c.Start >= clause.End) is not { IsQuestion: false } next
            || rules.Formation.FindFirst(text, next.Start, Math.Min(next.End, next.Start + 3)) is not { } verb)
        {
            return null;
        }

        return PartyWordNear(next, verb.Position, verb.Word.Length);
    }

    /// <summary>
    /// In a message about a joint body: a unit (and its party body) right before 派 sends help ("恒信建筑派了个党员过去帮汇通汽车",
    /// "瑞康医疗党支部派了两名党员"), and a unit said to be the leading one ("瑞康医疗是我们这边的龙头": 是, then a leading mode word
    /// of <c>joint_modes</c> in its clause); neither is one of the body's units.
    /// </summary>
    private void FindHelpersAndLeadersSaid()
    {
        if (!rules.Joint.ContainsAny(text) && !rules.JointModes.ContainsAny(text))
        {
            return;
        }

        foreach (var mention in mentions.Where(m => !m.IsGeneric))
        {
            var after = mention.End + (rules.PartyAndMassWords.MatchAt(text, mention.End)?.Length ?? 0);
            if (after < text.Length && text[after] == '派' && rules.JointModes.MatchAt(text, after) is null) // not 派驻帮建, a mode
            {
                leaderSpans.Add((mention.Start, after + 1));
                continue;
            }

            // "星辰半导体党委龙头带建，把安捷电子和鹏城数据带起来": a unit said as the subject of a leading mode word leads; one
            // joined to a unit before it by a list joiner is among the units the mode is said of (round 20, r20-uunits).
            if (rules.JointModes.MatchAt(text, after) is { } leading && rules.Vocabulary.JointModes[leading] == "leading"
                && !mentions.Any(m => m.End < mention.Start && IsListJoiner(m.End, mention.Start, acrossBlanks: true)))
            {
                leaderSpans.Add((mention.Start, after + leading.Length));
                continue;
            }

            if (after >= text.Length || text[after] != '是')
            {
                continue;
            }

            var clauseEnd = after;
            while (clauseEnd < text.Length && !IsSeparator(text[clauseEnd]))
            {
                clauseEnd++;
            }

            if (rules.JointModes.FindAll(text, after, clauseEnd).Any(m => rules.Vocabulary.JointModes[m.Word] == "leading"))
            {
                leaderSpans.Add((mention.Start, mention.End));
            }
        }
    }

    /// <summary>
    /// "那5个组织关系都在外地的流动党员", "4个关系在老家的流动党员": after a count, a description of up to ten characters, 的 and a
    /// member category word (流动党员, 口袋党员: member_categories): members of that category; the end and the category, or null.
    /// </summary>
    private (int End, string? Category)? DescribedMembersOfCategoryAt(int position)
    {
        for (var length = 1; length <= 10 && position + length + 3 <= text.Length; length++)
        {
            var c = text[position + length - 1];
            if (!TextNormalizer.IsHan(c) || c is '名' or '个' or '位' or '和' || (ChineseNumber.IsNumeralChar(c) && c != '一'))
            {
                return null;
            }

            if (text[position + length] == '的' && rules.Categories.MatchAt(text, position + length + 1) is { } word && word.EndsWith("党员", StringComparison.Ordinal)
                && !InsideMention(position + length))
            {
                return (position + length + 1 + word.Length, CategoryOf(word));
            }
        }

        return null;
    }

    /// <summary>
    /// "深圳市荷坳众创科技有限公司、汇通汽车两家派驻帮建": units listed and summed up by a count of units (两家, 三家) right before
    /// a helping word are the units helped, the subject of the mode, not a helper.
    /// </summary>
    private bool UnitsSummedBefore(int helping)
    {
        if (helping < 3 || text[helping - 1] != '家' || !ChineseNumber.IsNumeralChar(text[helping - 2]))
        {
            return false;
        }

        var count = helping - 2;
        return mentions.Any(m => !m.IsGeneric && (m.End == count || (m.End == count - 1 && text[m.End] == ' ')));
    }
}
