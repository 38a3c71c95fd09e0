using System.Globalization;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using ScottPlot;

namespace InstructorBot.Bot.Charts;

/// <summary>
/// The campaign's charts as PNG images (挂图作战), drawn with ScottPlot in a CJK font (<see cref="ChartFont"/>): coverage by
/// street or community (bars, ranked), coverage over a window (line, from <see cref="CoverageHistory"/>), and visits per
/// week (bars of 家 and 次). Each method has a form over the ledger and records, for callers that hold them (the digest),
/// and a form over figures already computed. Stateless and thread-safe: one instance serves the host.
/// </summary>
public sealed class CoverageChart
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 500;

    private static readonly Color Covered = Color.FromHex("#C0392B");
    private static readonly Color Secondary = Color.FromHex("#E6A23C");

    private readonly CoverageCalculator calculator;
    private readonly string? font;

    public CoverageChart(CoverageCalculator calculator)
        : this(calculator, ChartFont.Find())
    {
    }

    /// <summary>Draws with <paramref name="fontFamily"/> (tests draw with a family that lacks Chinese to see tofu).</summary>
    internal CoverageChart(CoverageCalculator calculator, string? fontFamily)
    {
        this.calculator = calculator;
        font = fontFamily;
    }

    /// <summary>The family the charts draw with; null when no installed font draws Chinese (install fonts-noto-cjk).</summary>
    public string? FontFamily => font;

    // ------------------------------------------------------------------ coverage by street

    /// <summary>各街道覆盖率: the scope's coverage rate per street (or community, industry…) at the end of <paramref name="asOf"/>.</summary>
    public ChartImage CoverageByStreet(string scopeName, IReadOnlyList<Organization> organizations, BreakdownLevel by, DateOnly asOf,
        int width = DefaultWidth, int height = DefaultHeight) =>
        CoverageByStreet(scopeName, new CoverageBreakdown(calculator).Compute(CoverageHistory.AsOf(organizations, asOf), by), by, asOf, width, height);

    /// <summary>The same over rows already computed (<see cref="CoverageBreakdown"/>), drawn in their order, first on top.</summary>
    public ChartImage CoverageByStreet(string scopeName, IReadOnlyList<CoverageReport> rows, BreakdownLevel by, DateOnly asOf,
        int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var title = $"{scopeName} {LevelName(by)}党的组织覆盖率（截至{Day(asOf)}）";
        var plot = NewPlot(title);
        var bars = rows.Select((r, i) => new Bar
        {
            Position = rows.Count - 1 - i,
            Value = 100 * r.CoverageRate,
            Label = string.Create(CultureInfo.InvariantCulture, $"{100 * r.CoverageRate:0.0}%（{r.Covered}/{r.Base}）"),
            FillColor = Covered,
            LineWidth = 0,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontName = font ?? plottable.ValueLabelStyle.FontName;
        plottable.ValueLabelStyle.FontSize = 13;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. rows.Select((_, i) => (double)(rows.Count - 1 - i))], [.. rows.Select(r => r.Scope)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "党的组织覆盖率（%）";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(10);
        plot.Axes.SetLimitsX(0, 118);
        plot.Axes.SetLimitsY(-0.7, Math.Max(rows.Count, 1) - 0.3);
        return Render(plot, title, width, height);
    }

    // ------------------------------------------------------------------ coverage over time

    /// <summary>覆盖率趋势: the scope's coverage rate and single-formation rate at the end of each day of the window.</summary>
    public ChartImage CoverageTrend(string scopeName, IReadOnlyList<Organization> organizations, DateOnly from, DateOnly to,
        int width = DefaultWidth, int height = DefaultHeight) =>
        CoverageTrend(scopeName, new CoverageTrend(calculator).Over(scopeName, organizations, from, to), width, height);

    public ChartImage CoverageTrend(string scopeName, IReadOnlyList<CoveragePoint> points, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(points);
        var title = points.Count == 0
            ? $"{scopeName} 党的组织覆盖率趋势"
            : $"{scopeName} 党的组织覆盖率趋势（{Day(points[0].Day)}至{Day(points[^1].Day)}）";
        var plot = NewPlot(title);
        if (points.Count > 0)
        {
            var first = points[0].Day.DayNumber;
            double[] xs = [.. points.Select(p => (double)(p.Day.DayNumber - first))];
            var single = plot.Add.Scatter(xs, [.. points.Select(p => 100 * p.Figures.SingleRate)], Secondary);
            single.LineWidth = 2;
            single.MarkerSize = 0;
            single.LinePattern = LinePattern.Dashed;
            var coverage = plot.Add.Scatter(xs, [.. points.Select(p => 100 * p.Figures.CoverageRate)], Covered);
            coverage.LineWidth = 3;
            coverage.MarkerSize = points.Count <= 31 ? 5 : 0;
            var last = points[^1].Figures;
            var label = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{100 * last.CoverageRate:0.0}%"), xs[^1], 100 * last.CoverageRate);
            label.LabelFontName = font ?? label.LabelFontName;
            label.LabelFontSize = 14;
            label.LabelFontColor = Covered;
            label.LabelAlignment = Alignment.LowerRight;
            label.OffsetY = -6;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. DayTicks(xs.Length, (int)xs[^1]).Select(d => (double)d)],
                [.. DayTicks(xs.Length, (int)xs[^1]).Select(d => Day(points[0].Day.AddDays(d)))]);
            plot.Axes.SetLimitsX(-0.5, Math.Max(xs[^1], 1) + 0.5);
            Key(plot, -0.5, 112, 0, "— 党的组织覆盖率", Covered);
            Key(plot, -0.5, 112, 1, "- - 单独组建率", Secondary);
        }

        plot.Axes.Left.Label.Text = "比率（%）";
        plot.Axes.SetLimitsY(0, 112);
        return Render(plot, title, width, height);
    }

    // ------------------------------------------------------------------ visits per week

    /// <summary>每周走访情况: per week of the window, units visited (家) and visits (次).</summary>
    public ChartImage VisitsPerWeek(string scopeName, IReadOnlyList<Visit> visits, DateOnly from, DateOnly to,
        int width = DefaultWidth, int height = DefaultHeight) =>
        VisitsPerWeek(scopeName, WeeklyVisits.Compute(visits, from, to), width, height);

    public ChartImage VisitsPerWeek(string scopeName, IReadOnlyList<WeekVisits> weeks, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var title = weeks.Count == 0
            ? $"{scopeName} 每周走访情况"
            : $"{scopeName} 每周走访情况（{Day(weeks[0].From)}至{Day(weeks[^1].To)}）";
        var plot = NewPlot(title);
        var units = weeks.Select((w, i) => new Bar { Position = 3 * i, Value = w.Units, Label = w.Units.ToString(CultureInfo.InvariantCulture), FillColor = Covered, LineWidth = 0 }).ToList();
        var count = weeks.Select((w, i) => new Bar { Position = (3 * i) + 1, Value = w.Visits, Label = w.Visits.ToString(CultureInfo.InvariantCulture), FillColor = Secondary, LineWidth = 0 }).ToList();
        var unitBars = plot.Add.Bars(units);
        var visitBars = plot.Add.Bars(count);
        foreach (var bars in (ScottPlot.Plottables.BarPlot[])[unitBars, visitBars])
        {
            bars.ValueLabelStyle.FontName = font ?? bars.ValueLabelStyle.FontName;
            bars.ValueLabelStyle.FontSize = 12;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. weeks.Select((_, i) => (3.0 * i) + 0.5)], [.. weeks.Select(w => Day(w.From))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = "周（自周一起）";
        plot.Axes.SetLimitsX(-1, Math.Max(3 * weeks.Count, 3) - 1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var top = Math.Max(1, weeks.Select(w => Math.Max(w.Units, w.Visits)).DefaultIfEmpty().Max()) * 1.3;
        plot.Axes.SetLimitsY(0, top);
        Key(plot, -1, top, 0, "■ 走访单位（家）", Covered);
        Key(plot, -1, top, 1, "■ 走访次数（次）", Secondary);
        return Render(plot, title, width, height);
    }

    // ------------------------------------------------------------------ drawing

    /// <summary>
    /// Only <paramref name="text"/> as a chart title on an empty plot, for tests that look at glyphs (tofu boxes are all
    /// alike; real glyphs differ).
    /// </summary>
    internal byte[] RenderTitleOnly(string text, int width, int height)
    {
        using var plot = NewPlot("");
        plot.HideAxesAndGrid();
        plot.Layout.Frameless();
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontName = plot.Axes.Title.Label.FontName;
        label.LabelFontSize = height * 0.6f;
        label.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private Plot NewPlot(string title)
    {
        var plot = new Plot();
        if (font is not null)
        {
            plot.Font.Set(font);
        }

        plot.Title(title, 18);
        if (font is not null)
        {
            plot.Legend.FontName = font;
        }

        plot.Legend.FontSize = 13;
        plot.Axes.Title.Label.Bold = false;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Grid.MajorLineColor = Color.FromHex("#E5E5E5");
        return plot;
    }

    /// <summary>
    /// A line of the key in the plot's upper left corner, in the series' colour. (ScottPlot's legend box cuts off the
    /// top of CJK text in this version, so the key is drawn as text.)
    /// </summary>
    private void Key(Plot plot, double left, double top, int row, string text, Color color)
    {
        var key = plot.Add.Text(text, left, top);
        key.LabelFontName = font ?? key.LabelFontName;
        key.LabelFontSize = 13;
        key.LabelFontColor = color;
        key.LabelBold = true;
        key.LabelAlignment = Alignment.UpperLeft;
        key.OffsetX = 8;
        key.OffsetY = 6 + (20 * row);
    }

    private static ChartImage Render(Plot plot, string title, int width, int height)
    {
        using (plot)
        {
            return new ChartImage(title, plot.GetImageBytes(width, height, ImageFormat.Png), width, height);
        }
    }

    /// <summary>About six evenly spaced day offsets from 0 to <paramref name="lastOffset"/>, both ends included.</summary>
    private static IEnumerable<int> DayTicks(int points, int lastOffset)
    {
        var step = Math.Max(1, (int)Math.Ceiling(lastOffset / 6.0));
        var ticks = Enumerable.Range(0, (lastOffset / step) + 1).Select(i => i * step).ToList();
        if (ticks[^1] != lastOffset)
        {
            if (lastOffset - ticks[^1] < step / 2)
            {
                ticks.RemoveAt(ticks.Count - 1);
            }

            ticks.Add(lastOffset);
        }

        return points == 0 ? [] : ticks;
    }

    private static string LevelName(BreakdownLevel by) => by switch
    {
        BreakdownLevel.Street => "各街道",
        BreakdownLevel.Community => "各社区",
        BreakdownLevel.Industry => "各行业",
        _ => "各指导员辖区",
    };

    private static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Month}月{day.Day}日");
}
