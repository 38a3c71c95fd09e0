using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: the formation frame, its record — which units a formation covers, its method, mode, level, members and secretary,
// read once a formation verb and its party body are found (MessageParser.Formation.cs).
internal sealed partial class MessageParser
{
    private void AddFormation(Clause clause, int position, string partyWord, bool hosted = false)
    {
        var units = MentionsIn(clause);
        if (units.Count > 0 && units[0].Start - clause.Start <= 1 && ListBefore(units[0].End) is { Count: > 1 } spoken
            && spoken[^1] is { } lastSpoken && Identity(lastSpoken) == Identity(units[0]))
        {
            // "顺达快递 智联物流 华鼎物流三家…联建": a list spoken across blanks before the clause.
            units = [.. spoken.Where(m => m is not null).Select(m => m!).Concat(units.Skip(1)).DistinctBy(Identity)];
        }

        // "物流协会今天同业共建成立联合党支部 和智联物流一起": units added in the clauses right after, opened by 和/与/跟.
        foreach (var next in clauses.Where(c => c.Start >= clause.End && units.Count > 0))
        {
            var opening = text.AsSpan(next.Start, next.End - next.Start);
            if (!(opening.StartsWith("和") || opening.StartsWith("与") || opening.StartsWith("跟") || opening.StartsWith("同")) || MentionsIn(next) is not { Count: > 0 } more
                || more[0].Start - next.Start > 1)
            {
                break;
            }

            units = [.. units.Concat(more).DistinctBy(Identity)];
        }

        if (units.Count == 0 && ListBefore(clause.Start) is { Count: > 1 } listed && listed[^1] is { } lastListed
            && rules.Joint.ContainsAny(text, lastListed.End, clause.End) && !rules.Formation.ContainsAny(text, lastListed.End, clause.Start)
            && UsableMentions().Count(m => m.End <= lastListed.End && !m.IsGeneric) == listed.Count)
        {
            // "宏兴电子 立信五金两家的联合支部今天成立了": the list before the joint body's name is its units when it holds every
            // unit named before (round 20, r20-uunits; "A 跟它隔壁的B 还有C 三家…" keeps A through the reading below).
            units = [.. listed.Select(m => m!)];
        }

        if (units.Count == 0 && rules.Joint.ContainsAny(text, clause.Start, clause.End))
        {
            // "顺达快递2名党员 佳和餐饮2名党员 今天联合成立党支部": the units were named before.
            units = [.. UsableMentions().Where(m => m.Start < clause.Start && !m.IsGeneric).DistinctBy(Identity)];
        }

        if (CoordinatedUnits(clause, units) is { } coordinated)
        {
            units = coordinated; // "云启网络跟极光数字 片区联建 …弄好了", "…；跟物流行业协会同业共建的联合支部…成立了" (MessageParser.Items.cs)
        }
        else if (UnitsWithSubjectBefore(clause, units) is { } withSubject)
        {
            units = withSubject; // "美好时光家政和汇通汽车两家…，今天和宏图贸易一起成立了联合党支部" (MessageParser.JointUnits.cs)
        }

        units = UnitsListedAfter(clause, units); // "…联合党支部，成员单位三家：优品超市、蓝海跨境、云启科技"

        if (units.Count == 0 && clauses.FirstOrDefault(c => c.Start >= clause.End) is { IsQuestion: false } described
            && rules.Formation.FindFirst(text, described.Start, described.End) is { } builtAt && !IsBlocked(described, builtAt.Position)
            && (rules.Joint.ContainsAny(text, clause.Start, clause.End) || rules.LeaderFollowVerbs.ContainsAny(text, described.Start, described.End))
            && MentionsIn(described).Where(m => !m.IsGeneric && !InLeaderSpan(m.Start)).DistinctBy(Identity).ToList() is { Count: > 0 } named)
        {
            units = named; // "龙头带建的联合支部落地了 星辰半导体党总支带着优品超市、蓝海电商建的": the next clause says whose it is
        }

        if (units.Count == 0 && rules.SplitMarkers.FindAll(text, 0, position).LastOrDefault() is { Word: not null } leftAt
            && MentionsIn(ClauseAt(leftAt.Position)).FirstOrDefault(m => m.End <= leftAt.Position && !m.IsGeneric) is { } leaver)
        {
            units.Add(leaver); // "云启网络退出了和微光软件的联合党支部，今天单独建了支部": the unit that left sets up its own
        }

        if (units.Count == 0 && TargetsFor(clause, position, wholeClause: true)[0] is { } topic)
        {
            units.Add(topic);
        }

        // "联合党支部今天调整为单独组建的党支部": after a change verb, the words before it are the old form.
        var from = rules.ChangeVerbs.MatchAt(text, position) is not null ? position : 0;
        if (rules.SplitMarkers.FindAll(text, 0, position).LastOrDefault() is { Word: not null } split)
        {
            from = split.Position + split.Word.Length; // "从联合党支部里分出来，单独成立了党支部": the form left is no longer it
            var splitClauseEnd = ClauseAt(split.Position).End;
            if (splitClauseEnd < position && rules.PartyAndMassWords.FindFirst(text, from, splitClauseEnd) is { } left)
            {
                from = left.Position + left.Word.Length; // "脱离了原来挂靠的党支部，今天自己成立了党支部": 脱离/退出 say the form left after them
            }
        }

        // "以前挂在社区的联合党支部里，今天单独成立了党支部": a clause said of the old form, then a single formation.
        if (rules.Single.ContainsAny(text, clause.Start, clause.End)
            && clauses.Any(c => c.End <= clause.Start && rules.FormerStateMarkers.ContainsAny(text, c.Start, c.End)))
        {
            from = Math.Max(from, clause.Start);
        }

        // A joint word in a clause that did not happen ("本来想联合建，今天还是单独成立了党支部") says nothing of the form set up.
        // A host's marker (依托, 挂靠) says affiliated only when no other mode is said: "依托电商协会，…同业共建成立了联合党支部".
        var mode = rules.JointModes.FindAll(text, from).Where(m => !IsUnrealized(m.Position))
            .OrderBy(m => rules.HostMarkers.MatchAt(text, m.Position) is not null ? 1 : 0).FirstOrDefault() is { Word: { } said } ? rules.Vocabulary.JointModes[said]
            : HelperMode(position) ?? (hosted ? "affiliated" : null); // a unit attached to a host's body is affiliated, said or not
        units = [.. WithMainUnit(clause, units, mode).DistinctBy(Identity)]; // "佳和餐饮、顺达快递联合党支部": a unit read from the list and the clause is one unit
        var method = rules.Functional.ContainsAny(text, from) ? FormationMethod.Functional
            : rules.Joint.FindAll(text, from).Any(j => !InLeaderSpan(j.Position) && !IsUnrealized(j.Position)) || units.Count > 1 || mode is not null ? FormationMethod.Joint
            : FormationMethod.Single;
        var level = rules.Vocabulary.PartyOrganizationWords[partyWord] switch
        {
            "branch" => PartyOrganizationLevel.Branch,
            "general_branch" => PartyOrganizationLevel.GeneralBranch,
            "committee" => PartyOrganizationLevel.Committee,
            _ => (PartyOrganizationLevel?)null,
        };

        // A figure in an item before the formation's ("一共十个人，党员还是两名；跟…联合支部成立了") is that item's total.
        // "党员到五十二个了", "党员现在是一百零三个了": a figure said with a change or state word is the unit's total now
        // (its org_update), not the new body's members.
        var members = BodyMembers(clause, units, method); // MessageParser.FormationSlots.cs

        if (method == FormationMethod.Joint && (UnnamedUnitsListed(clause) || UnitCountDisagrees(units)))
        {
            units = []; // "顺达快递和附近的几个商户…联合成立了党支部", "…仨企业" with two read: ask which, write none (MessageParser.JointUnits.cs)
        }

        var first = units.FirstOrDefault();
        var action = Record(ActionKind.Formation, first, position) with
        {
            Method = method,
            JointMode = method == FormationMethod.Joint && mode is not null ? Enum.Parse<JointMode>(mode, ignoreCase: true) : null,
            Level = level,
            Members = members?.Value,
            Secretary = Secretary(),
            Units = method == FormationMethod.Joint && units.Count > 0 ? [.. units.Select(u => u.ReportedName ?? u.Written)] : null,
            UnitIds = method == FormationMethod.Joint && units.Count > 0 ? [.. units.Select(u => u.Organization?.Id)] : null,
        };
        Add(position, action);
    }

    /// <summary>A figure said with a change or state word between its noun and it (<c>fact_changes</c>, <c>total_state_words</c>).</summary>
    private bool SaidAsTotalNow(NumberPhrase phrase) =>
        rules.Changes.ContainsAny(text, phrase.Start, phrase.End) || rules.TotalStates.ContainsAny(text, phrase.Start, phrase.End);
}
