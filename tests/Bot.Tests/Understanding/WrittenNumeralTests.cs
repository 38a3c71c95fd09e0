using System.Globalization;
using System.Text;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Written numerals of reports and work logs as generated tables (branch r7-uforms): every number from 1 to 9,999 in
/// its financial (大写) form (拾贰 and 壹拾贰, 壹佰零伍 and 壹佰〇伍, 贰佰 and 两佰), in plain Chinese with 〇 in a gap
/// (一千〇五十), and in digits (ASCII, full-width, with a thousands separator: 1,280, １，２８０) reads exactly over its
/// whole length; every approximate written form (十余, 二十多, 百余, 数十, 几百, 200余, 1,000多) reads as approximate over
/// its whole length; and through the whole reader an approximate figure, also after the vocabulary's words before a
/// figure (约, 近, 逾, 上, 不足…), is left out of the record while an exact written one is kept.
/// </summary>
public sealed class WrittenNumeralTests
{
    private const string Financial = "零壹贰叁肆伍陆柒捌玖";
    private const string Plain = "零一二三四五六七八九";
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static IReadOnlyList<UnderstoodAction> Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;

    /// <summary>
    /// <paramref name="n"/> (1–9,999) written with <paramref name="digits"/> and the units 十/百/千 of
    /// <paramref name="units"/>: <paramref name="zero"/> in a gap, 两 for a 2 before 百/千 when <paramref name="liang"/>,
    /// and 一 before a leading 十 when <paramref name="leadingOne"/> (壹拾贰).
    /// </summary>
    public static string Written(int n, string digits, string units, char zero, bool liang = false, bool leadingOne = false)
    {
        var text = new StringBuilder();
        var gap = false;
        var rest = n;
        foreach (var (size, unit) in (ReadOnlySpan<(int, char)>)[(1000, units[2]), (100, units[1]), (10, units[0])])
        {
            var d = rest / size;
            rest %= size;
            if (d == 0)
            {
                gap = text.Length > 0;
                continue;
            }

            if (gap)
            {
                text.Append(zero);
                gap = false;
            }

            if (!(size == 10 && d == 1 && text.Length == 0 && !leadingOne))
            {
                text.Append(d == 2 && liang && size >= 100 ? '两' : digits[d]);
            }

            text.Append(unit);
        }

        if (rest > 0)
        {
            if (gap)
            {
                text.Append(zero);
            }

            text.Append(digits[rest]);
        }

        return text.ToString();
    }

    private static string FullWidth(string ascii) => string.Concat(ascii.Select(c => c == ',' ? '，' : (char)(c + 0xFEE0)));

    /// <summary>Every written form of <paramref name="n"/> that a report may use (as typed, before normalisation).</summary>
    public static IEnumerable<string> WrittenForms(int n)
    {
        yield return Written(n, Financial, "拾佰仟", '零');
        yield return Written(n, Financial, "拾佰仟", '〇');
        if (n is >= 10 and < 20)
        {
            yield return Written(n, Financial, "拾佰仟", '零', leadingOne: true);
        }

        if (n / 100 % 10 == 2 || n / 1000 == 2)
        {
            yield return Written(n, Financial, "拾佰仟", '零', liang: true);
        }

        yield return Written(n, Plain, "十百千", '〇');
        var digits = n.ToString(CultureInfo.InvariantCulture);
        yield return digits;
        yield return FullWidth(digits);
        if (n >= 1000)
        {
            var separated = $"{n / 1000},{n % 1000:D3}";
            yield return separated;
            yield return FullWidth(separated);
        }
    }

    [Fact]
    public void Every_number_in_every_written_form_reads_exactly_over_its_whole_length()
    {
        var failures = new List<string>();
        var checkedForms = 0;
        for (var n = 1; n <= 9999; n++)
        {
            foreach (var form in WrittenForms(n).Distinct())
            {
                checkedForms++;
                var text = TextNormalizer.Normalize(form + "人");
                var read = ChineseNumber.TryReadSpoken(text, 0, out var value, out var length, out var approximate);
                if (!read || (value, length, approximate) != (n, form.Length, false))
                {
                    failures.Add($"{form} = {n}: read {read} {value} over {length}{(approximate ? " approximate" : "")}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedForms} forms misread:\n{string.Join("\n", failures.Take(30))}");
    }

    public static IEnumerable<object[]> SampledForms() =>
        Enumerable.Range(1, 9999).Where(n => n % 97 == 1 || n is 102 or 205 or 1050 or 1280)
            .SelectMany(n => WrittenForms(n).Distinct().Select(form => new object[] { form, n }));

    [Theory]
    [MemberData(nameof(SampledForms))]
    public void An_exact_written_figure_is_the_staff_count_and_the_member_total(string numeral, int value)
    {
        var staff = Assert.Single(Read($"青禾文化职工{numeral}人，党员叁名"));
        Assert.Equal((ActionKind.OrgUpdate, value, 3), (staff.Kind, staff.Employees, staff.PartyMembers));
        var members = Assert.Single(Read($"青禾文化现有职工贰佰人，党员{numeral}名"));
        Assert.Equal((200, value), (members.Employees, members.PartyMembers));
    }

    /// <summary>Approximate written forms: a figure with 余/多/来/几 after it, 数/几 before a unit.</summary>
    public static IEnumerable<string> ApproximateWrittenForms()
    {
        string[] figures = ["十", "二十", "九十", "百", "一百", "两百", "三百五十", "千", "一千", "两千", "拾", "贰拾", "壹佰", "叁仟", "10", "20", "90", "100", "200", "1000", "1,000", "1,200"];
        foreach (var figure in figures)
        {
            foreach (var about in (string[])["余", "多", "来"])
            {
                yield return figure + about;
            }

            if (figure[^1] is '十' or '拾')
            {
                yield return figure + "几";
            }
        }

        foreach (var several in (string[])["数", "几"])
        {
            foreach (var unit in (string[])["十", "百", "千", "拾", "佰", "仟"])
            {
                yield return several + unit;
            }
        }
    }

    public static IEnumerable<object[]> ApproximateForms() => ApproximateWrittenForms().Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(ApproximateForms))]
    public void An_approximate_written_form_reads_as_approximate_over_its_whole_length(string numeral)
    {
        Assert.True(ChineseNumber.TryReadSpoken(numeral + "人", 0, out _, out var length, out var approximate), numeral);
        Assert.True(approximate, numeral);
        Assert.Equal(numeral.Length, length);
    }

    [Theory]
    [MemberData(nameof(ApproximateForms))]
    public void An_approximate_written_figure_is_left_out_of_every_record(string numeral)
    {
        var staff = Assert.Single(Read($"青禾文化职工{numeral}人，党员叁名"));
        Assert.Equal((ActionKind.OrgUpdate, null, 3), (staff.Kind, staff.Employees, staff.PartyMembers));
        var members = Assert.Single(Read($"青禾文化现有职工贰佰人，党员{numeral}名"));
        Assert.Equal((200, null), (members.Employees, members.PartyMembers));
        var found = Read($"今天在青禾文化排查出党员{numeral}名");
        Assert.Contains(found, a => a is { Kind: ActionKind.MemberDiscovery, Count: null });
    }

    public static IEnumerable<object[]> WordsBeforeAFigure() =>
        Vocabulary.Default().ApproximationPrefixes.Distinct()
            .SelectMany(word => ((string[])["二十", "贰拾", "一百二十", "1,200"]).Select(figure => new object[] { word, figure }));

    [Theory]
    [MemberData(nameof(WordsBeforeAFigure))]
    public void A_written_figure_after_a_word_of_approximation_is_left_out(string word, string numeral)
    {
        var staff = Assert.Single(Read($"青禾文化职工{word}{numeral}人，党员叁名"));
        Assert.Equal((ActionKind.OrgUpdate, null, 3), (staff.Kind, staff.Employees, staff.PartyMembers));
    }

    [Theory]
    [InlineData("职工人数十二人", 12)]
    [InlineData("员工总数一百零二人", 102)]
    [InlineData("职工数120人", 120)]
    public void A_count_noun_ending_in_shu_keeps_the_exact_figure_after_it(string said, int value)
    {
        var update = Assert.Single(Read($"青禾文化{said}，党员叁名"));
        Assert.Equal((value, 3), (update.Employees, update.PartyMembers));
    }

    [Theory]
    [InlineData("党员2,职工120人", 2, 120)]
    [InlineData("党员2，职工1,200人", 2, 1200)]
    public void A_comma_between_figures_separates_them(string said, int members, int staff)
    {
        var update = Assert.Single(Read($"青禾文化{said}"));
        Assert.Equal((staff, members), (update.Employees, update.PartyMembers));
    }

    [Theory]
    [InlineData("二〇二六", 2026)]
    [InlineData("二零二六", 2026)]
    [InlineData("一九九八", 1998)]
    [InlineData("2026", 2026)]
    public void A_year_written_digit_by_digit_reads_as_its_digits(string year, int value)
    {
        Assert.True(ChineseNumber.TryParseDigits(year, out var read));
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData("二千零二十六")]
    [InlineData("十二")]
    [InlineData("两〇二六")]
    public void A_numeral_with_units_or_spoken_digits_is_no_year(string text) => Assert.False(ChineseNumber.TryParseDigits(text, out _));
}
