using System.Security.Cryptography;
using System.Text;
using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Search;

/// <summary>
/// The word segmenter that cuts both the passages (at index time) and the questions, with the campaign's own words of
/// the vocabulary and thesaurus added, and a stamp of those words: an index cut with other words is rebuilt.
/// </summary>
public sealed record IndexWords(WordSegmenter Segmenter, string Stamp)
{
    private static readonly Lazy<IndexWords> Shipped = new(() => From(CampaignWords(Vocabulary.LoadDefault(), Thesaurus.LoadDefault())));

    /// <summary>jieba's dictionary with the shipped vocabulary's and thesaurus's words (loaded once: the dictionary is large).</summary>
    public static IndexWords Default => Shipped.Value;

    public static IndexWords From(IEnumerable<string> ownWords)
    {
        var words = ownWords.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', words))))[..16];
        return new IndexWords(new WordSegmenter(words), stamp);
    }

    /// <summary>The words question analysis keeps whole: synonym groups, generic and kept words, thesaurus words.</summary>
    public static IEnumerable<string> CampaignWords(Vocabulary vocabulary, IReadOnlyList<ThesaurusEntry> thesaurus) =>
        vocabulary.Synonyms.SelectMany(g => g).Concat(vocabulary.GenericWords).Concat(vocabulary.KeptWords ?? [])
            .Concat(thesaurus.SelectMany(e => e.DocumentWords.Append(e.Word)));
}
