using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Spoken numerals as a theory over a generated table (branch r4-vocab): every number from 1 to 9,999 in its written form
/// (一百五十, 两千零六) and its spoken short form (一百五, 一千二, 三百二) reads exactly; every range of neighbouring digits
/// (三四十, 两三百, 十七八, 一百五六十), every unit said without a digit (百十, 千把) and the spoken sizes (个把, 零星) read as
/// approximate; and, through the whole reader, an approximate figure is always left out of the record.
/// </summary>
public sealed class SpokenNumeralTests
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    /// <summary>The written form of <paramref name="n"/> (1–9,999), with 两 or 二 before 百/千 as people say either.</summary>
    public static string Written(int n, bool liang)
    {
        var units = new[] { (1000, '千'), (100, '百'), (10, '十') };
        var text = new System.Text.StringBuilder();
        var zero = false;
        var rest = n;
        foreach (var (size, unit) in units)
        {
            var d = rest / size;
            rest %= size;
            if (d == 0)
            {
                zero = text.Length > 0;
                continue;
            }

            if (zero)
            {
                text.Append('零');
                zero = false;
            }

            if (!(size == 10 && d == 1 && text.Length == 0))
            {
                text.Append(d == 2 && liang && size >= 100 ? '两' : Digits[d]);
            }

            text.Append(unit);
        }

        if (rest > 0)
        {
            if (zero)
            {
                text.Append('零');
            }

            text.Append(Digits[rest]);
        }

        return text.ToString();
    }

    public static IEnumerable<object[]> ExactForms()
    {
        for (var n = 1; n <= 9999; n++)
        {
            yield return [Written(n, liang: false), n];
            if (n / 100 % 10 == 2 || n / 1000 == 2)
            {
                yield return [Written(n, liang: true), n];
            }

            // 一百五 = 150, 三百二 = 320, 一千二 = 1,200: the last unit dropped when the figure ends in it
            if (n is >= 100 and < 1000 && n % 10 == 0 && n / 10 % 10 != 0)
            {
                yield return [$"{Digits[n / 100]}百{Digits[n / 10 % 10]}", n];
            }

            if (n is >= 1000 && n % 100 == 0 && n / 100 % 10 != 0)
            {
                yield return [$"{Digits[n / 1000]}千{Digits[n / 100 % 10]}", n];
            }
        }
    }

    public static IEnumerable<object[]> ApproximateForms()
    {
        for (var a = 1; a <= 8; a++)
        {
            var pair = $"{Digits[a]}{Digits[a + 1]}";
            yield return [pair]; // 七八(个)
            yield return [pair + "十"]; // 三四十
            yield return [pair + "百"]; // 两三百 (二三百)
            yield return [pair + "千"];
            yield return ["十" + pair]; // 十七八
            yield return [$"{Digits[a]}十{pair}"]; // 二十七八
            yield return [$"{Digits[a]}百{pair}十"]; // 一百五六十
            yield return [$"{Digits[a]}百{pair}"]; // 一百五六
        }

        foreach (var word in (string[])["三五", "三五十", "一两", "两三", "两三百", "百十", "百把", "千把", "两百把", "个把", "零星", "零零星星", "好几十", "好几百"])
        {
            yield return [word];
        }
    }

    [Theory]
    [MemberData(nameof(ExactForms))]
    public void Every_number_in_its_written_and_spoken_forms_reads_exactly(string numeral, int value)
    {
        Assert.True(ChineseNumber.TryReadSpoken(numeral + "个", 0, out var read, out var length, out var approximate), numeral);
        Assert.Equal((value, numeral.Length, false), (read, length, approximate));
        Assert.True(ChineseNumber.TryRead(numeral, 0, out var plain, out _));
        Assert.Equal(value, plain);
    }

    [Theory]
    [MemberData(nameof(ApproximateForms))]
    public void Ranges_bare_units_and_spoken_sizes_read_as_approximate_over_their_whole_length(string numeral)
    {
        Assert.True(ChineseNumber.TryReadSpoken(numeral + "个人", 0, out _, out var length, out var approximate), numeral);
        Assert.True(approximate, numeral);
        Assert.Equal(numeral.Length, length);
    }

    [Theory]
    [MemberData(nameof(ApproximateForms))]
    public void An_approximate_staff_figure_is_always_left_out_of_the_record(string numeral)
    {
        var result = Understanding.Understand($"青禾文化员工{numeral}个人，党员3名", FixtureLedger.Users()["u_zhang"], Now);
        var update = Assert.Single(result.Actions);
        Assert.Equal((ActionKind.OrgUpdate, null, 3), (update.Kind, update.Employees, update.PartyMembers));
    }

    public static IEnumerable<object[]> SampledExactForms() => ExactForms().Where((_, i) => i % 23 == 0);

    [Theory]
    [MemberData(nameof(SampledExactForms))]
    public void An_exact_staff_figure_said_in_words_is_the_staff_count(string numeral, int value)
    {
        var result = Understanding.Understand($"青禾文化员工{numeral}个人，党员3名", FixtureLedger.Users()["u_zhang"], Now);
        var update = Assert.Single(result.Actions);
        Assert.Equal((value, 3), (update.Employees, update.PartyMembers));
    }

    [Theory]
    [InlineData("零星")]
    [InlineData("零零星星")]
    [InlineData("零散")]
    [InlineData("零售")]
    public void A_word_that_starts_with_zero_is_no_figure(string word)
    {
        Assert.False(ChineseNumber.TryRead(word, 0, out _, out _));
        var result = Understanding.Understand($"青禾文化党员{word}有两三个", FixtureLedger.Users()["u_zhang"], Now);
        Assert.DoesNotContain(result.Actions, a => a.PartyMembers is not null);
    }
}
