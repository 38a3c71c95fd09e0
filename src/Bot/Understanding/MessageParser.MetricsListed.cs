namespace InstructorBot.Bot.Understanding;

// Stage (round 15, r15-utime): several figures asked with one predicate ("布吉街道11月份的走访量和新建党组织数都报给我",
// "最近一周的组建情况 还有覆盖率 报一下"): the figure nouns coordinated, one progress_query per figure, in the order said,
// sharing what is said once (scope here; window, person and breakdown in ProgressFilters).
internal sealed partial class MessageParser
{
    // ---------------------------------------------------------------- vocabulary (data)

    /// <summary>The nouns that name a progress figure, longest first within a metric.</summary>
    private static readonly (string Noun, ProgressMetric Metric)[] MetricNouns =
    [
        ("走访的数量", ProgressMetric.Visits), ("走访次数", ProgressMetric.Visits), ("走访家数", ProgressMetric.Visits), ("走访数量", ProgressMetric.Visits),
        ("走访情况", ProgressMetric.Visits), ("走访量", ProgressMetric.Visits), ("走访数", ProgressMetric.Visits),
        ("新成立党组织数", ProgressMetric.Formations), ("新组建党组织数", ProgressMetric.Formations), ("新建党组织数", ProgressMetric.Formations),
        ("新建党组织情况", ProgressMetric.Formations), ("新建党组织", ProgressMetric.Formations), ("组建情况", ProgressMetric.Formations),
        ("新建情况", ProgressMetric.Formations), ("成立情况", ProgressMetric.Formations), ("新建数", ProgressMetric.Formations), ("组建数", ProgressMetric.Formations),
        ("新建了几个党组织", ProgressMetric.Formations), ("新建了多少个党组织", ProgressMetric.Formations),
        ("覆盖率", ProgressMetric.Coverage), ("组建率", ProgressMetric.Coverage), ("覆盖情况", ProgressMetric.Coverage),
        ("应建未建", ProgressMetric.Unformed), ("该建没建", ProgressMetric.Unformed),
    ];

    /// <summary>What may stand between two figure nouns coordinated: joiners, pauses, a question word closing the first.</summary>
    private static readonly string[] MetricGapWords =
        ["以及", "还有", "另外", "是多少", "多少", "各是", "和", "跟", "与", "及", "也", "再", "的", "、", "，", ",", "；", ";", " "];

    /// <summary>Of the gap words, those that say the coordination (not only a pause).</summary>
    private static readonly string[] MetricJoiners = ["以及", "还有", "另外", "和", "跟", "与", "及", "、", "也"];

    /// <summary>
    /// The figures the message coordinates, in the order said, when it names at least two different ones joined by a joiner
    /// and <paramref name="asked"/> (the whole reading's metric) is among them; else just <paramref name="asked"/>.
    /// </summary>
    private List<ProgressMetric> MetricsListed(ProgressMetric asked)
    {
        if (asked is not (ProgressMetric.Visits or ProgressMetric.Formations or ProgressMetric.Coverage or ProgressMetric.Unformed))
        {
            return [asked];
        }

        var found = new List<(int Start, int End, ProgressMetric Metric)>();
        foreach (var (noun, metric) in MetricNouns)
        {
            for (var at = text.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = text.IndexOf(noun, at + noun.Length, StringComparison.Ordinal))
            {
                if (!found.Any(f => f.Start < at + noun.Length && at < f.End))
                {
                    found.Add((at, at + noun.Length, metric)); // longest first: a shorter noun inside a longer one is not another
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var listed = new List<ProgressMetric>();
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Metric != found[i - 1].Metric && Coordinated(found[i - 1].End, found[i].Start))
            {
                listed.Add(found[i - 1].Metric);
                listed.Add(found[i].Metric);
            }
        }

        var metrics = listed.Distinct().ToList();
        return metrics.Count >= 2 && metrics.Contains(asked) ? metrics : [asked];
    }

    /// <summary>Only gap words between <paramref name="start"/> and <paramref name="end"/>, one of them a joiner (or a question closed by a pause).</summary>
    private bool Coordinated(int start, int end)
    {
        var (joined, asked, paused) = (false, false, false);
        for (var at = start; at < end;)
        {
            if (MetricGapWords.FirstOrDefault(w => text.AsSpan(at).StartsWith(w, StringComparison.Ordinal)) is not { } word)
            {
                return false;
            }

            joined |= MetricJoiners.Contains(word);
            at += word.Length;
        }

        return joined;
    }
}
