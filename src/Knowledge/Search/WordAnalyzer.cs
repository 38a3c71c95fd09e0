using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace InstructorBot.Knowledge.Search;

/// <summary>
/// Chinese text as words: the text's match form (<see cref="TextCleaner.MatchForm"/>: folded, lower case) cut by the same
/// jieba segmenter, with the same campaign words, that cuts the questions, so a question's word and a passage's word are
/// the same term. Punctuation and spaces are no words.
/// </summary>
public sealed class WordAnalyzer(WordSegmenter segmenter) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new WordTokenizer(reader, segmenter));

    /// <summary>The words of <paramref name="text"/> as the analyzer emits them.</summary>
    public static IEnumerable<string> Words(WordSegmenter segmenter, string text)
    {
        var form = TextCleaner.MatchForm(text);
        foreach (var (start, end) in segmenter.Words(form))
        {
            if (IsWord(form, start, end))
            {
                yield return form[start..end];
            }
        }
    }

    private static bool IsWord(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class WordTokenizer : Tokenizer
    {
        private readonly WordSegmenter segmenter;
        private readonly ICharTermAttribute term;
        private readonly IOffsetAttribute offset;
        private readonly IPositionIncrementAttribute increment;
        private List<string> words = [];
        private int next;

        public WordTokenizer(TextReader input, WordSegmenter segmenter)
            : base(input)
        {
            this.segmenter = segmenter;
            term = AddAttribute<ICharTermAttribute>();
            offset = AddAttribute<IOffsetAttribute>();
            increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (next >= words.Count)
            {
                return false;
            }

            var word = words[next++];
            term.SetEmpty().Append(word);
            increment.PositionIncrement = 1;

            // Offsets are of the match form, not the stored text: the field is searched, never highlighted.
            offset.SetOffset(next, next);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            words = [.. Words(segmenter, m_input.ReadToEnd())];
            next = 0;
        }

        public override void End()
        {
            base.End();
            offset.SetOffset(words.Count, words.Count);
        }
    }
}
