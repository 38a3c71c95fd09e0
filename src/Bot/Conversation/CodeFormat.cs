using System.Security.Cryptography;
using System.Text;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The shape of a one-time code: 8 symbols from a 32-symbol alphabet without look-alikes (no 0/O, 1/I), 40 bits, shown
/// as two groups of four ("K7PX-M3QD") so it is easy to read out and type on a phone. Parsing ignores case, spaces,
/// hyphens and full-width forms (a Chinese keyboard's "ＫＰ").
/// </summary>
public static class CodeFormat
{
    /// <summary>Digits 2-9 and the Latin letters without I and O.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public const int Length = 8;

    /// <summary>A fresh random code in its display form.</summary>
    public static string NewCode()
    {
        Span<char> symbols = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Display(new string(symbols));
    }

    /// <summary>"K7PXM3QD" → "K7PX-M3QD".</summary>
    public static string Display(string normalized) =>
        normalized.Length == Length ? $"{normalized[..4]}-{normalized[4..]}" : normalized;

    /// <summary>The canonical form of what a user typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed.Normalize(NormalizationForm.FormKC))
        {
            if (c is '-' || char.IsWhiteSpace(c))
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }
}
