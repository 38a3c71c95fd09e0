namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// One thing a question is about: a bigram, a number or a synonym group; evidence covers it if it holds any alternative.
/// <see cref="Run"/> and <see cref="Position"/> place a bigram in its run of Han characters (-1 otherwise).
/// </summary>
public sealed record KeyTerm(IReadOnlyList<string> Alternatives, bool Generic, int Run = -1, int Position = -1)
{
    public bool CoveredBy(string matchText) => Alternatives.Any(a => matchText.Contains(a, StringComparison.Ordinal));
}
