namespace InstructorBot.Bot.Understanding.Tokens;

// "预备党员2名，流动党员1名，我说反了": a repair that says two figures were said the wrong way round.
internal static partial class SelfCorrections
{
    /// <summary>
    /// A reversal marker (说反了, 弄反了: <c>reversal_markers</c>) swaps the last two figures said before it in its sentence,
    /// and goes. A restatement after it that is that swap ("说反了 是一个隐形两个流动") goes with it; one that is not is a
    /// correction of its own, left to the other edits.
    /// </summary>
    private static string? ReversalEdit(string text, List<Token> tokens, UnderstandingRules rules, int c)
    {
        if (rules.Reversals.MatchAt(text, tokens[c].Start) is null)
        {
            return null;
        }

        var restated = new List<Token>();
        var restatedEnd = tokens[c].End;
        for (var k = c + 1; k < tokens.Count && !EndsSentence(text, tokens[k]); k++)
        {
            if (tokens[k].Kind == TokenKind.Number)
            {
                restated.Add(tokens[k]);
                restatedEnd = tokens[k].End;
            }
            else if (restated.Count > 0 && tokens[k].Kind != TokenKind.Pause && restatedEnd == tokens[k].Start)
            {
                restatedEnd = tokens[k].End; // the words of the restated figure ("两个口袋")
            }
        }

        var cut = CutBefore(text, tokens, c);
        var figures = new List<Token>();
        for (var k = c - 1; k >= 0 && figures.Count < 2 && !EndsSentence(text, tokens[k]); k--)
        {
            if (tokens[k].Kind == TokenKind.Number && tokens[k].End <= cut)
            {
                figures.Add(tokens[k]);
            }
        }

        if (figures.Count < 2)
        {
            return null;
        }

        var (first, second) = (figures[1], figures[0]);
        if (restated.Count > 0 && (restated.Count != 2 || restated[0].Value != second.Value || restated[1].Value != first.Value))
        {
            return null; // restated otherwise than swapped: a correction of its own, read by the other edits
        }

        // "两个隐形的一个流动的 说反了 是一个隐形两个流动": the restatement is the swap; it goes with the marker.
        return string.Concat(
            text[..first.Start], text[second.Start..second.End], text[first.End..second.Start], text[first.Start..first.End],
            text[second.End..cut], text[(restated.Count > 0 ? restatedEnd : tokens[c].End)..]);
    }

    private static bool EndsSentence(string text, Token token) => token.Kind == TokenKind.Pause && text[token.Start] is '。' or '？' or '?' or '！' or '!' or '；';
}
