using System.Text.RegularExpressions;

namespace InstructorBot.Bot.Understanding;

// Stage: which units a joint formation covers, as reports list them around the formation's clause (round 24, r24-joint):
// a list said in the clauses after the verb, a subject said in the clause before with 和/跟 + a unit in the verb's clause,
// 以X为主 naming the first unit, and lists that hold units the message does not name (a wrong record is worse than a question).
internal sealed partial class MessageParser
{
    private const string UnitNouns = "(?:商户|商家|企业|公司|单位|小店|门店|店铺|店|厂|工厂|机构|会员)";

    /// <summary>
    /// Units joined to a list by an indefinite count ("和附近的几个商户", "还有几家会员企业", "顺达快递等多家企业"): the list
    /// holds units it does not name, so the formation's units are not known.
    /// </summary>
    private static readonly Regex UnnamedUnitsJoined = new(
        @"(?:和|跟|与|同|及|、|还有|加上|以及|等)[^，。,；;！!？?\s]{0,6}?(?:几|一些|多|若干|其他|其它|别的|另外)[家个间所]?[^，。,；;！!？?\s]{0,4}?" + UnitNouns
        + "|(?:几|一些|多|若干)[家个间所][^，。,；;！!？?\\s]{0,4}?" + UnitNouns + "(?:和|跟|与|同|及|、|还有|加上|以及)",
        RegexOptions.Compiled);

    /// <summary>
    /// What a clause that only lists units may hold besides the names: "成员单位三家：优品超市、蓝海跨境", "还有坂田手造咖啡".
    /// </summary>
    private static readonly Regex ListClauseWords = new(
        @"^(?:成员单位|参与单位|联建单位|共建单位|单位|分别是|分别为|包括|共|一共|总共|[两三四五六七八九十\d]+家|还有|加上|以及|及|和|与|跟|同|、|，|,|：|:|\s)*$",
        RegexOptions.Compiled);

    private static readonly Regex ListJoinerOpening = new(@"^\s*(?:还有|加上|以及|及|和|与|跟|同)", RegexOptions.Compiled);

    /// <summary>以X为主 / 以X为主体: X is the joint body's first unit.</summary>
    private static readonly Regex MainUnitFrame = new(@"以([^，。,；;！!？?]{2,30}?)为主体?", RegexOptions.Compiled);

    /// <summary>
    /// "今天成立了联合党支部，成员单位三家：优品超市、蓝海跨境、云启科技", "…，青禾文化、金桥投资，还有坂田手造咖啡": the clauses right
    /// after a joint formation's clause that only list units are its units; once the clause names some, a further clause must
    /// open with a joiner (还有, 加上, 和…).
    /// </summary>
    private List<OrganizationMention> UnitsListedAfter(Clause clause, List<OrganizationMention> units)
    {
        if (!rules.Joint.ContainsAny(text, clause.Start, clause.End))
        {
            return units;
        }

        var listed = new List<OrganizationMention>(units);
        foreach (var next in clauses.Where(c => c.Start >= clause.End))
        {
            var named = MentionsIn(next);
            if (named.Count == 0 || named.Any(m => m.IsGeneric) || next.IsQuestion || !OnlyListWords(next, named)
                || (listed.Count > 0 && !ListJoinerOpening.IsMatch(text.AsSpan(next.Start, next.End - next.Start).ToString())))
            {
                break;
            }

            listed.AddRange(named);
        }

        return [.. listed.DistinctBy(Identity)];
    }

    private bool OnlyListWords(Clause clause, List<OrganizationMention> named)
    {
        var rest = new System.Text.StringBuilder();
        var at = clause.Start;
        foreach (var m in named.OrderBy(m => m.Start))
        {
            rest.Append(text, at, Math.Max(0, m.Start - at));
            at = Math.Max(at, m.End);
        }

        rest.Append(text, at, Math.Max(0, clause.End - at));
        return ListClauseWords.IsMatch(rest.ToString());
    }

    /// <summary>
    /// "美好时光家政和汇通汽车两家党员都少，今天和宏图贸易一起成立了联合党支部": the verb's clause opens (after a day or an
    /// adverb) with 和/跟/与/同 + a unit; the list that opens the clause before in the same item is the rest of the units.
    /// </summary>
    private List<OrganizationMention>? UnitsWithSubjectBefore(Clause clause, List<OrganizationMention> units)
    {
        if (units.Count == 0 || units[0].Start - clause.Start is < 1 or > 6)
        {
            return null;
        }

        var lead = text.AsSpan(clause.Start, units[0].Start - clause.Start).Trim();
        if (lead.IsEmpty || lead[^1] is not ('和' or '跟' or '与' or '同') || (lead.Length > 1 && !AdverbsOnly(lead[..^1].Trim())))
        {
            return null;
        }

        var item = Items[ItemOf(clause.Start)];
        if (ListBefore(clause.Start) is not { Count: > 0 } listed || listed.Any(m => m is null || m.IsGeneric || m.Start < item.Start)
            || listed.Any(l => units.Any(u => Identity(u) == Identity(l!))))
        {
            return null;
        }

        var opening = ClauseAt(listed[0]!.Start);
        return listed[0]!.Start - opening.Start > 1 ? null : [.. listed.Select(m => m!), .. units];
    }

    private static bool AdverbsOnly(ReadOnlySpan<char> words) =>
        Regex.IsMatch(words.ToString(), @"^(?:今天|昨天|前天|上午|下午|刚刚|刚才|刚|也|都|已经|就|又|终于|正式|\d{1,2}月\d{1,2}[日号]|\s)+$");

    /// <summary>
    /// "以顺达快递为主，联合智联物流、华鼎物流三家成立了联合党支部": the unit 以…为主 names before the verb in the item is the
    /// first unit, unless a mode says it leads, sends help or hosts (then it is no unit).
    /// </summary>
    private List<OrganizationMention> WithMainUnit(Clause clause, List<OrganizationMention> units, string? mode)
    {
        if (mode is "leading" or "dispatched" or "affiliated")
        {
            return units;
        }

        var item = Items[ItemOf(clause.Start)];
        foreach (Match frame in MainUnitFrame.Matches(text[..clause.End]))
        {
            var group = frame.Groups[1];
            if (frame.Index < item.Start || mentions.FirstOrDefault(m => !m.IsGeneric && m.Start >= group.Index && m.End <= group.Index + group.Length) is not { } main)
            {
                continue;
            }

            return units.Any(u => Identity(u) == Identity(main)) ? units : [main, .. units];
        }

        return units;
    }

    /// <summary>A count said right after a list of units: "…宏远眼镜，仨企业", "A和B两家", "A、B、C这三家单位".</summary>
    private static readonly Regex CountAfterList = new(
        @"^[\s，,、]{0,2}(?:这|共|一共)?(?:(仨|俩)|([两二三四五六七八九十\d])(?:家|个(?=企业|单位|公司)))", RegexOptions.Compiled);

    /// <summary>
    /// The count said right after the units' list disagrees with the units read ("嗯明视光学，亮晶晶眼镜，还有那个宏远眼镜，仨企业…"
    /// with a name not read): a unit is missing or extra, so the formation's units are not known.
    /// </summary>
    private bool UnitCountDisagrees(List<OrganizationMention> units)
    {
        // The last count said after one of the units' names decides: "…还有明税三家…成立了 哦说错了明税没进来 就华鼎物流跟蓝海两家"
        // restates the list and its count (round 24: a self-repair leaves the first count beside the list it repaired).
        var named = units.Select(Identity).ToHashSet();
        int? said = null;
        var saidAfter = 0;
        foreach (var mention in mentions.Where(m => named.Contains(Identity(m))).OrderBy(m => m.Start))
        {
            if (CountAfterList.Match(text[mention.End..]) is not { Success: true } count)
            {
                continue;
            }

            said = count.Groups[1].Success ? (count.Groups[1].Value == "仨" ? 3 : 2)
                : "一两二三四五六七八九十".IndexOf(count.Groups[2].Value[0]) is var at and >= 0 ? (at == 1 ? 2 : at > 1 ? at : 1)
                : count.Groups[2].Value[0] - '0';
            saidAfter = mention.End;
        }

        return said is { } total && total != units.Count(u => u.End <= saidAfter);
    }

    /// <summary>A joint formation's list in its item, up to the end of its clause, holds units it does not name.</summary>
    private bool UnnamedUnitsListed(Clause clause)
    {
        var item = Items[ItemOf(clause.Start)];
        var from = Math.Max(item.Start, clauses.LastOrDefault(c => c.End <= clause.Start && c.Start >= item.Start)?.Start ?? clause.Start);
        return UnnamedUnitsJoined.IsMatch(text[from..clause.End]);
    }
}
