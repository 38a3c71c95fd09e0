using System.Text.Json.Serialization;

namespace InstructorBot.Bot.Charts;

/// <summary>The charts a coordinator can ask for (progress_query's <c>chart</c> extension field).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChartKind>))]
public enum ChartKind
{
    /// <summary>各街道覆盖率 (bars; per community for a street).</summary>
    CoverageByStreet,

    /// <summary>覆盖率趋势 over the campaign or the window asked (line).</summary>
    CoverageTrend,

    /// <summary>每周走访情况: units visited (家) and visits (次) per week (bars).</summary>
    VisitsPerWeek,
}
