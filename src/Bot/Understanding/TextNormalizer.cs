namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Puts a phone message into one form, character for character (so positions stay valid): full-width ASCII to
/// half-width (０-９ → 0-9, ？ → ?), ideographic space and control characters but the line break to a space, ASCII letters to lower case,
/// the campaign's nouns typed as pinyin initials (dy → 党员) to the nouns (<see cref="PinyinInitialisms"/>).
/// </summary>
public static class TextNormalizer
{
    /// <summary>Longer messages are cut here: no report is this long, and the rules stay linear and fast.</summary>
    public const int MaxLength = 2000;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var length = Math.Min(text.Length, MaxLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return string.Create(length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Fold(source[i]);
            }

            PinyinInitialisms.Expand(span);
        });
    }

    /// <summary>Organisation names for the index: the same folding, no length limit, and no spaces.</summary>
    public static string NormalizeName(string name)
    {
        var folded = new char[name.Length];
        var n = 0;
        foreach (var c in name)
        {
            var f = Fold(c);
            if (f != ' ')
            {
                folded[n++] = f;
            }
        }

        return new string(folded, 0, n);
    }

    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        >= 'A' and <= 'Z' => (char)(c + 32),
        '\n' => '\n', // a line break ends an item of a written list (MessageParser.Items.cs), like ；
        _ when char.IsControl(c) => ' ',
        _ => c,
    };

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>True when the text holds anything a message could mean: a Han character, a letter or a digit.</summary>
    public static bool HasContent(string text)
    {
        foreach (var c in text)
        {
            if (IsHan(c) || char.IsAsciiLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
