namespace InstructorBot.Store.Import;

/// <summary>统一社会信用代码 (USCI, GB 32100-2015): 18 characters, the last a check character over the first 17.</summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper case, surrounding and inner spaces removed, full-width letters and digits folded.</summary>
    public static string Normalize(string code) =>
        new(code.Where(c => !char.IsWhiteSpace(c)).Select(FoldWidth).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Null when valid; else why not, in Chinese.</summary>
    public static string? Problem(string normalized)
    {
        if (normalized.Length != 18)
        {
            return $"应为18位，实为{normalized.Length}位";
        }

        var bad = normalized.FirstOrDefault(c => !Alphabet.Contains(c, StringComparison.Ordinal));
        if (bad != default)
        {
            return $"含有不允许的字符“{bad}”（不使用 I、O、Z、S、V）";
        }

        var expected = CheckCharacter(normalized.AsSpan(0, 17));
        return normalized[17] == expected ? null : $"校验位错误（末位应为 {expected}，实为 {normalized[17]}）";
    }

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private static char FoldWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
}
