namespace InstructorBot.Bot.Understanding.Opinion;

// Round 15 (r15-ukinds): where the rules recognised no request and fell back on their default reading (a question about
// one unit is its card, any other goes to the documents), the classifier's request kind, when it is sure of one.
public sealed partial class SecondOpinion
{
    /// <summary>
    /// Where the rules' reading holds only their fallback request (or nothing), a request kind of
    /// <see cref="RetakableKinds"/> the classifier gives at least this probability takes its place (<see cref="Retake"/>;
    /// above 1 switches it off). Chosen leave-one-writer-batch-out over a–ai by a rule fixed before the figures
    /// (docs/understanding.md, round 15; RetakeFoldTests).
    /// </summary>
    public float RetakeAbove { get; init; } = SecondOpinionOptions.DefaultRetakeAbove;

    /// <summary>The request kinds the classifier may take in place of the rules' fallback reading: every request kind with a frame.</summary>
    public static readonly IReadOnlySet<ActionKind> RetakableKinds = new HashSet<ActionKind>
    {
        ActionKind.Undo, ActionKind.Help, ActionKind.OrgLookup, ActionKind.FormationAdvice, ActionKind.ProgressQuery, ActionKind.Export,
        ActionKind.PolicyQuestion,
    };

    /// <summary>
    /// The rules' fallback reading replaced: when the reading holds no record, and its requests are all the rules'
    /// fallback (<see cref="UnderstoodAction.IsFallback"/>) or rejected by the classifier (under <see cref="DropBelow"/>)
    /// beside a fallback, or it holds nothing, and the classifier's top kind is another request kind of
    /// <see cref="RetakableKinds"/> at <see cref="RetakeAbove"/> or more, that kind is the reading, its frame filled from
    /// the parts the rules found (<paramref name="frame"/>: the unit of a lookup or an advice, the advice's figures as its
    /// premise). Predicts only on such readings: a request the rules read by its own frame costs nothing.
    /// </summary>
    internal UnderstandingResult Retake(UnderstandingResult reading, string normalized, OrganizationIndex? index,
        Func<ActionKind, IReadOnlyList<UnderstoodAction>, UnderstoodAction?> frame, bool smallTalk = false)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(frame);
        normalized ??= "";
        if (RetakeAbove > 1f || smallTalk || normalized.Length < MinimumRequestLength || reading.Actions.Any(a => a.IsRecord)
            || (reading.Actions.Count > 0 && !reading.Actions.Any(a => a.IsFallback)))
        {
            return reading;
        }

        var scores = Score(normalized, index);
        if (reading.Actions.Any(a => !a.IsFallback && scores.Of(a.Kind) >= DropBelow)
            || scores.TopProbability < RetakeAbove || KindOf(scores.Top) is not { } kind || !RetakableKinds.Contains(kind)
            || reading.Actions.Any(a => a.Kind == kind) || frame(kind, reading.Actions) is not { } taken)
        {
            return reading;
        }

        return new UnderstandingResult([taken], taken.AwaitsOrganization ? ["organization"] : []);
    }

    private static ActionKind? KindOf(string label) =>
        Enum.TryParse<ActionKind>(label.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var kind) ? kind : null;
}
