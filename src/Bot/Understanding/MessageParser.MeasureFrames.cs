namespace InstructorBot.Bot.Understanding;

// Stage (round 16, r16-ukinds): the frame of a work measure (工会/团支部/妇委会) as said in new writers' words — its value
// corrected later in the message, a help said done, an adverb between a body and the verb of the next clause.
internal sealed partial class MessageParser
{
    /// <summary>Adverbs that may stand between a mass body and the clause boundary before its verb ("妇委会也 | 同时成立了").</summary>
    private static readonly string[] BodyAdverbs = ["也都", "也是", "也", "都", "均", "亦", "一起", "一并", "同样"];

    /// <summary>Leads of the corrected value after 不是 + the body struck ("不是工会是团支部", "不是团支部 而是工会").</summary>
    private static readonly string[] CorrectedValueLeads = ["应该是", "其实是", "而是", "是"];

    /// <summary>
    /// The mass body said as the corrected value of the body at <paramref name="position"/>: after it, within a few words,
    /// 不是 + (a mass body) + a pause + a lead (是/而是/应该是) + another mass body. A frame operation: the record keeps its unit,
    /// day and verb, the measure slot takes the later value. Null where no such correction follows.
    /// </summary>
    private string? CorrectedMeasure(int position, string word) =>
        CorrectionAfter(position + word.Length) is { } corrected && rules.Vocabulary.MassOrganizations.TryGetValue(corrected.Word, out var measure)
            ? measure : null;

    /// <summary>The body at <paramref name="position"/> is the corrected value of an earlier body (its record carries it already).</summary>
    private bool CorrectedAway(int position, string word)
    {
        foreach (var (at, earlier) in rules.PartyAndMassWords.FindAll(text, Math.Max(0, position - 16), position))
        {
            if (rules.Vocabulary.MassOrganizations.ContainsKey(earlier) && CorrectionAfter(at + earlier.Length) is { } corrected && corrected.Position == position && corrected.Word == word)
            {
                return true;
            }
        }

        return false;
    }

    private (int Position, string Word)? CorrectionAfter(int bodyEnd)
    {
        var not = text.IndexOf("不是", bodyEnd, Math.Min(10, text.Length - bodyEnd), StringComparison.Ordinal);
        if (not < 0)
        {
            return null;
        }

        var at = not + 2;
        if (rules.PartyAndMassWords.MatchAt(text, at) is { } struck && rules.Vocabulary.MassOrganizations.ContainsKey(struck))
        {
            at += struck.Length;
        }

        at = SkipPauses(at);
        if (CorrectedValueLeads.FirstOrDefault(l => text.AsSpan(at).StartsWith(l, StringComparison.Ordinal)) is not { } lead)
        {
            return null;
        }

        at = SkipPauses(at + lead.Length);
        return rules.PartyAndMassWords.MatchAt(text, at) is { } value && rules.Vocabulary.MassOrganizations.ContainsKey(value) ? (at, value) : null;
    }

    private int SkipPauses(int at)
    {
        while (at < text.Length && text[at] is ' ' or '，' or ',' or '、')
        {
            at++;
        }

        return at;
    }

    /// <summary>Only adverbs (and blanks) in [start, end).</summary>
    private bool OnlyAdverbsBetween(int start, int end)
    {
        var at = start;
        while (at < end)
        {
            if (text[at] == ' ')
            {
                at++;
                continue;
            }

            if (BodyAdverbs.FirstOrDefault(a => at + a.Length <= end && text.AsSpan(at).StartsWith(a, StringComparison.Ordinal)) is not { } adverb)
            {
                return false;
            }

            at += adverb.Length;
        }

        return at > start;
    }

    /// <summary>
    /// "今天先帮他们把工会建起来了", "帮他们成立了妇委会": a help lead (帮他们) is a plan word only for what is still to do; before a
    /// mass verb said done (了 with the verb) it is the sender's help in a done act. Other blocks (a plan word besides it, a
    /// negation, a day ahead, a deferral) still hold.
    /// </summary>
    private bool MassBodyBlocked(Clause clause, int at)
    {
        if (NoProgressAfter(clause, at))
        {
            return true; // MessageParser.Unmeant.cs: "说月初就把工会弄起来 到现在还没动静"
        }

        if (!IsBlocked(clause, at))
        {
            return false;
        }

        var plans = rules.Plan.FindAll(text, clause.Start, at);
        if (plans.Count == 0 || !plans.All(p => rules.Agents.HelpLeads.MatchAt(text, p.Position) is not null) || !MassVerbSaidDone(at))
        {
            return true;
        }

        var last = plans[^1];
        return IsBlocked(clause with { Start = last.Position + last.Word.Length }, at);
    }

    private bool MassVerbSaidDone(int at)
    {
        if (rules.MassVerbs.MatchAt(text, at) is not { } verb)
        {
            return false;
        }

        var end = at + verb.Length;
        return verb.Contains('了') || text.AsSpan(end, Math.Min(3, text.Length - end)).Contains('了');
    }
}
