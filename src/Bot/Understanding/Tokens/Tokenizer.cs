namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// Stage 2 (after <see cref="TextNormalizer"/> and <see cref="SpokenFillers"/>): the message as a list of tokens.
/// Entity spans come first and are never cut: organisations (the spans <see cref="OrganizationIndex"/> found), days
/// (<see cref="DateExpressions"/>), then figures (<see cref="ChineseNumber"/>: 一百七, 三百二, 俩, 仨, 26) with the measure
/// word after them. The gaps between are words classed by <see cref="TokenLexicon"/> (longest match); a character the
/// vocabulary does not know is a word of its own. One pass, no segmenter model: the hot path stays a few microseconds.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, TokenLexicon lexicon, IReadOnlyList<(int Start, int End)> entities, IReadOnlyList<(int Start, int End)> days)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lexicon);
        var tokens = new List<Token>(text.Length + 1); // a token takes one character or more: never grown (half the length was, most messages)
        var i = 0;
        while (i < text.Length)
        {
            if (SpanAt(entities, i) is { } organization)
            {
                tokens.Add(new Token(TokenKind.Organization, i, organization));
                i = organization;
                continue;
            }

            if (SpanAt(days, i) is { } day && !(lexicon.MatchAt(text, i, text.Length) is { Kind: TokenKind.Correction } marker && i + marker.Word.Length > day))
            {
                // A day that begins a longer correction marker (刚才那个不对) is part of the marker.
                tokens.Add(new Token(TokenKind.Date, i, day));
                i = day;
                continue;
            }

            if (IsPause(text[i]))
            {
                tokens.Add(new Token(TokenKind.Pause, i, i + 1));
                i++;
                continue;
            }

            var word = lexicon.MatchAt(text, i, NextEntity(entities, days, i, text.Length));
            if (ChineseNumber.TryRead(text, i, out var value, out var length) && !IsWordWithOne(text, i, length) && !(word is { } w && w.Word.Length > length))
            {
                tokens.Add(new Token(TokenKind.Number, i, i + length, value));
                i += length;
                if (i < text.Length && text[i] == '几')
                {
                    tokens.Add(new Token(TokenKind.Approximation, i, i + 1)); // 十几个
                    i++;
                }
                else if (lexicon.MatchAt(text, i, NextEntity(entities, days, i, text.Length)) is { Kind: TokenKind.Approximation } about)
                {
                    tokens.Add(new Token(TokenKind.Approximation, i, i + about.Word.Length)); // 二十来个, 一百多人
                    i += about.Word.Length;
                }

                if (MeasureAt(text, i) is { } measure)
                {
                    tokens.Add(measure);
                    i = measure.End;
                }

                continue;
            }

            if (word is { } found)
            {
                tokens.Add(new Token(found.Kind, i, i + found.Word.Length, 0, found.Key));
                i += found.Word.Length;
                continue;
            }

            var end = i + 1;
            if (char.IsAsciiLetter(text[i]))
            {
                while (end < text.Length && char.IsAsciiLetter(text[end]))
                {
                    end++;
                }
            }
            else if (char.IsHighSurrogate(text[i]) && end < text.Length)
            {
                end++;
            }

            tokens.Add(new Token(TokenKind.Word, i, end));
            i = end;
        }

        return tokens;
    }

    public static bool IsPause(char c) => c is ',' or '，' or '。' or ';' or '；' or '!' or '！' or '?' or ' ' or '~' or '～' or '…' or '\n' or '、' or ':' or '：';

    /// <summary>一 starting a word (一下, 一起, 一直, 一趟), not a figure: a Han character after it that is no measure or numeral.</summary>
    private static bool IsWordWithOne(string text, int start, int length) =>
        length == 1 && text[start] == '一' && start + 1 < text.Length && TextNormalizer.IsHan(text[start + 1])
        && text[start + 1] is not ('名' or '个' or '位' or '人' or '家') && !ChineseNumber.IsNumeralChar(text[start + 1]);

    private static Token? MeasureAt(string text, int i)
    {
        if (i >= text.Length)
        {
            return null;
        }

        if (text[i] is '个' or '号' && i + 1 < text.Length && text[i + 1] == '人')
        {
            return new Token(TokenKind.Measure, i, i + 2, 0, "人"); // "五十五个人", "八十号人": 个人/号人 count people
        }

        return text[i] is '名' or '个' or '位' or '人' ? new Token(TokenKind.Measure, i, i + 1, 0, text[i].ToString()) : null;
    }

    private static int? SpanAt(IReadOnlyList<(int Start, int End)> spans, int position)
    {
        // Indexed loops: a foreach over the interface boxes an enumerator, and these run at every character.
        for (var k = 0; k < spans.Count; k++)
        {
            var (start, end) = spans[k];
            if (start == position && end > start)
            {
                return end;
            }
        }

        return null;
    }

    /// <summary>Where the next entity span starts after <paramref name="position"/>: no word may run into it.</summary>
    private static int NextEntity(IReadOnlyList<(int Start, int End)> entities, IReadOnlyList<(int Start, int End)> days, int position, int end)
    {
        for (var k = 0; k < entities.Count; k++)
        {
            if (entities[k].Start is var start && start > position && start < end)
            {
                end = start;
            }
        }

        for (var k = 0; k < days.Count; k++)
        {
            if (days[k].Start is var start && start > position && start < end)
            {
                end = start;
            }
        }

        return end;
    }
}
