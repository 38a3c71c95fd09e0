namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Numbers as phones and reports write them: 6, ６ (folded before), 1,280 (thousands separated), 六, 十二, 一百二十,
/// 一百二 (=120), 一百零二, 一千〇五十, 两, 俩, 仨, and the financial (大写) forms 壹贰叁肆伍陆柒捌玖拾佰仟 (壹佰贰拾 = 120,
/// 两佰零伍 = 205); years digit by digit (二〇二六: <see cref="TryParseDigits"/>).
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

            long digits = int.Parse(text.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture);
            for (var groups = 0; end - start <= 3 + 4 * groups && groups < 2 && ThousandsGroupAt(text, end) is { } group; groups++)
            {
                digits = digits * 1000 + group; // 1,280 and 12,000 (a full-width ， is folded to , before)
                end += 4;
            }

            length = end - start;
            value = (int)digits;
            return true;
        }

        while (end < text.Length && end - start < 12 && IsChineseNumeral(text[end]))
        {
            end++;
        }

        if (end == start || IsZeroWord(text, start, end))
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

    /// <summary>
    /// ",280" after the digits of a figure: a comma and exactly three digits, then no digit (1,280; 12,000), the value
    /// of the group; null for a comma between figures ("党员2,职工120").
    /// </summary>
    private static int? ThousandsGroupAt(string text, int at)
    {
        if (at + 3 >= text.Length || text[at] != ',' || (at + 4 < text.Length && char.IsAsciiDigit(text[at + 4])))
        {
            return null;
        }

        var group = 0;
        for (var i = at + 1; i <= at + 3; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return null;
            }

            group = group * 10 + (text[i] - '0');
        }

        return group;
    }

    /// <summary>
    /// A number written digit by digit in Chinese, as years are (二〇二六, 二零二六, 一九九八); false for anything else,
    /// including a numeral with units (二千零二十六 is <see cref="TryParse"/>'s).
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.Length is 0 or > 9)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : c is '两' or '俩' or '仨' ? -1 : DigitOf(c);
            if (d < 0)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
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

    /// <summary>
    /// Reads a figure as people say it, marking the approximate ones, which are left out of every record:
    /// an exact numeral (一百五 = 150, 一千二 = 1200, 三百二 = 320, 26), a range of two neighbouring digits (三四十, 两三百,
    /// 七八个, 十七八, 一百五六十, 一两个, 三五个), a unit with no digit before it (百十, 百把, 千把, 百来), 个把, 好几十/好几百,
    /// 零星/零零星星 ("a few, here and there"), and the written forms of reports: 数/几 before a unit (数十, 几百) and 余/多/来/几
    /// after a figure ending in a unit or a round digit (十余, 二十多, 百余, 200余), read with the figure. Words before a figure
    /// (约, 近, 逾, 不足) are the vocabulary's (<c>approximation_prefixes</c>). False where no figure starts at
    /// <paramref name="start"/>.
    /// </summary>
    public static bool TryReadSpoken(string text, int start, out int value, out int length, out bool approximate)
    {
        if (!TryReadFigure(text, start, out value, out length, out approximate))
        {
            return false;
        }

        if (AboutSuffixAt(text, start, start + length) is var suffix and > 0)
        {
            (length, approximate) = (length + suffix, true); // 十余, 二十多, 百来, 200余, 1,000多
        }

        return true;
    }

    /// <summary>True when the figure at <paramref name="start"/> is the unit of 数十/几百, which the word before it makes rough.</summary>
    public static bool IsAfterSeveral(string text, int start) => start > 0 && IsSeveralAt(text, start - 1);

    /// <summary>
    /// 数/几 before a bare unit (数十, 数百, 几十, 几千: "some tens") at <paramref name="start"/>; 数 closing a noun (人数, 总数,
    /// 户数, 次数: "职工人数十二人") is no such word.
    /// </summary>
    private static bool IsSeveralAt(string text, int start) =>
        start + 1 < text.Length && text[start] is '数' or '几' && UnitOf(text[start + 1]) > 0
        && (start + 2 >= text.Length || !Digits.Contains(text[start + 2]))
        && !(text[start] == '数' && start > 0 && "人总户次岁基倍分票位件个".Contains(text[start - 1]));

    /// <summary>
    /// 余/多/来/几 right after a figure that ends in a unit or in a round digit (十余, 二十多, 一百来, 200余, 30多): "over", "about";
    /// the length of the suffix, else 0.
    /// </summary>
    private static int AboutSuffixAt(string text, int start, int end)
    {
        if (end >= text.Length || end == start || text[end] is not ('余' or '多' or '来' or '几'))
        {
            return 0;
        }

        var last = text[end - 1];
        return UnitOf(last) > 0 || (last == '0' && char.IsAsciiDigit(text[start])) ? 1 : 0;
    }

    /// <summary>The figure that starts at <paramref name="start"/>, before any 余/多 after it (see <see cref="TryReadSpoken"/>).</summary>
    private static bool TryReadFigure(string text, int start, out int value, out int length, out bool approximate)
    {
        ArgumentNullException.ThrowIfNull(text);
        approximate = false;
        value = 0;
        length = 0;
        if (start >= text.Length)
        {
            return false;
        }

        if (IsSeveralAt(text, start))
        {
            var units = start + 1;
            while (units < text.Length && UnitOf(text[units]) > 0)
            {
                units++;
            }

            (value, length, approximate) = (UnitOf(text[start + 1]), units - start, true);
            return true;
        }

        var rest = text.AsSpan(start);
        foreach (var (word, about) in SpokenApproximations)
        {
            if (rest.StartsWith(word))
            {
                (value, length, approximate) = (about, word.Length, true);
                return true;
            }
        }

        var end = start;
        while (end < text.Length && end - start < 12 && IsChineseNumeral(text[end]))
        {
            end++;
        }

        if (end > start && UnitOf(text[start]) is 100 or 1000 or 10000 && !IsZeroWord(text, start, end))
        {
            // 百十, 百把, 千把, 百来: a unit with no digit before it is a rough size
            (value, length, approximate) = (UnitOf(text[start]), end - start, true);
            length += end < text.Length && text[end] == '把' ? 1 : 0;
            return true;
        }

        if (end - start >= 2 && RangeAt(text, start, end) is { } pair && TryParse(WithoutFirstOfPair(text.AsSpan(start, end - start), pair - start), out value))
        {
            (length, approximate) = (end - start, true); // 三四十, 两三百, 十七八, 一百五六十
            return true;
        }

        if (!TryRead(text, start, out value, out length))
        {
            return false;
        }

        if (start + length < text.Length && text[start + length] == '把' && UnitOf(text[start + length - 1]) >= 100)
        {
            (length, approximate) = (length + 1, true); // 两百把
        }

        return true;
    }

    /// <summary>Spoken sizes that are no numeral at all (个把 = one or two, 零星 = a few), with a rough value.</summary>
    private static readonly (string Word, int About)[] SpokenApproximations =
        [("零零星星", 0), ("零零散散", 0), ("零星", 0), ("零散", 0), ("个把", 1), ("好几十", 30), ("好几百", 300), ("好几千", 3000)];

    /// <summary>The position of the first digit of two neighbouring digits said as a range (三四, 两三, 一两, 三五, 七八), or null.</summary>
    private static int? RangeAt(string text, int start, int end)
    {
        for (var i = start; i + 1 < end; i++)
        {
            var (a, b) = (DigitOf(text[i]), DigitOf(text[i + 1]));
            if (a >= 1 && b >= 1 && (b == a + 1 || (a, b) is (3, 5)))
            {
                return i;
            }
        }

        return null;
    }

    private static string WithoutFirstOfPair(ReadOnlySpan<char> numeral, int pair) => string.Concat(numeral[..pair], numeral[(pair + 1)..]);

    /// <summary>零 starting a word (零星, 零散, 零售, 零工, 零碎): no figure.</summary>
    private static bool IsZeroWord(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (DigitOf(text[i]) != 0)
            {
                return false;
            }
        }

        return end < text.Length && "星散售工碎件钱食花头".Contains(text[end]);
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
