using System.Text.RegularExpressions;
using InstructorBot.Bot.Charts;

namespace InstructorBot.Bot.Understanding;

// Stage: a coordinator's progress question asks for a chart (各街道覆盖率画个图, 覆盖率趋势图, 每周走访情况图) or for the change of
// the coverage figures within a window (覆盖率这个月提高了多少, 比上个月涨了多少). Both are progress_query readings with an
// extension field (CLI.md additions allow fields the gold does not name): "chart" and "change".
internal sealed partial class MessageParser
{
    // ---------------------------------------------------------------- vocabulary (data)

    /// <summary>Chart nouns whose first part names what is drawn or how: 趋势图, 柱状图, 覆盖率图, 情况图, 对比图.</summary>
    private static readonly string[] ChartHeads =
    [
        "趋势", "走势", "变化", "曲线", "折线", "柱状", "条形", "柱形", "饼", "统计", "对比", "分布", "排名", "进度", "情况", "数据", "率", "走访", "示意",
    ];

    /// <summary>Verbs that make a picture: 画个图, 出张图, 生成图表, 做一张图, 用图表示.</summary>
    private static readonly string[] ChartVerbs = ["画", "绘", "绘制", "做", "出", "生成", "弄", "来", "用", "配", "发"];

    /// <summary>A chart over time: 趋势, 走势, 变化, 曲线.</summary>
    private static readonly string[] TrendWords = ["趋势", "走势", "变化", "曲线", "折线", "每天", "逐日", "逐月", "历程", "以来"];

    /// <summary>A chart of visits: 走访, 拜访.</summary>
    private static readonly string[] VisitWords = ["走访", "拜访", "跑了"];

    /// <summary>A rise or fall asked about: 提高了多少, 涨了几个百分点, 变化多大.</summary>
    private static readonly string[] ChangeVerbs = ["提高", "提升", "上升", "增长", "增加", "涨", "升", "下降", "降低", "降", "变化", "进步", "多了", "少了"];

    private static readonly string[] CoverageWords = ["覆盖", "组建率"];

    private static readonly string[] ChangeAmounts = ["多少", "几个百分点", "几个点", "几", "多大", "怎么样", "如何", "啥", "什么"];

    // ---------------------------------------------------------------- stage

    /// <summary>
    /// Hook in <see cref="Parse"/>: a chart or a change asked with no metric word the progress patterns know ("每周走访情况图",
    /// "比上个月涨了多少") is still a progress question, about visits when it names them and coverage otherwise. Not when it
    /// names a unit ("云启科技党员比上个月多了几个" asks for the unit), and a change only of coverage or against a period.
    /// </summary>
    private ProgressMetric? ChartOrChangeMetric()
    {
        if (UsableMentions().Any(m => !m.IsGeneric))
        {
            return null;
        }

        if (ChartAsked() is { } chart)
        {
            return chart == ChartKind.VisitsPerWeek ? ProgressMetric.Visits : ProgressMetric.Coverage;
        }

        return ChangeAsked() && (ComparedPeriod() is not null || CoverageWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
            ? ProgressMetric.Coverage
            : null;
    }

    /// <summary>Hook in <see cref="Parse"/>: adds the chart, the change and its window to a progress question.</summary>
    private UnderstoodAction WithChartOrChange(UnderstoodAction query)
    {
        var chart = ChartAsked();
        if (chart is not null)
        {
            return query with
            {
                Chart = chart == ChartKind.VisitsPerWeek || query.Metric == ProgressMetric.Visits ? ChartKind.VisitsPerWeek : chart,
                Metric = chart == ChartKind.VisitsPerWeek ? ProgressMetric.Visits : query.Metric,
            };
        }

        if (query.Metric is ProgressMetric.Coverage or null && ChangeAsked())
        {
            // "比上个月涨了多少": from the day after the period compared with, to today.
            var compared = ComparedPeriod();
            return query with
            {
                Metric = ProgressMetric.Coverage,
                Change = true,
                From = compared is { } c ? c.To.AddDays(1) : query.From,
                To = compared is not null ? today : query.To,
            };
        }

        return query;
    }

    /// <summary>The chart the message asks for, or null when it asks for none.</summary>
    private ChartKind? ChartAsked()
    {
        if (!ChartPattern().IsMatch(text))
        {
            return null;
        }

        if (VisitWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
        {
            return ChartKind.VisitsPerWeek;
        }

        return TrendWords.Any(w => text.Contains(w, StringComparison.Ordinal)) ? ChartKind.CoverageTrend : ChartKind.CoverageByStreet;
    }

    /// <summary>"提高了多少", "涨了几个百分点", "比上个月…多少": a change verb closely followed by an amount asked.</summary>
    private bool ChangeAsked()
    {
        foreach (var verb in ChangeVerbs)
        {
            for (var at = text.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = text.IndexOf(verb, at + 1, StringComparison.Ordinal))
            {
                var after = text[(at + verb.Length)..].TrimStart('了', ' ');
                if (ChangeAmounts.Any(a => after.StartsWith(a, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The period after 比/相比/较/跟…比 ("比上个月", "较上周"), or null when nothing is compared with.</summary>
    private TimeWindow? ComparedPeriod()
    {
        var match = ComparedPattern().Match(text);
        return match.Success ? TimeWindow.Find(match.Groups["p"].Value, today) : null;
    }

    /// <summary>
    /// 图 as a chart: after a chart verb with an optional measure word (画个图, 出一张图, 生成图表), or closing a noun that names
    /// what is drawn (趋势图, 覆盖率图, 走访情况图); 图表, 曲线, 折线, 柱状 anywhere, and 画 as "draw" (画一下, 画个). Not 地图,
    /// 意图, 挂图作战.
    /// </summary>
    [GeneratedRegex("图表|曲线|折线|柱状|画(?:一下|一画|个|张|幅|出|成)|(?:画|绘制|绘|做|出|生成|弄|来|用|配|发)(?:一|个|张|幅|份|一个|一张|一幅|成|出)*图(?!书|片|纸|标)|(?:趋势|走势|变化|曲线|折线|柱状|条形|柱形|饼|统计|对比|分布|排名|进度|情况|数据|率|走访|示意)图(?!书|片|纸|标)")]
    private static partial Regex ChartPattern();

    [GeneratedRegex("(?:比|相比|相比于|较|对比|跟|和|与)(?<p>上个月|上月|上一个月|上周|上个星期|上星期|上礼拜|上一周|昨天|去年)")]
    private static partial Regex ComparedPattern();
}
