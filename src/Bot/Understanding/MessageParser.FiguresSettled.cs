using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage (round 22, branch r22-ufind): the records read so far checked against the account of the message's figures
// (FigureTable.cs). Runs after the facts, only where no advice was asked.
internal sealed partial class MessageParser
{
    private List<Figure>? figureTable;

    /// <summary>Figures a find had taken that the account reads as a total: the total reader takes them again.</summary>
    private readonly HashSet<int> figuresFreed = [];

    /// <summary>Every figure of the message with its noun and the class of its predicate (<see cref="FigureTable"/>).</summary>
    private List<Figure> Figures => figureTable ??= FigureTable.Read(text, rules, InQuestion, p => InClause(p) && IsPlanned(p));

    private bool InClause(int position) => clauses.Exists(c => c.Start <= position && position <= c.End);

    private bool InQuestion(int position) => clauses.Find(c => c.Start <= position && position <= c.End) is { IsQuestion: true };

    /// <summary>
    /// What the figures say, where the readers before said otherwise:
    /// <list type="bullet">
    /// <item>a sum closing a find told in parts ("又找出来一个口袋党员 再加上一个流动的 一共俩", "一个是…一个是… 一共俩") is the find's
    /// count, not a total; with a word of an earlier time or now before it ("加上原来那个一共三个了") it is the total;</item>
    /// <item>a find whose count is a figure said with a still/only word ("党员就他自己一个", "党员总数还是一个") and no figure found
    /// at all is no find;</item>
    /// <item>a member figure said with a state word ("党员还是程总一个", "还是没有党员", "党员现在一共是十二个") that no record
    /// took is the unit's total.</item>
    /// </list>
    /// </summary>
    private void SettleFigures()
    {
        var figures = Figures;
        if (figures.Count == 0)
        {
            return;
        }

        SumsClosingFinds(figures);
        FindsToldOneByOne(figures);
        PartsOfFindsCategorised(figures);
        FindsThatAreTotals(figures);
        TotalsUnread(figures);
    }

    private void SumsClosingFinds(List<Figure> figures)
    {
        foreach (var sum in figures.Where(f => f.ClosesSum && f.Noun is FigureNoun.Unsaid or FigureNoun.Members && f.Role == FigureRole.Total && f.Value > 1))
        {
            var at = drafts.FindLastIndex(d => d.Action.Kind == ActionKind.MemberDiscovery && d.Position < sum.Start);
            if (at < 0 || OtherUnitNamedBetween(drafts[at], sum.Start))
            {
                continue;
            }

            var find = drafts[at];
            var count = find.Action.Count ?? 0;
            // The parts told between the find and the sum: two or more, adding up to the sum ("一个口袋党员 再加上一个流动的 一共俩").
            var parts = figures.Where(f => f.Start > find.Position && f.Start < sum.Start && f.Noun is FigureNoun.Members or FigureNoun.Unsaid && f.Role is FigureRole.Find or FigureRole.Total).ToList();
            if (!sum.SaidOfNow && !rules.FormerStateMarkers.ContainsAny(text, find.Position, sum.Start) && !rules.TotalStates.ContainsAny(text, find.Position, sum.Start))
            {
                if (count > sum.Value || parts.Count < 2 || parts.Sum(p => p.Value) != sum.Value)
                {
                    continue;
                }

                var categories = parts.All(p => p.Category is not null and not "party")
                    ? parts.Aggregate(new MemberCategories(), (all, p) => all.Plus(p.Category!, p.Value))
                    : find.Action.Categories;
                drafts[at] = find with { Action = find.Action with { Count = sum.Value, Categories = categories } };
                DropFigure(find.Action.Organization, sum.Value, FigureNoun.Members);
            }
            else if (sum.Value > count && !drafts.Exists(d => d.Action.Kind == ActionKind.OrgUpdate && d.Action.Organization == find.Action.Organization && d.Action.PartyMembers is not null))
            {
                SetTotal(find.Action, sum.Value, sum.Start);
            }
        }
    }

    /// <summary>
    /// "有个社工是党员 …就那种口袋的 然后还有个今年刚入党的 预备党员 这俩之前台账上都没有", "老板是党员 还有个店员也是 俩都是流动的":
    /// members of a find told one clause each (an also word between), then counted together by a figure pointed at (这俩) or said
    /// of all (俩都是): the find's count is that figure; its categories those said of all, or else one for each category said of
    /// the members one by one when they add up to it. A staff figure read from the count is dropped.
    /// </summary>
    private void FindsToldOneByOne(List<Figure> figures)
    {
        foreach (var group in figures.Where(f => f.Noun is FigureNoun.Unsaid or FigureNoun.Members && f.Role == FigureRole.Total && f.Value is > 1 and < 10 && PointedOrAll(f)))
        {
            var (groupStart, groupEnd) = (group.End, clauses.Find(c => c.Start <= group.Start && group.Start <= c.End)?.End ?? group.End);
            var at = drafts.FindLastIndex(d => d.Action.Kind == ActionKind.MemberDiscovery && d.Position < groupEnd);
            var from = at >= 0 ? drafts[at].Position : -1;
            if (at >= 0 && from >= group.Start)
            {
                // "有个会计是党员 还有个出纳也是 这俩都是口袋党员": the find was read from the group itself; the members are told from the first.
                from = drafts.FindLastIndex(d => d.Action.Kind == ActionKind.OrgUpdate && d.Action.PartyMembers == 1 && d.Position < group.Start) is var first and >= 0 ? drafts[first].Position : int.MaxValue;
            }

            if (at < 0 && drafts.FindLastIndex(d => d.Action.Kind == ActionKind.OrgUpdate && d.Action.PartyMembers == 1 && d.Position < group.Start) is var one and >= 0)
            {
                // "有个主管是党员 另外还有个叉车工也是 这俩以前都没登记过": the one member told first was no total but the first of the find.
                var update = drafts[one];
                drafts[one] = update with { Action = update.Action with { PartyMembers = null } };
                drafts.Insert(one + 1, update with { Action = update.Action with { Kind = ActionKind.MemberDiscovery, PartyMembers = null, Employees = null, Status = null, Count = 1 } });
                at = one + 1;
                if (update.Action.Employees is null && update.Action.Status is null)
                {
                    drafts.RemoveAt(one);
                    at = one;
                }

                from = drafts[at].Position;
            }

            if (at < 0 || from >= group.Start || drafts[at].Action.Count == group.Value || OtherUnitNamedBetween(drafts[at], group.Start)
                || !rules.AlsoWords.ContainsAny(text, from, group.Start)
                || figures.Exists(f => f.Start > from && f.Start < group.Start && f.Noun != FigureNoun.Units))
            {
                continue;
            }

            var find = drafts[at];
            var categories = CategoriesSaid(groupStart, groupEnd) is [var all] ? new MemberCategories().Plus(all, group.Value)
                : CategoriesSaid(Math.Max(0, from - 8), group.Start) is { } said && said.Count == group.Value ? said.Aggregate(new MemberCategories(), (c, k) => c.Plus(k, 1))
                : find.Action.Categories;
            drafts[at] = find with { Action = find.Action with { Count = group.Value, Categories = categories is { } c && c.NonZero().Sum(n => n.Count) > group.Value ? null : categories } };
            if (!figures.Exists(f => f.Noun == FigureNoun.Members && f.Value == 1))
            {
                DropFigure(find.Action.Organization, 1, FigureNoun.Members); // the one member told first, read as a total beside the find
            }

            if (!figures.Exists(f => f.Noun == FigureNoun.Staff && f.Value == group.Value))
            {
                DropFigure(find.Action.Organization, group.Value, FigureNoun.Staff);
            }
        }
    }

    /// <summary>
    /// "党员比上次多了两个 都是这个月新招进来的 一个是正式党员一个是预备的": after a find of N, parts said "一个是…" that add up to
    /// N are parts of the find, not totals: a member total read from a part is dropped, and the categories said of the parts are
    /// the find's too.
    /// </summary>
    private void PartsOfFindsCategorised(List<Figure> figures)
    {
        for (var at = 0; at < drafts.Count; at++)
        {
            var find = drafts[at];
            if (find.Action.Kind != ActionKind.MemberDiscovery || find.Action.Count is not { } count || count < 2)
            {
                continue;
            }

            var parts = figures.SkipWhile(f => f.Start <= find.Position).SkipWhile(f => f.Value == count)
                .TakeWhile(f => f.Noun is FigureNoun.Members or FigureNoun.Unsaid && f.Role == FigureRole.Total && f.Predicate is null && f.Value < count && IsPartSaid(f)).ToList();
            if (parts.Count < 2 || parts.Sum(p => p.Value) != count || parts.Any(p => OtherUnitNamedBetween(find, p.Start)))
            {
                continue;
            }

            var categories = find.Action.Categories ?? new MemberCategories();
            foreach (var part in parts.Where(p => p.Category is { } c && c != "party" && !categories.NonZero().Any(n => n.Key == c)))
            {
                categories = categories.Plus(part.Category!, part.Value);
            }

            drafts[at] = find with { Action = find.Action with { Categories = categories } };
            foreach (var part in parts.Where(p => !figures.Exists(f => f.Noun == FigureNoun.Members && f.Role == FigureRole.Total && f.Value == p.Value && !parts.Contains(f))))
            {
                DropFigure(find.Action.Organization, part.Value, FigureNoun.Members);
            }
        }
    }

    /// <summary>"一个是预备的", "两个是流动党员": a part's figure right before 是.</summary>
    private bool IsPartSaid(Figure figure) => figure.End < text.Length && text[figure.End] == '是';

    /// <summary>这俩, 那两个, 俩都是: a count pointed at by a demonstrative right before it or said of all by 都/全 right after it.</summary>
    private bool PointedOrAll(Figure figure) =>
        rules.Demonstratives.LongestEndingAt(text, figure.Start) > 0 || rules.AllWords.MatchAt(text, figure.End) is not null;

    /// <summary>The categories said between two places, one per mention (a full word 口袋党员 or a short one 口袋的), in order.</summary>
    private List<string> CategoriesSaid(int from, int to)
    {
        var full = rules.Categories.FindAll(text, from, to).Where(c => CategoryOf(c.Word) is not null).ToList();
        var said = full.Select(c => (c.Position, Category: CategoryOf(c.Word)!)).ToList();
        said.AddRange(rules.CategoryShortWords.FindAll(text, from, to)
            .Where(s => !full.Exists(c => c.Position <= s.Position && s.Position < c.Position + c.Word.Length))
            .Select(s => (s.Position, Category: rules.Vocabulary.CategoryShortWords[s.Word])));
        return [.. said.OrderBy(s => s.Position).Select(s => s.Category)];
    }

    private void FindsThatAreTotals(List<Figure> figures)
    {
        for (var k = drafts.Count - 1; k >= 0; k--)
        {
            var find = drafts[k];
            if (find.Action.Kind != ActionKind.MemberDiscovery || find.Action.Count is not { } count
                || figures.Exists(f => f.Role == FigureRole.Find && f.Value == count)
                || !figures.Exists(f => f.Noun == FigureNoun.Members && f.Role == FigureRole.Total && f.Value == count && f.Start > find.Position && IsStillOrOnly(f)))
            {
                continue;
            }

            drafts.RemoveAt(k); // "上个月刚招了俩新人 党员就他自己一个": the one is the total, not a find
            figuresFreed.UnionWith(figures.Where(f => f.Value == count && f.Start > find.Position && IsStillOrOnly(f)).Select(f => f.Start));
        }
    }

    private void TotalsUnread(List<Figure> figures)
    {
        foreach (var total in figures.Where(f => f.Noun == FigureNoun.Members && f.Role == FigureRole.Total && !f.ClosesSum && f.Predicate is not null))
        {
            if (drafts.Exists(d => d.Action.PartyMembers == total.Value || d.Action.Count == total.Value || d.Action.Members == total.Value)
                || (!figuresFreed.Contains(total.Start) && memberPhrases.Exists(p => p.Start < total.End && total.Start < p.End && (p.Consumed || p.Supposed || p.Category is not null)))
                || InClause(total.Start) is false)
            {
                continue;
            }

            if (FactTargets(ClauseAt(total.Start), total.Start, all: false) is not [{ } target] || IsAnotherUnitReported(target))
            {
                continue;
            }

            var record = Record(ActionKind.OrgUpdate, target, total.Start);
            var update = drafts.FindIndex(d => d.Action.Kind == ActionKind.OrgUpdate && d.Action.Organization == record.Organization);
            if (update >= 0)
            {
                if (drafts[update].Action.PartyMembers is null)
                {
                    drafts[update] = drafts[update] with { Action = drafts[update].Action with { PartyMembers = total.Value } };
                }

                continue;
            }

            Add(total.Start, record with { PartyMembers = total.Value });
        }
    }

    /// <summary>还是/仍是/就/只有/总数: a word that states what is, not one that sums or says now (现在, 一共).</summary>
    private bool IsStillOrOnly(Figure figure) =>
        figure.Predicate is { } word && rules.TotalStates.MatchAt(word, 0) != word && rules.FigureSums.MatchAt(word, 0) != word && rules.TotalWords.MatchAt(word, 0) != word;

    private bool OtherUnitNamedBetween(Draft find, int end) =>
        mentions.Exists(m => m.Start > find.Position && m.Start < end && !m.IsGeneric && m.ReportedName is { } name && name != find.Action.Organization);

    /// <summary>
    /// Takes a figure the readers wrote as the unit's staff (<see cref="FigureNoun.Staff"/>) or member total (any other noun)
    /// off its org_update, and drops the update when nothing else stays on it.
    /// </summary>
    private void DropFigure(string? organization, int value, FigureNoun noun)
    {
        var staff = noun == FigureNoun.Staff;
        for (var k = drafts.Count - 1; k >= 0; k--)
        {
            var update = drafts[k].Action;
            if (update.Kind != ActionKind.OrgUpdate || update.Organization != organization || (staff ? update.Employees : update.PartyMembers) != value)
            {
                continue;
            }

            var rest = staff ? update with { Employees = null } : update with { PartyMembers = null };
            if (rest.Employees is null && rest.PartyMembers is null && rest.Status is null)
            {
                drafts.RemoveAt(k);
            }
            else
            {
                drafts[k] = drafts[k] with { Action = rest };
            }
        }
    }

    private void SetTotal(UnderstoodAction find, int value, int position) =>
        Add(position, find with { Kind = ActionKind.OrgUpdate, Count = null, Categories = null, PartyMembers = value });
}
