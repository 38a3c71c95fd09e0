using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Search;

/// <summary>
/// A passage found by a search, with what is needed to quote and cite it (<c>Origin</c>: issuing body and 文号), and
/// its text split into sentences and prepared for matching once, then kept while the index does not change.
/// </summary>
public sealed record PassageHit
{
    public PassageHit(string documentTitle, string origin, string section, string text, IReadOnlyList<string> childHeadings, float score)
    {
        DocumentTitle = documentTitle;
        Origin = origin;
        Section = section;
        Text = text;
        ChildHeadings = childHeadings;
        Score = score;
        MatchText = TextCleaner.MatchForm(text);
        MatchContext = TextCleaner.MatchForm(section + documentTitle + origin);
        SentenceRanges = Sentences.Split(text);
        SentenceForms = [.. SentenceRanges.Select(r => TextCleaner.MatchForm(text[r]))];
    }

    public string DocumentTitle { get; }

    public string Origin { get; }

    public string Section { get; }

    public string Text { get; }

    public IReadOnlyList<string> ChildHeadings { get; }

    public float Score { get; init; }

    internal string MatchText { get; }

    internal string MatchContext { get; }

    internal List<Range> SentenceRanges { get; }

    internal string[] SentenceForms { get; }
}
