namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The mention classifier's view of a message: normalised, every organisation mention (ledger names, names the rules
/// read, "一家企业") one mark <see cref="Other"/>, digits 0, runs of blanks one blank. <see cref="At"/> holds where each
/// mention's mark stands, in the order of <see cref="Spans"/>; the mention being read is seen as <see cref="Target"/>.
/// Names then say nothing, so the model learns what is said around a unit, not which unit it is.
/// </summary>
public sealed record MentionText(string Text, IReadOnlyList<int> At)
{
    /// <summary>The mention being read.</summary>
    public const char Target = '◎';

    /// <summary>Any other mention.</summary>
    public const char Other = '○';

    /// <summary><paramref name="normalized"/> with each span of <paramref name="spans"/> (sorted, not overlapping) as one mark.</summary>
    public static MentionText Mask(string normalized, IReadOnlyList<(int Start, int End)> spans)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(spans);
        var builder = new System.Text.StringBuilder(normalized.Length);
        var at = new int[spans.Count];
        var next = 0;
        var blank = false;
        for (var i = 0; i < normalized.Length; i++)
        {
            while (next < spans.Count && spans[next].Start < i)
            {
                // A span starting inside an earlier one (callers pass disjoint spans): the earlier mark stands for it.
                at[next++] = Math.Max(0, builder.Length - 1);
            }

            if (next < spans.Count && spans[next].Start == i)
            {
                at[next] = builder.Length;
                builder.Append(Other);
                blank = false;
                i = Math.Max(i, spans[next].End - 1);
                next++;
                continue;
            }

            IntentText.AppendPlain(builder, normalized[i], ref blank);
        }

        for (; next < spans.Count; next++)
        {
            at[next] = Math.Max(0, builder.Length - 1);
        }

        return new MentionText(builder.ToString(), at);
    }
}
