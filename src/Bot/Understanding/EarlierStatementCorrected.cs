namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Round 22 (r22-uacts): an earlier message quoted and corrected. "刚才说智联工会是昨天成立的 记错了 是前天": an earlier-record
/// opener (刚才, 上条) with a verb of saying (说, 报, 记: speech_acts.earlier_statement_verbs) opens the message, the earlier
/// claim follows, and a correction marker corrects it later. The self-correction stage reads the claim as meant; the record
/// it gives replaces the earlier one, so the earlier one is undone first. A ledger figure alone (员工是…) overwrites itself and
/// needs no undo (round 17's convention, EarlierMessageRedone); "刚才说错了" (the marker right after the verb) is round 17's
/// form, read there.
/// </summary>
internal static class EarlierStatementCorrected
{
    /// <summary>True when <paramref name="text"/> (normalized, before any correction is applied) quotes an earlier claim and corrects it.</summary>
    public static bool Quoted(string text, UnderstandingRules rules)
    {
        var start = Tokens.SelfCorrections.OpeningLeadEnd(text, rules);
        if (rules.Agents.EarlierRecordOpeners.MatchAt(text, start) is not { } opener)
        {
            return false;
        }

        var at = start + opener.Length;
        if (rules.SpeechActs.EarlierStatementVerbs.MatchAt(text, at) is not { } verb)
        {
            return false;
        }

        var claim = at + verb.Length;
        if (claim >= text.Length || text[claim] is '的' or '过' || rules.Corrections.MatchAt(text, at) is not null
            || rules.Corrections.MatchAt(text, claim) is not null || rules.PauseCorrections.MatchAt(text, claim) is not null)
        {
            return false; // 刚才说的那个…, 刚才说错了 (round 17's form)
        }

        return rules.Corrections.ContainsAny(text, claim + 2) || rules.PauseCorrections.ContainsAny(text, claim + 2);
    }

    /// <summary>The reading with an undo first, when the text quotes an earlier claim and the reading restates a record (not only figures).</summary>
    public static UnderstandingResult Apply(UnderstandingResult reading, string text, UnderstandingRules rules) =>
        reading.Actions.Any(a => a.Kind == ActionKind.Undo) || !reading.Actions.Any(a => a.IsRecord && a.Kind != ActionKind.OrgUpdate) || !Quoted(text, rules)
            ? reading
            : reading with { Actions = [new UnderstoodAction(ActionKind.Undo), .. reading.Actions] };
}
