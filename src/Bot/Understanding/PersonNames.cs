namespace InstructorBot.Bot.Understanding;

/// <summary>Reads a Chinese personal name (surname + one or two characters) where the grammar says one stands.</summary>
internal sealed class PersonNames(Vocabulary vocabulary)
{
    private readonly HashSet<char> surnames = [.. vocabulary.Surnames];
    private readonly KeywordSet compound = new(vocabulary.CompoundSurnames);
    private readonly KeywordSet stopwords = new(vocabulary.NameStopwords);

    /// <summary>The name starting at <paramref name="position"/>, or null when no name starts there.</summary>
    public string? ReadAt(string text, int position, int end = int.MaxValue)
    {
        end = Math.Min(end, text.Length);
        if (position >= end)
        {
            return null;
        }

        var surnameLength = compound.MatchAt(text, position, end)?.Length ?? (surnames.Contains(text[position]) ? 1 : 0);
        if (surnameLength == 0)
        {
            return null;
        }

        var i = position + surnameLength;
        var given = 0;
        while (i < end && given < 2 && TextNormalizer.IsHan(text[i]) && (given == 0 || stopwords.MatchAt(text, i, end) is null || ConjunctionClosing(text, i, end)))
        {
            if (given == 0 && stopwords.MatchAt(text, i, end) is { Length: > 1 })
            {
                break;
            }

            i++;
            given++;
        }

        return given == 0 ? null : text[position..i];
    }

    /// <summary>"书记何佳和" closing its clause: a conjunction joins nothing there, so it is the given name's last character.</summary>
    private static bool ConjunctionClosing(string text, int position, int end) =>
        text[position] is '和' or '与' or '及' or '同' or '跟' && (position + 1 >= Math.Min(end, text.Length) || !TextNormalizer.IsHan(text[position + 1]));

    public string? StopwordAt(string text, int position) => stopwords.MatchAt(text, position);

    /// <summary>The name that ends right before <paramref name="end"/> ("周海涛书记", "王书记" gives null: no given name).</summary>
    public string? ReadBefore(string text, int end, int start = 0)
    {
        for (var length = 3; length >= 2; length--)
        {
            var position = end - length;
            if (position >= start && ReadAt(text, position, end) is { } name && name.Length == length)
            {
                return name;
            }
        }

        return null;
    }
}
