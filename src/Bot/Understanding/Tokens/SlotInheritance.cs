namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>A frame's organisation and day: indices into the message's organisations and days, or -1 for none.</summary>
internal readonly record struct FrameSlots(int Organization, int Date)
{
    public static readonly FrameSlots None = new(-1, -1);
}

/// <summary>
/// Stage after <see cref="ClauseFrames"/>: a clause that names no organisation or no day takes the one the clause before it
/// ends with, in one pass. A day carries on into every frame ("今天去了鹏城数据 … 然后员工现在是六十五个"). An organisation
/// carries on into frames that say something of one (facts, discoveries, coverage, pairing, a formation, a visit said
/// after its name, a plan, a question about "他们") but never out of a <see cref="FrameType.Helper"/>: the helper is not
/// what the clauses after it are about ("恒信建筑党支部派驻帮建，智联物流和汇通汽车的联合党支部…").
/// </summary>
internal static class SlotInheritance
{
    public static FrameSlots[] Fill(IReadOnlyList<FrameType> types, IReadOnlyList<FrameSlots> own)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(own);
        if (types.Count != own.Count)
        {
            throw new ArgumentException("one slot pair per frame", nameof(own));
        }

        var filled = new FrameSlots[own.Count];
        var topic = -1;
        var day = -1;
        for (var k = 0; k < own.Count; k++)
        {
            var organization = own[k].Organization >= 0 ? own[k].Organization : Inherits(types[k]) ? topic : -1;
            day = own[k].Date >= 0 ? own[k].Date : day;
            filled[k] = new FrameSlots(organization, day);
            if (types[k] != FrameType.Helper && organization >= 0)
            {
                topic = organization;
            }
        }

        return filled;
    }

    /// <summary>A helper names its own organisation; with none it helps from nowhere said, not from the topic.</summary>
    private static bool Inherits(FrameType type) => type != FrameType.Helper;
}
