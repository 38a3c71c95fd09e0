using InstructorBot.Bot.Charts;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using SkiaSharp;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Charts;

/// <summary>
/// The charts as a person would see them: the PNG decodes to the size asked, the bars are as long as the rates counted
/// here from the ledger, and the Chinese is drawn as glyphs, not tofu boxes (real glyphs differ from one another; the
/// boxes a font without them draws are all alike, which the control with DejaVu Sans shows).
/// </summary>
public sealed class CoverageChartTests(ITestOutputHelper output)
{
    private static readonly SKColor BarColor = SKColor.Parse("#C0392B");
    private readonly CoverageChart charts = new(new CoverageCalculator());

    [Fact]
    public void The_charts_draw_with_Noto_Sans_CJK_from_fonts_noto_cjk()
    {
        Assert.Equal(ChartFont.Preferred, charts.FontFamily);
        Assert.True(ChartFont.Draws(ChartFont.Preferred));
    }

    [Fact]
    public void Coverage_by_street_is_a_png_of_the_size_asked_with_bars_as_long_as_the_rates_counted_from_the_ledger()
    {
        var image = charts.CoverageByStreet("龙岗区", ChartLedger.Organizations(), BreakdownLevel.Street, ChartLedger.Today, 900, 520);
        Save(image, "coverage-by-street");
        using var bitmap = Decode(image, 900, 520);
        Assert.Equal("龙岗区 各街道党的组织覆盖率（截至12月5日）", image.Title);

        // Counted here: per street, units in the base formed by today, over the base.
        var expected = ChartLedger.Units.Where(u => u.InBase).GroupBy(u => u.Street)
            .Select(g => (double)g.Count(u => u.FormedOn <= ChartLedger.Today) / g.Count())
            .Where(rate => rate > 0).OrderDescending().ToList();
        var bars = HorizontalRuns(bitmap, BarColor);
        Assert.Equal(expected.Count, bars.Count); // 横岗街道 at 0% has no bar
        Assert.InRange((double)bars[0] / bars[1], 0.95 * expected[0] / expected[1], 1.05 * expected[0] / expected[1]);
    }

    [Fact]
    public void Coverage_trend_has_one_point_a_day_with_the_figures_counted_from_formation_days()
    {
        var organizations = ChartLedger.Organizations();
        var points = new CoverageTrend(new CoverageCalculator()).Over("龙岗区", organizations, ChartLedger.Start, ChartLedger.Today);
        Assert.Equal(ChartLedger.Today.DayNumber - ChartLedger.Start.DayNumber + 1, points.Count);
        var inBase = ChartLedger.Units.Where(u => u.InBase).ToList();
        foreach (var point in points)
        {
            Assert.Equal(inBase.Count, point.Figures.Base);
            Assert.Equal(inBase.Count(u => u.FormedOn <= point.Day), point.Figures.Covered);
        }

        var image = charts.CoverageTrend("龙岗区", points);
        Save(image, "coverage-trend");
        using var bitmap = Decode(image, CoverageChart.DefaultWidth, CoverageChart.DefaultHeight);
        Assert.Equal("龙岗区 党的组织覆盖率趋势（11月1日至12月5日）", image.Title);
        Assert.True(Count(bitmap, BarColor) > 500, "the coverage line is drawn");
    }

    [Fact]
    public void A_long_window_is_sampled_to_at_most_sixty_points_ending_on_its_last_day()
    {
        var from = new DateOnly(2025, 1, 1);
        var points = new CoverageTrend(new CoverageCalculator()).Over("龙岗区", ChartLedger.Organizations(), from, ChartLedger.Today);
        Assert.InRange(points.Count, 30, CoverageTrend.MaxPoints + 1);
        Assert.Equal(from, points[0].Day);
        Assert.Equal(ChartLedger.Today, points[^1].Day);
    }

    [Fact]
    public void Visits_per_week_count_units_and_visits_in_weeks_from_Monday_clipped_to_the_window()
    {
        var weeks = WeeklyVisits.Compute(ChartLedger.Visits(), ChartLedger.Start, ChartLedger.Today);

        // 2026-11-01 is a Sunday: the first week is that day alone; the last, Monday 11-30 to Saturday 12-05.
        Assert.Equal(new DateOnly(2026, 11, 1), weeks[0].From);
        Assert.Equal(new DateOnly(2026, 11, 1), weeks[0].To);
        Assert.Equal(new DateOnly(2026, 11, 30), weeks[^1].From);
        Assert.Equal(ChartLedger.Today, weeks[^1].To);
        Assert.Equal(6, weeks.Count);
        foreach (var week in weeks)
        {
            var inWeek = ChartLedger.VisitDays.Where(v => v.Day >= week.From && v.Day <= week.To).ToList();
            Assert.Equal(inWeek.Count, week.Visits);
            Assert.Equal(inWeek.Select(v => v.Organization).Distinct().Count(), week.Units);
        }

        var image = charts.VisitsPerWeek("龙岗区", weeks);
        Save(image, "visits-per-week");
        using var bitmap = Decode(image, CoverageChart.DefaultWidth, CoverageChart.DefaultHeight);
        Assert.Equal("龙岗区 每周走访情况（11月1日至12月5日）", image.Title);
        Assert.True(Count(bitmap, BarColor) > 200, "the bars of units visited are drawn");
    }

    [Fact]
    public void The_Chinese_title_is_drawn_as_distinct_glyphs_and_a_font_without_them_would_draw_identical_boxes()
    {
        const string title = "覆盖率趋势";
        var glyphs = title.Select(c => charts.RenderTitleOnly(c.ToString(), 120, 120)).ToList();
        foreach (var png in glyphs)
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.True(Ink(bitmap) > 150, "each character leaves ink");
        }

        Assert.Equal(glyphs.Count, glyphs.Select(Convert.ToBase64String).Distinct().Count());

        // The control: a family without Chinese draws the same box for every character, so the check above can fail.
        Assert.True(ChartFont.Draws(ChartFont.Preferred));
        Assert.False(ChartFont.Draws("DejaVu Sans"));
        var tofu = new CoverageChart(new CoverageCalculator(), "DejaVu Sans");
        var boxes = title.Select(c => Convert.ToBase64String(tofu.RenderTitleOnly(c.ToString(), 120, 120))).Distinct().ToList();
        Assert.Single(boxes);
    }

    [Fact]
    public void An_empty_scope_still_draws_a_titled_chart()
    {
        var image = charts.CoverageByStreet("横岗街道", Array.Empty<Organization>(), BreakdownLevel.Community, ChartLedger.Today);
        using var bitmap = Decode(image, CoverageChart.DefaultWidth, CoverageChart.DefaultHeight);
        Assert.Equal(0, Count(bitmap, BarColor));
        Assert.Empty(HorizontalRuns(bitmap, BarColor));
    }

    private static SKBitmap Decode(ChartImage image, int width, int height)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], image.Png[..4]);
        var bitmap = SKBitmap.Decode(image.Png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        Assert.Equal(width, image.Width);
        return bitmap;
    }

    /// <summary>The length of each separate bar: the longest run of the colour in each band of rows that has it, longest first.</summary>
    private static List<int> HorizontalRuns(SKBitmap bitmap, SKColor color)
    {
        var rows = new List<int>();
        for (var y = 0; y < bitmap.Height; y++)
        {
            int longest = 0, run = 0;
            for (var x = 0; x < bitmap.Width; x++)
            {
                run = Near(bitmap.GetPixel(x, y), color) ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            rows.Add(longest);
        }

        var bars = new List<int>();
        var band = 0;
        foreach (var length in rows.Append(0))
        {
            if (length >= 3)
            {
                band = Math.Max(band, length);
            }
            else if (band > 0)
            {
                bars.Add(band);
                band = 0;
            }
        }

        return [.. bars.OrderDescending()];
    }

    private static int Count(SKBitmap bitmap, SKColor color)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                count += Near(bitmap.GetPixel(x, y), color) ? 1 : 0;
            }
        }

        return count;
    }

    private static int Ink(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                count += p.Alpha > 0 && p.Red + p.Green + p.Blue < 3 * 128 ? 1 : 0;
            }
        }

        return count;
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 8 && Math.Abs(a.Green - b.Green) <= 8 && Math.Abs(a.Blue - b.Blue) <= 8 && a.Alpha > 200;

    private void Save(ChartImage image, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"instructorbot-chart-{name}.png");
        File.WriteAllBytes(path, image.Png);
        output.WriteLine($"{image.Title}: {path}");
    }
}
