namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The classifier's view of a message: normalised, every organisation the index finds replaced by one mark, digits by
/// 0, runs of blanks by one. Names and figures then say nothing about the intent, so the model learns the words around
/// them and does not depend on the fixture ledger it was trained with.
/// </summary>
public static class IntentText
{
    /// <summary>Stands for an organisation's name.</summary>
    public const char OrganizationMark = '◎';

    public static string Prepare(string normalized, OrganizationIndex? index)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var mentions = index?.MentionsOf(normalized) ?? [];
        var builder = new System.Text.StringBuilder(normalized.Length);
        var next = 0;
        var blank = false;
        for (var i = 0; i < normalized.Length; i++)
        {
            while (next < mentions.Count && mentions[next].End <= i)
            {
                next++;
            }

            if (next < mentions.Count && mentions[next].Start <= i && !mentions[next].IsGeneric)
            {
                if (mentions[next].Start == i)
                {
                    builder.Append(OrganizationMark);
                    blank = false;
                }

                continue;
            }

            IntentText.AppendPlain(builder, normalized[i], ref blank);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// One character of the text around the marks as both classifiers see it: digits as 0, a run of blanks as one blank
    /// (none at the start); <paramref name="blank"/> says whether the last character written was a blank.
    /// </summary>
    internal static void AppendPlain(System.Text.StringBuilder builder, char c, ref bool blank)
    {
        if (char.IsWhiteSpace(c))
        {
            if (!blank && builder.Length > 0)
            {
                builder.Append(' ');
            }

            blank = true;
            return;
        }

        blank = false;
        builder.Append(c is >= '0' and <= '9' ? '0' : c);
    }
}
