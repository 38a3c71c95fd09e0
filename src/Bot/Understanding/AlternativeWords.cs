namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The words of an alternative question (vocabulary speech_acts, round 14): the words that open a second alternative after
/// 还是 (alternative_openers: 先, 跟, 挂靠, 直接; 还是 + a figure or a name is "still", no alternative) and the ways of covering
/// a unit the alternatives may name beside the formation methods of choice_methods (alternative_measures: 指导员, 工会,
/// 社区). Read by <see cref="MessageParser"/> (MessageParser.Alternatives.cs).
/// </summary>
internal sealed class AlternativeWords(Vocabulary v)
{
    public KeywordSet Openers { get; } = new(Class(v, "alternative_openers"));

    public KeywordSet Measures { get; } = new(Class(v, "alternative_measures").Concat(Class(v, "choice_methods")));

    private static IEnumerable<string> Class(Vocabulary v, string name) => v.SpeechActs.TryGetValue(name, out var words) ? words : [];
}
