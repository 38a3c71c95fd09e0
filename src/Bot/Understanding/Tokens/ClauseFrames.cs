namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>What a clause says, by its head words: the frame its slots (organisation, day, figures, people) belong to.</summary>
internal enum FrameType
{
    /// <summary>Nothing a reader records: small talk, a turn, words the vocabulary does not class.</summary>
    Other,

    /// <summary>Figures or a status of an organisation: 职工一百二 党员三个, 基本是个空壳.</summary>
    Facts,

    /// <summary>走访了/去了/跑了 + an organisation.</summary>
    Visit,

    /// <summary>发现/排查出/新来了 + members.</summary>
    Discovery,

    /// <summary>成立/建起了 + a party body.</summary>
    Formation,

    /// <summary>A mass organisation set up or an instructor settled: 工会建起来了, 指导员定下来了.</summary>
    WorkCoverage,

    /// <summary>结对/帮扶 by a secretary.</summary>
    Pairing,

    /// <summary>
    /// An organisation that helps another form (派驻帮建, 带着, 派了两名党员过来), said in the clause before a formation: its
    /// organisation is no unit and its figures are no unit's, and it passes no organisation on to the clauses after it.
    /// </summary>
    Helper,

    /// <summary>A plan word before any record verb: 下周准备帮他们成立党支部.</summary>
    Plan,

    /// <summary>A question or a request.</summary>
    Question,
}

/// <summary>The head words a clause holds (read by the parser from the vocabulary's word classes).</summary>
[Flags]
internal enum FrameCues
{
    None = 0,
    Question = 1,
    Plan = 2,
    /// <summary>An organisation helps or leads (派驻帮建, 带着, 派了…过来).</summary>
    Helping = 4,
    /// <summary>A formation verb of its own (not inside a word naming the help) and a party body.</summary>
    Formation = 8,
    Joint = 16,
    Coverage = 32,
    Pairing = 64,
    Discovery = 128,
    Visit = 256,
    Figures = 512,
}

/// <summary>
/// Stage after the clause cuts (<see cref="ClauseStarts"/>): each clause gets one frame type from its head words, in one
/// pass over the clauses. A clause that helps (<see cref="FrameCues.Helping"/>) and forms nothing itself is a
/// <see cref="FrameType.Helper"/> only when the next clause that is no plan sets up a joint body; otherwise it is read by its other words ("瑞康医疗党支部派人到
/// 仁爱医院和阳光社工帮建" alone is the formation it helps with).
/// </summary>
internal static class ClauseFrames
{
    public static FrameType[] Type(IReadOnlyList<FrameCues> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var types = new FrameType[clauses.Count];
        for (var k = clauses.Count - 1; k >= 0; k--)
        {
            var cues = clauses[k];
            var next = k + 1;
            while (next < clauses.Count && types[next] == FrameType.Plan)
            {
                next++;
            }

            var jointFollows = next < clauses.Count && types[next] == FrameType.Formation && clauses[next].HasFlag(FrameCues.Joint);
            var helper = cues.HasFlag(FrameCues.Helping) && !cues.HasFlag(FrameCues.Formation) && !cues.HasFlag(FrameCues.Question);
            types[k] = helper && jointFollows ? FrameType.Helper : TypeOf(cues);
        }

        return types;
    }

    /// <summary>The frame a clause's head words give, the strongest first.</summary>
    public static FrameType TypeOf(FrameCues cues) =>
        cues.HasFlag(FrameCues.Question) ? FrameType.Question
        : cues.HasFlag(FrameCues.Plan) ? FrameType.Plan
        : cues.HasFlag(FrameCues.Formation) ? FrameType.Formation
        : cues.HasFlag(FrameCues.Coverage) ? FrameType.WorkCoverage
        : cues.HasFlag(FrameCues.Pairing) ? FrameType.Pairing
        : cues.HasFlag(FrameCues.Discovery) ? FrameType.Discovery
        : cues.HasFlag(FrameCues.Visit) ? FrameType.Visit
        : cues.HasFlag(FrameCues.Figures) ? FrameType.Facts
        : FrameType.Other;
}
