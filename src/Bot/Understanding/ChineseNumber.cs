namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Numbers as phones write them: 6, ６ (folded before), 六, 十二, 一百二十, 一百二 (=120), 两, 俩, 仨, and the financial
/// (大写) forms 壹贰叁肆伍陆柒捌玖拾佰仟 (壹佰贰拾 = 120).
/// </summary>
public static class ChineseNumber
{
    private const string Digits = "零〇一二两俩三仨四五六七八九壹贰貳叁肆伍陆柒捌玖";

    public static bool IsNumeralChar(char c) => char.IsAsciiDigit(c) || Digits.Contains(c) || UnitOf(c) > 0;

    /// <summary>Reads the number that starts at <paramref name="start"/>; false when none does.</summary>
    public static bool TryRead(string text, int start, out int value, out int length)
    {
        value = 0;
        length = 0;
        if (start >= text.Length)
        {
            return false;
        }

        var end = start;
        if (char.IsAsciiDigit(text[start]))
        {
            while (end < text.Length && char.IsAsciiDigit(text[end]) && end - start < 9)
            {
                end++;
            }

            length = end - start;
            value = int.Parse(text.AsSpan(start, length), System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }

        while (end < text.Length && end - start < 12 && IsChineseNumeral(text[end]))
        {
            end++;
        }

        if (end == start)
        {
            return false;
        }

        if (TryParse(text.AsSpan(start, end - start), out value))
        {
            length = end - start;
            return true;
        }

        return false;
    }

    /// <summary>Parses a whole Chinese numeral ("一百二十", "十二", "两"); false for text that is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> numeral, out int value)
    {
        value = 0;
        long total = 0;
        long section = 0;
        var digit = -1;
        var lastUnit = 0;
        var lastWasUnit = false;
        foreach (var c in numeral)
        {
            var d = DigitOf(c);
            if (d >= 0)
            {
                if (digit >= 0 && !lastWasUnit && digit != 0)
                {
                    return false; // "一二" is no number
                }

                digit = d;
                lastWasUnit = false;
                continue;
            }

            var unit = UnitOf(c);
            if (unit == 0)
            {
                return false;
            }

            if (unit == 10000)
            {
                total += (section + Math.Max(digit, 0)) * 10000;
                section = 0;
            }
            else
            {
                section += (digit < 0 ? (unit == 10 ? 1 : 0) : digit) * unit;
                if (digit < 0 && unit != 10)
                {
                    return false;
                }
            }

            digit = -1;
            lastUnit = unit;
            lastWasUnit = true;
        }

        if (digit > 0)
        {
            // 一百二 = 120, 一千五 = 1500: a bare digit right after 百/千 counts in the next unit down.
            section += lastUnit is 100 or 1000 && numeral.Length >= 2 && !IsDigitBeforeUnit(numeral) ? digit * (lastUnit / 10) : digit;
        }

        var result = total + section;
        if (result > int.MaxValue || (result == 0 && digit != 0))
        {
            return false;
        }

        value = (int)result;
        return true;
    }

    private static bool IsDigitBeforeUnit(ReadOnlySpan<char> numeral) => DigitOf(numeral[^2]) == 0;

    private static bool IsChineseNumeral(char c) => Digits.Contains(c) || UnitOf(c) > 0;

    private static int UnitOf(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' or '萬' => 10000,
        _ => 0,
    };

    private static int DigitOf(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '俩' or '贰' or '貳' => 2,
        '三' or '仨' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };
}
