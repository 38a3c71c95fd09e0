using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Search;

/// <summary>
/// What a question searches the passages with: its words in the word field, and in the bigram field only the bigrams that
/// lie inside one of its words ("兼职" of 专兼职 still finds "专兼职"; "员有" of 党员|有 is no term). Each term carries a boost:
/// the thesaurus's words for a question word weigh below the question's own.
/// </summary>
public sealed record PassageQuery(IReadOnlyDictionary<string, float> Words, IReadOnlyDictionary<string, float> Bigrams)
{
    /// <summary>
    /// Two words of the question side by side ("组织关系|转接"), searched as a phrase of the word field: what a bigram across
    /// them told (that the passage says the same phrase) without a rare junction bigram ("员有") weighing as a rare word.
    /// </summary>
    public IReadOnlyDictionary<(string First, string Second), float> Phrases { get; init; } = new Dictionary<(string, string), float>();

    /// <summary>Boost of a thesaurus expansion relative to the question word it stands for, times the entry's credit.</summary>
    public const float ExpansionShare = 0.8f;

    /// <summary>
    /// The query of <paramref name="question"/> (as the answer service holds it) from its key terms; <paramref name="boosts"/>,
    /// one per term when given, weighs them (a clause that only tells the asker's situation weighs less).
    /// </summary>
    public static PassageQuery From(string question, IReadOnlyList<KeyTerm> terms, IReadOnlyList<double>? boosts, WordSegmenter segmenter)
    {
        var form = TextCleaner.MatchForm(question);
        var cut = segmenter.Words(form);

        // The segmenter's boundaries: a run of one-character words (a word it does not know, cut to characters: "三|有") is
        // not split, as in question analysis.
        var boundaries = WordSegmenter.Boundaries(cut, form.Length);
        var words = new Dictionary<string, float>(StringComparer.Ordinal);
        var bigrams = new Dictionary<string, float>(StringComparer.Ordinal);

        // How much each character of the question weighs as part of a term (0: a question word, or a bigram across words).
        var kept = new float[form.Length];
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            var boost = (float)(boosts?[t] ?? 1);
            var own = term.Alternatives[0];
            if (term.Run >= 0)
            {
                // A bigram of the question's text: a term only inside one word. One the answer service put right ("业兼职")
                // is no text of the question's and is left to the answer scorer.
                if (own.Length == 2 && term.Start >= 0 && term.Start + 2 <= form.Length && string.CompareOrdinal(form, term.Start, own, 0, 2) == 0
                    && !boundaries[term.Start])
                {
                    Add(bigrams, own, boost);
                    Keep(term.Start, 2, boost);
                }

                continue;
            }

            // A synonym or thesaurus word, a number, a word of three or four characters: where the question writes it, it
            // is part of the question's word there ("工会主席" holds the synonym 工会).
            if (term.Start >= 0 && term.Alternatives.Concat(term.Expansions).FirstOrDefault(a => a.Length > 0 && term.Start + a.Length <= form.Length
                && string.CompareOrdinal(form, term.Start, a, 0, a.Length) == 0) is { } written)
            {
                Keep(term.Start, written.Length, boost);
            }

            foreach (var word in term.Alternatives)
            {
                AddWord(word, boost);
            }

            foreach (var word in term.Expansions)
            {
                AddWord(word, boost * (float)term.ExpansionCredit * ExpansionShare);
            }
        }

        // A word of the question all of whose characters belong to terms is a term of the word field.
        var phrases = new Dictionary<(string, string), float>();
        (string Word, float Boost)? previous = null;
        foreach (var (start, end) in cut)
        {
            if (end > form.Length)
            {
                break;
            }

            var boost = end - start < 2 ? 0 : float.MaxValue;
            for (var i = start; i < end; i++)
            {
                boost = Math.Min(boost, kept[i]);
            }

            if (boost <= 0)
            {
                previous = null;
                continue;
            }

            var word = form[start..end];
            Add(words, word, boost);
            if (previous is { } before)
            {
                var pair = (before.Word, word);
                phrases[pair] = Math.Max(phrases.GetValueOrDefault(pair), Math.Min(before.Boost, boost));
            }

            previous = (word, boost);
        }

        return new PassageQuery(words, bigrams) { Phrases = phrases };

        void Keep(int start, int length, float boost)
        {
            for (var i = start; i < start + length; i++)
            {
                kept[i] = Math.Max(kept[i], boost);
            }
        }

        void AddWord(string text, float boost)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (!TextCleaner.IsCjk(text[0]))
            {
                // A number or a Latin word: a token of both fields.
                var token = text.ToLowerInvariant();
                Add(words, token, boost);
                Add(bigrams, token, boost);
                return;
            }

            foreach (var word in WordAnalyzer.Words(segmenter, text))
            {
                if (word.Length < 2 && TextCleaner.IsCjk(word[0]))
                {
                    continue;
                }

                Add(words, word, boost);
                for (var i = 0; i + 1 < word.Length; i++)
                {
                    if (TextCleaner.IsCjk(word[i]) && TextCleaner.IsCjk(word[i + 1]))
                    {
                        Add(bigrams, word.Substring(i, 2), boost);
                    }
                }
            }
        }
    }

    private static void Add(Dictionary<string, float> terms, string term, float boost) =>
        terms[term] = Math.Max(terms.GetValueOrDefault(term), boost);
}
