namespace InstructorBot.Bot.Understanding;

// Round 15 (r15-ukinds): the frames of the request kinds the second opinion may take in place of the rules' fallback
// reading of a message no frame recognised (SecondOpinion.Retake). Like the relaxed record frames (MessageParser.Fallback.cs)
// they need no verb: their slots come from the parts the reading already found.
internal sealed partial class MessageParser
{
    /// <summary>
    /// A request of <paramref name="kind"/> from the message's parts: a lookup or an advice about the unit the reading
    /// named (<paramref name="read"/>), else the first named in the message, else an unnamed or ambiguous mention (the
    /// conversation then asks which); an advice's premise its figures and type of unit; a progress question or an export
    /// its scope. Null for a kind that is no request, or a message with no content.
    /// </summary>
    internal UnderstoodAction? RelaxedRequest(ActionKind kind, IReadOnlyList<UnderstoodAction> read)
    {
        if (!TextNormalizer.HasContent(text) || rules.SmallTalkOf(text) is not null)
        {
            return null;
        }

        PrepareRelaxedReading();
        return kind switch
        {
            ActionKind.Undo or ActionKind.Help or ActionKind.PolicyQuestion => new UnderstoodAction(kind),
            ActionKind.Export => new UnderstoodAction(kind) { Scope = FindScope() },
            ActionKind.ProgressQuery => new UnderstoodAction(kind) { Scope = FindScope(), Metric = RelaxedMetric() },
            ActionKind.OrgLookup => UnitOf(new UnderstoodAction(kind), read),
            ActionKind.FormationAdvice => UnitOf(AdviceWithPremise(null), read),
            _ => null,
        };
    }

    private UnderstoodAction UnitOf(UnderstoodAction action, IReadOnlyList<UnderstoodAction> read)
    {
        if (read.FirstOrDefault(a => a.Organization is not null || a.Candidates.Count > 0) is { } named)
        {
            return action with { Organization = named.Organization, OrganizationId = named.OrganizationId, Candidates = named.Candidates };
        }

        return WithOrganization(action, RelaxedNamed().FirstOrDefault() ?? UsableMentions().FirstOrDefault());
    }
}
