namespace InstructorBot.Knowledge.Answering;

/// <summary>One thesaurus entry: a word a question may use, the documents' words for it, their credit and where the pair comes from.</summary>
public sealed record ThesaurusEntry(string Word, IReadOnlyList<string> DocumentWords, double Credit, string Source);

/// <summary>The campaign thesaurus (Resources/thesaurus.tsv): query expansion from the words people use to the documents' words.</summary>
public static class Thesaurus
{
    public static IReadOnlyList<ThesaurusEntry> LoadDefault() =>
        SourcedTable.Read("thesaurus.tsv", (word, documentWords, credit, source) => new ThesaurusEntry(word, documentWords, credit, source));
}
