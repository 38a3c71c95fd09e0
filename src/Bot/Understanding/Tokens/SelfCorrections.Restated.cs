namespace InstructorBot.Bot.Understanding.Tokens;

// Round 17 (r17-ucorrect): a figure said again after 哦 with no marker ("员工一百四 哦一百四十个 党员就一个").
internal static partial class SelfCorrections
{
    /// <summary>
    /// "员工一百四 哦一百四十个 党员就一个", "找着三个党员 哦三个 都是口袋的": after a pause, 哦 and a figure of the same value as
    /// the figure said right before the pause (only its measure word and count noun between): the speaker says the figure
    /// again, nothing new; 哦 and the echo go, so the echo is not read as the figure of the noun said after it.
    /// </summary>
    private static string? RestatedAfterInterjection(string text, List<Token> tokens)
    {
        for (var k = 2; k + 1 < tokens.Count; k++)
        {
            if (text[tokens[k].Start] != '哦' || tokens[k - 1].Kind != TokenKind.Pause)
            {
                continue;
            }

            var n = tokens[k].End == tokens[k + 1].Start && tokens[k].Length == 1 ? k + 1 : -1;
            if (n < 0 || tokens[n].Kind != TokenKind.Number)
            {
                continue;
            }

            var y = k - 2;
            while (y >= 0 && y >= k - 4 && (tokens[y].Kind == TokenKind.Measure || tokens[y].IsCountNoun))
            {
                y--;
            }

            if (y < 0 || tokens[y].Kind != TokenKind.Number || tokens[y].Value != tokens[n].Value || tokens[y].Value <= 0)
            {
                continue;
            }

            var end = n + 1 < tokens.Count && tokens[n + 1].Kind == TokenKind.Measure && tokens[n + 1].Start == tokens[n].End ? tokens[n + 1].End : tokens[n].End;
            return string.Concat(text.AsSpan(0, tokens[k].Start), text.AsSpan(end));
        }

        return null;
    }
}
