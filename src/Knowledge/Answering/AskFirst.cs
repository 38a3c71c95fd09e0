namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// A question that tells its situation and then asks ("顺达快递有几个快递员…，要报告些啥？") is answered by a sentence that
/// answers the ask; the situation's words only reorder the sentences that do. A sentence that holds the told words alone
/// (000's 快递员 sentence, 001's "有正式党员3名以上…每个联合党组织…" holding 党员, 支部, 联合, 单位) must not win for them: the
/// told words' credit counts in the ranking in proportion to how much of the asking clauses' weight the sentence covers,
/// in full from <see cref="Full"/> of it on (docs/knowledge.md, round 22, r22-qctx).
/// </summary>
internal static class AskFirst
{
    /// <summary>The share of the asking weight from which the told words count in full.</summary>
    public static readonly double Full = Read("KB_ASKFIRST_FULL", 0);

    /// <summary>The told words' credit when the sentence covers none of the ask.</summary>
    public static readonly double Floor = Read("KB_ASKFIRST_FLOOR", 0.0);

    /// <summary>The share of the told words' credit a sentence keeps, given the asking weight it covers of the total.</summary>
    public static double Gate(double askedCovered, double askedTotal)
    {
        if (askedTotal <= 0 || Full <= 0)
        {
            return 1;
        }

        var share = Math.Clamp(askedCovered / askedTotal / Full, 0, 1);
        return Floor + (1 - Floor) * share;
    }

    // Measuring knobs (round 22): read once; unset, the shipped values.
    private static double Read(string name, double shipped) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var read) ? read : shipped;
}
