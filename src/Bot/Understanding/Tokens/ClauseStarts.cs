namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// Stage 4: where a new clause starts, from the grammar of the tokens rather than from punctuation (voice input has
/// none, or blanks anywhere). A clause that already says something (a verb, a figure, a count noun) ends where
/// <list type="bullet">
/// <item>a turn word starts the next thing (然后, 另外, 上午, 下午: <c>sequence_words</c>, <c>topic_shift_markers</c>);</item>
/// <item>a day is said again (今天…前天…), unless listed with the one before (昨天和今天);</item>
/// <item>a new topic is named: 那边/这边 (<c>topic_place_words</c>), or an organisation followed by a predicate of its
/// own (a count noun, 那边, a negation: "恒信那边党员十个德润那边党员两个") or after a blank (not right after another name: a list spoken across blanks), unless it is listed (和/、/与)
/// or is the object of a verb right before it.</item>
/// </list>
/// The clause readers (<c>MessageParser.Clauses</c>) cut at these positions as well as at pauses.
/// </summary>
internal static class ClauseStarts
{
    public static HashSet<int> Find(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var starts = new HashSet<int>();
        var says = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.IsHardPause(text))
            {
                says = false;
                continue;
            }

            if (says && StartsClause(text, tokens, k))
            {
                starts.Add(token.Start);
                says = false;
            }

            says |= token.Kind is TokenKind.Visit or TokenKind.Discovery or TokenKind.Number or TokenKind.Members or TokenKind.Employees;
        }

        return starts;
    }

    private static bool StartsClause(string text, IReadOnlyList<Token> tokens, int k)
    {
        var token = tokens[k];
        var previous = Previous(tokens, k);
        var listed = previous is { } p && (p.Kind == TokenKind.Date || (p.Kind == TokenKind.Word && text[p.Start] is '和' or '与' or '及' or '跟') || text[p.Start] == '、');
        return token.Kind switch
        {
            TokenKind.Turn => true,
            TokenKind.Date => !listed,
            TokenKind.Place => previous is not { Kind: TokenKind.Organization },
            TokenKind.Organization => !listed && previous is not { Kind: TokenKind.Visit or TokenKind.Discovery or TokenKind.Particle }
                && (HasOwnPredicate(tokens, k) || (AfterBlank(text, tokens, k) && previous is not { Kind: TokenKind.Organization })
                    || AfterNounFigure(tokens, k)),
            _ => false,
        };
    }

    /// <summary>"恒信那边…", "德润党员两个", "德润没有": the organisation is the subject of what follows it.</summary>
    private static bool HasOwnPredicate(IReadOnlyList<Token> tokens, int k) =>
        k + 1 < tokens.Count && tokens[k + 1].Kind is TokenKind.Place or TokenKind.Members or TokenKind.Employees or TokenKind.Negation;

    /// <summary>
    /// "职工三百一党员两个汇通汽车今天去的": a name right after a count noun's figure (党员两个, 职工三百一) closes that fact;
    /// the name is the subject of the next one, never the figure's noun.
    /// </summary>
    private static bool AfterNounFigure(IReadOnlyList<Token> tokens, int k)
    {
        var j = k - 1;
        while (j >= 0 && tokens[j].Kind is TokenKind.Pause or TokenKind.Filler or TokenKind.Measure)
        {
            j--;
        }

        if (j < 1 || tokens[j].Kind != TokenKind.Number)
        {
            return false;
        }

        var noun = j - 1;
        while (noun >= 0 && tokens[noun].Kind is TokenKind.Particle or TokenKind.Filler)
        {
            noun--;
        }

        return noun >= 0 && tokens[noun].Kind is TokenKind.Members or TokenKind.Employees;
    }

    /// <summary>
    /// "…派了两名党员过来帮建 华鼎物流和智联物流今天建起了…": a name said after a blank, once the clause before has said
    /// something, is the subject of the next clause (spoken input pauses between clauses, not inside a verb's object).
    /// </summary>
    private static bool AfterBlank(string text, IReadOnlyList<Token> tokens, int k) =>
        k > 0 && tokens[k - 1].Kind == TokenKind.Pause && text[tokens[k - 1].Start] == ' ';

    private static bool IsAspect(IReadOnlyList<Token> tokens, int j) =>
        j > 0 && tokens[j - 1].Kind is TokenKind.Visit or TokenKind.Discovery && tokens[j].Start == tokens[j - 1].End;

    private static Token? Previous(IReadOnlyList<Token> tokens, int k)
    {
        for (var j = k - 1; j >= 0; j--)
        {
            // 了/过/趟 right after a verb go with it: "走访了云启科技" has the verb right before the name.
            if (tokens[j].Kind is not (TokenKind.Pause or TokenKind.Filler) && !(tokens[j] is { Kind: TokenKind.Word, Length: 1 } word && IsAspect(tokens, j)))
            {
                return tokens[j];
            }
        }

        return null;
    }
}
