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
        MatchHeading = TextCleaner.MatchForm(section);
        SentenceRanges = Sentences.Split(text);
        SentenceForms = [.. SentenceRanges.Select(r => TextCleaner.MatchForm(text[r]))];
    }

    public string DocumentTitle { get; }

    public string Origin { get; }

    public string Section { get; }

    public string Text { get; }

    public IReadOnlyList<string> ChildHeadings { get; }

    /// <summary>The search's score: <see cref="WordScore"/> + <see cref="BigramScore"/> for a question's search.</summary>
    public float Score { get; init; }

    /// <summary>BM25 score of the question's words in the passage's word field (0 for a search by bigrams alone).</summary>
    public float WordScore { get; init; }

    /// <summary>BM25 score of the bigrams inside the question's words in the passage's bigram field, boosted by <see cref="KnowledgeIndex.BigramBoost"/>.</summary>
    public float BigramScore { get; init; }

    /// <summary>Share (by IDF and boost) of the question's words that the passage's heading path holds, 0 to 1.</summary>
    public float HeadingMatch { get; init; }

    internal string MatchText { get; }

    internal string MatchContext { get; }

    internal string MatchHeading { get; }

    internal List<Range> SentenceRanges { get; }

    internal string[] SentenceForms { get; }

    /// <summary>The documents' definitions of the terms this passage names (<see cref="Documents.Definitions"/>), read at ingestion.</summary>
    public IReadOnlyList<Documents.Definition> Definitions
    {
        get => definitions;
        init
        {
            definitions = value;
            var described = value.Select(d => (Term: TextCleaner.MatchForm(d.Term), Description: TextCleaner.MatchForm(d.Description))).ToList();
            DescribedForms = [.. SentenceForms.Select(s => string.Join('|', described.Where(d => s.Contains(d.Term, StringComparison.Ordinal)).Select(d => d.Description)))];
        }
    }

    private readonly IReadOnlyList<Documents.Definition> definitions = [];

    /// <summary>
    /// The question-bank keys this passage holds (<see cref="QuestionBank"/>), each with the sentence it marks as the answer
    /// (an index into the sentences; -1: the passage as a whole).
    /// </summary>
    internal IReadOnlyList<(string Key, int Sentence)> Asked { get; init; } = [];

    /// <summary>The bank document whose lines of those keys are this passage's (<see cref="QuestionBank.ScopeOf"/>; null: every line).</summary>
    internal string? AskedScope { get; init; }

    /// <summary><see cref="Asked"/> by sentence with <see cref="AskedScope"/> (<see cref="BankKeys.BySentence"/>), read with them from the index.</summary>
    internal IReadOnlyDictionary<int, BankKeys> AskedBySentence { get; init; } = new Dictionary<int, BankKeys>();

    /// <summary>Per sentence, the match form of the descriptions of the terms it names ("" when none).</summary>
    internal string[] DescribedForms { get; private init; } = [];
}
