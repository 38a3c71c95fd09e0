namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The words of a figure said by comparison (vocabulary asking map, round 14): the increase after 比's reference
/// (comparison_increase_words: 多了, 多出, 增加了) and the leads of a total said after it without its noun
/// (comparison_total_leads: 现在, 目前). Read by <see cref="MessageParser"/> (MessageParser.Comparisons.cs).
/// </summary>
internal sealed class ComparisonWords(Vocabulary v)
{
    public KeywordSet Increases { get; } = new(Class(v, "comparison_increase_words"));

    public KeywordSet TotalLeads { get; } = new(Class(v, "comparison_total_leads"));

    private static IEnumerable<string> Class(Vocabulary v, string name) => v.Asking.TryGetValue(name, out var words) ? words : [];
}
