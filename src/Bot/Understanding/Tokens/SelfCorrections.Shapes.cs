namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// The shapes around a correction marker (<see cref="SelfCorrections"/>): what was said last before it, the lead after it
/// (是/应该是), pauses and interjections around it, and where the replacing phrase ends.
/// </summary>
internal static partial class SelfCorrections
{
    /// <summary>The negation right after the last count noun before the marker (particles between), when no figure follows that noun.</summary>
    private static Token? NoneSaidLast(List<Token> tokens, int c, Token? lastFigure)
    {
        for (var k = c - 1; k >= 0 && (lastFigure is null || tokens[k].Start > lastFigure.Value.Start); k--)
        {
            if (!tokens[k].IsCountNoun)
            {
                continue;
            }

            var n = k + 1;
            while (n < c && tokens[n].Kind is TokenKind.Particle or TokenKind.Filler)
            {
                n++;
            }

            return n < c && tokens[n].Kind == TokenKind.Negation ? tokens[n] : null;
        }

        return null;
    }

    private static Token? LastBefore(List<Token> tokens, int c, Func<Token, bool> match)
    {
        for (var k = c - 1; k >= 0; k--)
        {
            if (match(tokens[k]))
            {
                return tokens[k];
            }
        }

        return null;
    }

    /// <summary>After the lead (是/应该是), the token where the replacement starts; null when there is no lead.</summary>
    private static int? Lead(string text, List<Token> tokens, UnderstandingRules rules, int a)
    {
        if (a >= tokens.Count || rules.CorrectionLeads.MatchAt(text, tokens[a].Start) is not { } lead)
        {
            return null;
        }

        var end = tokens[a].Start + lead.Length;
        var k = a;
        while (k < tokens.Count && tokens[k].Start < end)
        {
            k++;
        }

        return k < tokens.Count && tokens[k].Start == end ? k : (k == tokens.Count ? k : null);
    }

    /// <summary>
    /// Round 21 (r21-uvisit): "上午去的诚信 不对 是去的阳光社工": after a correction lead the visit verb may be said again before
    /// the unit meant; the replacement is the organisation after it (with 的 between). Where no organisation follows the verb,
    /// the lead's own position: the verb is then the thing said anew.
    /// </summary>
    private static int VisitVerbSaidAgain(string text, List<Token> tokens, UnderstandingRules rules, int at)
    {
        if (at >= tokens.Count || (rules.Visit.MatchAt(text, tokens[at].Start) ?? rules.Motion.MatchAt(text, tokens[at].Start)) is not { } verb)
        {
            return at;
        }

        var end = tokens[at].Start + verb.Length;
        end += end < text.Length && text[end] is '的' or '了' ? 1 : 0;
        var k = at;
        while (k < tokens.Count && tokens[k].End <= end)
        {
            k++;
        }

        return k < tokens.Count && tokens[k].Kind == TokenKind.Organization && tokens[k].Start == end ? k : at;
    }

    /// <summary>Blanks, punctuation and interjections (哦, 啊, 呃; 对, 这个, 然后 said as a word of their own) after the marker.</summary>
    private static int SkipPauses(string text, List<Token> tokens, int k)
    {
        while (k < tokens.Count)
        {
            if (tokens[k].Kind is TokenKind.Pause or TokenKind.Filler || (tokens[k].Kind == TokenKind.Word && text[tokens[k].Start] is '哦' or '啊' or '呃'))
            {
                k++;
            }
            else if (InterjectionEnd(text, tokens, k) is { } next)
            {
                k = next;
            }
            else
            {
                break;
            }
        }

        return k;
    }

    /// <summary>Words said to oneself while correcting (对, 这个, 然后: <see cref="Interjections"/>), standing alone between pauses.</summary>
    private static readonly string[] Interjections = ["对", "这个", "然后", "那个"];

    /// <summary>The token after an interjection standing alone at <paramref name="k"/> (a pause or the lead 是 right after it), else null.</summary>
    private static int? InterjectionEnd(string text, List<Token> tokens, int k)
    {
        foreach (var word in Interjections)
        {
            var end = tokens[k].Start + word.Length;
            if (!text.AsSpan(tokens[k].Start).StartsWith(word, StringComparison.Ordinal) || (end < text.Length && text[end] != ' ' && text[end] != '是'))
            {
                continue;
            }

            var next = k;
            while (next < tokens.Count && tokens[next].Start < end)
            {
                next++;
            }

            return next < tokens.Count && tokens[next].Start == end ? next : (next == tokens.Count ? next : null);
        }

        return null;
    }

    /// <summary>Where the words before the marker end (blanks, 哦/啊 and markers said in a row before it go with it: "哦不对说错了").</summary>
    private static int CutBefore(string text, List<Token> tokens, int c)
    {
        var k = c;
        while (k > 0 && (tokens[k - 1].Kind is TokenKind.Pause or TokenKind.Filler or TokenKind.Correction || (tokens[k - 1].Kind == TokenKind.Word && text[tokens[k - 1].Start] is '哦' or '啊' or '呃')
            || StandsAloneBefore(text, tokens, k - 1)))
        {
            k--;
        }

        return k == c ? tokens[c].Start : tokens[k].Start;
    }

    /// <summary>"书记是吴经理 然后 哦不对": an interjection said alone right before the marker goes with it.</summary>
    private static bool StandsAloneBefore(string text, List<Token> tokens, int k)
    {
        var start = tokens[k].Start;
        while (k > 0 && tokens[k - 1].Kind != TokenKind.Pause)
        {
            k--;
        }

        var from = tokens[k].Start;
        return start - from <= 2 && (from == 0 || text[from - 1] == ' ') && Interjections.Any(w => text.AsSpan(from).StartsWith(w, StringComparison.Ordinal)
            && from + w.Length < text.Length && text[from + w.Length] is ' ' or '哦' or '不' or '说');
    }

    /// <summary>
    /// "是前天去的": the rest of the replacing phrase, up to the next pause, says nothing new; where it goes on to say
    /// something of its own (a find, a count noun, a turn, 那边: "不对是上周五发现了一名口袋党员…" said with no pause), the
    /// next clause starts there and stays.
    /// </summary>
    private static int RestEnd(string text, List<Token> tokens, int index)
    {
        var k = index + 1;
        while (k < tokens.Count && tokens[k].Kind is not (TokenKind.Pause or TokenKind.Correction or TokenKind.Discovery or TokenKind.Members
            or TokenKind.Employees or TokenKind.Turn or TokenKind.Place) && !(tokens[index].Kind != TokenKind.Number && tokens[k].Kind == TokenKind.Number))
        {
            k++;
        }

        return k < tokens.Count ? tokens[k].Start : text.Length;
    }

    /// <summary>"是俩 俩流动党员": a phrase right after that is only the new figure again with a count noun goes too.</summary>
    private static int Echo(string text, List<Token> tokens, Item replacement, int restEnd)
    {
        var token = tokens[replacement.Index];
        var k = tokens.FindIndex(t => t.Start >= restEnd);
        k = k < 0 ? tokens.Count : SkipPauses(text, tokens, k);
        if (token.Kind != TokenKind.Number || k >= tokens.Count || tokens[k].Kind != TokenKind.Number || tokens[k].Value != token.Value)
        {
            return restEnd;
        }

        var n = k + 1;
        if (n < tokens.Count && tokens[n].Kind == TokenKind.Measure)
        {
            n++;
        }

        return n < tokens.Count && tokens[n].IsCountNoun && (n + 1 == tokens.Count || tokens[n + 1].Kind == TokenKind.Pause) ? tokens[n].End : restEnd;
    }
}
