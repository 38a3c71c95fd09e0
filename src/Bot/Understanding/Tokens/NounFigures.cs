namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>A figure and the count noun it is said with: members (with their category) or employees.</summary>
/// <param name="Noun">Members or Employees.</param>
/// <param name="Start">Where the phrase starts (the noun, or the figure when the noun follows it).</param>
/// <param name="End">Where it ends (after the figure's measure word).</param>
/// <param name="FigureStart">Where the figure starts.</param>
internal readonly record struct NounFigure(TokenKind Noun, int Start, int End, int FigureStart, int Value, bool Approximate, string? Category);

/// <summary>
/// Stage 3: a figure belongs to the noun it is said with, wherever it stands. A count noun takes the first figure after
/// it with only particles, fillers and blanks between (职工一百七, 党员呢是六个, 党员一共四个, 党员还是零个, 人二十六个;
/// at most <see cref="Window"/> words between), unless another count noun right after the figure claims it and has no
/// figure of its own ("职工四十来个党员": left to the older rules). A head count (N个人) after a topic (an organisation or
/// 那边/这边, or a lead of <c>head_count_leads</c>: 他们, 人事说) belongs to employees ("那边五十五个人", "他们现在一百五十六个人"). Each noun takes one figure and each figure one noun; a figure that
/// starts a change ("党员2名增加到5名") is left alone.
/// </summary>
internal static class NounFigures
{
    /// <summary>How many particles, fillers and blanks may stand between a noun and its figure.</summary>
    public const int Window = 4;

    public static List<NounFigure> Pair(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var pairs = new List<NounFigure>();
        var claimed = new HashSet<int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (NounAt(text, tokens, k) is not { } noun || FigureAfter(text, tokens, k) is not { } figure || claimed.Contains(figure.Index))
            {
                continue;
            }

            var (value, end, approximate, next) = Read(text, tokens, figure.Index);
            if ((value != 0 && SaysMoreAfter(text, tokens, next, noun)) || ClaimedByNextNoun(text, tokens, next, noun) || StartsChange(tokens, next) || IsNotACount(text, end))
            {
                continue;
            }

            claimed.Add(figure.Index);
            pairs.Add(new NounFigure(noun, tokens[k].Start, end, tokens[figure.Index].Start, value, approximate || figure.Approximate, tokens[k].Kind == TokenKind.Members ? tokens[k].Key : null));
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            // "那边五十五个人", "他们现在一百五十六个人": a head count after a topic or a lead is the employees'.
            if (tokens[k].Kind != TokenKind.Number || claimed.Contains(k) || k + 1 >= tokens.Count || tokens[k + 1] is not { Kind: TokenKind.Measure, Key: "人" })
            {
                continue;
            }

            var before = Skip(text, tokens, k - 1, -1);
            var (value, end, approximate, next) = Read(text, tokens, k);
            if (before >= 0 && (tokens[before].Kind is TokenKind.Place or TokenKind.Organization or TokenKind.HeadCountLead || StartsPhraseAfterTopic(text, tokens, before, k))
                && !MembersFollow(text, tokens, next) && !IsNotACount(text, end))
            {
                claimed.Add(k);
                pairs.Add(new NounFigure(TokenKind.Employees, tokens[k].Start, end, tokens[k].Start, value, approximate || IsApproximatedBefore(tokens, k), null));
            }
        }

        return pairs;
    }

    /// <summary>
    /// "去了一趟金桥投资 现在八十号人", "坐了一下午 呃 一共五十五个人": a head count said as a phrase of its own (a blank before
    /// it, only fillers and particles between) once an organisation has been named is that organisation's head count; not
    /// "我们三个人一起去的" (a word of its own right before the figure).
    /// </summary>
    private static bool StartsPhraseAfterTopic(string text, IReadOnlyList<Token> tokens, int before, int k)
    {
        var paused = false;
        for (var m = before + 1; m < k; m++)
        {
            paused |= tokens[m].Kind == TokenKind.Pause && !tokens[m].IsHardPause(text);
        }

        if (!paused)
        {
            return false;
        }

        for (var m = before; m >= 0; m--)
        {
            if (tokens[m].Kind == TokenKind.Organization)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The count noun at <paramref name="k"/>: 党员…, 职工…, or 人 (人数) standing alone where a topic or clause starts.</summary>
    private static TokenKind? NounAt(string text, IReadOnlyList<Token> tokens, int k)
    {
        var token = tokens[k];
        if (token.IsCountNoun)
        {
            return token.Kind;
        }

        var standsAlone = k == 0 || tokens[k - 1].Kind is TokenKind.Pause or TokenKind.Organization or TokenKind.Place or TokenKind.Filler or TokenKind.Turn
            || (k >= 2 && tokens[k - 2].Kind == TokenKind.Organization && tokens[k - 1].Length == 1 && text[tokens[k - 1].Start] == '的'); // "汇通汽车的人数": the unit's
        // "恒信建筑 人数现在五十个": 人数 with no noun of its own before it is the head count.
        var headCount = (token.Kind == TokenKind.Word && token.Length == 1 && text[token.Start] == '人')
            || (token.Kind == TokenKind.Particle && text.AsSpan(token.Start, token.Length).SequenceEqual("人数"));
        return headCount && standsAlone ? TokenKind.Employees : null;
    }

    private static (int Index, bool Approximate)? FigureAfter(string text, IReadOnlyList<Token> tokens, int k)
    {
        var approximate = false;
        var j = k + 1;
        for (var skipped = 0; j < tokens.Count && skipped < Window; skipped++, j++)
        {
            var token = tokens[j];
            if (token.Kind == TokenKind.Approximation)
            {
                approximate = true;
            }
            else if (SameAsBeforeEnd(text, tokens, j) is { } after)
            {
                j = after - 1; // "党员人数跟上次报的一样，还是三个": the comparison stands between the noun and its figure
                skipped = -1;
            }
            else if (!(token.Kind is TokenKind.Particle or TokenKind.Filler || (token.Kind == TokenKind.Pause && !token.IsHardPause(text))))
            {
                break;
            }
        }

        return j < tokens.Count && tokens[j].Kind == TokenKind.Number ? (j, approximate) : null;
    }

    /// <summary>How many words a comparison with an earlier report may take ("跟上个月报的" + 一样).</summary>
    private const int ComparisonWords = 8;

    /// <summary>
    /// "跟上次报的一样", "没变化", "同上次": from <paramref name="j"/>, words that compare (no figure, count noun, organisation,
    /// verb or turn among them; 上 of 上次 is no approximation here) closed by a word saying the same (<see cref="TokenKind.Same"/>), and a pause after it:
    /// the index of the token after them, else null.
    /// </summary>
    private static int? SameAsBeforeEnd(string text, IReadOnlyList<Token> tokens, int j)
    {
        for (var m = j; m < tokens.Count && m - j <= ComparisonWords; m++)
        {
            var token = tokens[m];
            if (token.Kind == TokenKind.Same)
            {
                return m + 1 < tokens.Count && tokens[m + 1].Kind == TokenKind.Pause ? m + 2 : m + 1;
            }

            // 上 of 上次/上个月 is also an approximation prefix (上百): inside a comparison it approximates nothing.
            if (!(token.Kind is TokenKind.Word or TokenKind.HeadCountLead or TokenKind.Date or TokenKind.Particle or TokenKind.Filler or TokenKind.Approximation || (token.Kind == TokenKind.Pause && !token.IsHardPause(text))))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The figure at <paramref name="index"/> with its measure and approximation words; the index after them.</summary>
    private static (int Value, int End, bool Approximate, int Next) Read(string text, IReadOnlyList<Token> tokens, int index)
    {
        var value = tokens[index].Value;
        var end = tokens[index].End;
        var approximate = false;
        var next = index + 1;
        for (var guard = 0; guard < 3 && next < tokens.Count; guard++, next++)
        {
            if (tokens[next].Kind == TokenKind.Approximation && tokens[next].Start == end)
            {
                approximate = true;
            }
            else if (tokens[next].Kind != TokenKind.Measure || tokens[next].Start != end)
            {
                break;
            }

            end = tokens[next].End;
        }

        approximate |= IsRange(text, tokens[index].Start, tokens[index].End) || ChineseNumber.IsAfterSeveral(text, tokens[index].Start);
        var rest = text.AsSpan(end);
        if (value == 1 && (rest.StartsWith("没有") || rest.StartsWith("都没") || rest.StartsWith("也没")))
        {
            value = 0; // "党员还是一个没有", "一个都没有": none, not one
        }

        return (value, end, approximate, next);
    }

    /// <summary>
    /// "两名党员 一名预备党员", "三个党员 两个是流动的": the figure is said with words of its own right after it (a noun of
    /// the same kind, 是…, any other word but 了), so it starts a phrase of its own and is not the noun's before it.
    /// </summary>
    private static bool SaysMoreAfter(string text, IReadOnlyList<Token> tokens, int next, TokenKind noun)
    {
        if (next >= tokens.Count)
        {
            return false;
        }

        var token = tokens[next];
        return token.Kind switch
        {
            TokenKind.Word or TokenKind.HeadCountLead => !(token.Length == 1 && text[token.Start] is '了' or '啊' or '呀' or '吧'),
            TokenKind.Members or TokenKind.Employees => token.Kind == noun,
            TokenKind.Particle => next + 1 < tokens.Count && tokens[next + 1].Kind != TokenKind.Pause,
            _ => false,
        };
    }

    /// <summary>"职工四十来个党员就一个" takes the figure for 职工; "员工八十个党员" (党员 without a figure of its own) is unclear.</summary>
    private static bool ClaimedByNextNoun(string text, IReadOnlyList<Token> tokens, int next, TokenKind noun)
    {
        var at = Skip(text, tokens, next, +1);
        return at < tokens.Count && NounAt(text, tokens, at) is { } other && other != noun && FigureAfter(text, tokens, at) is null && !HasNone(text, tokens[at].End);
    }

    private static bool MembersFollow(string text, IReadOnlyList<Token> tokens, int next)
    {
        var at = Skip(text, tokens, next, +1);
        while (at < tokens.Count && tokens[at].Kind == TokenKind.Particle)
        {
            at++; // "3个人是党员", "五个人都是党员"
        }

        return at < tokens.Count && tokens[at].Kind == TokenKind.Members && FigureAfter(text, tokens, at) is null && !HasNone(text, tokens[at].End);
    }

    /// <summary>"党员2名增加到5名": a particle and another figure after this one; the older rules read the change.</summary>
    private static bool StartsChange(IReadOnlyList<Token> tokens, int next) =>
        next + 1 < tokens.Count && tokens[next].Kind == TokenKind.Particle && tokens[next + 1].Kind == TokenKind.Number;

    private static bool IsNotACount(string text, int end) =>
        end < text.Length && (text[end] is '%' or '岁' or '年' or '月' or '次' or '家' or '号' || text.AsSpan(end).StartsWith("以上") || text.AsSpan(end).StartsWith("以下"));

    private static bool HasNone(string text, int end) =>
        text.AsSpan(end).TrimStart(' ') is var rest && (rest.StartsWith("没") || rest.StartsWith("都没") || rest.StartsWith("也没"));

    private static bool IsApproximatedBefore(IReadOnlyList<Token> tokens, int k) => k > 0 && tokens[k - 1].Kind == TokenKind.Approximation;

    private static bool IsRange(string text, int start, int end)
    {
        static bool IsDash(char c) => c is '-' or '~' or '～' or '—' or '－' or '至' or '到';
        return (end + 1 < text.Length && IsDash(text[end]) && ChineseNumber.IsNumeralChar(text[end + 1]))
            || (start >= 2 && IsDash(text[start - 1]) && ChineseNumber.IsNumeralChar(text[start - 2]));
    }

    /// <summary>The first token from <paramref name="k"/> in direction <paramref name="step"/> that is no blank, particle or filler.</summary>
    private static int Skip(string text, IReadOnlyList<Token> tokens, int k, int step)
    {
        while (k >= 0 && k < tokens.Count && (tokens[k].Kind is TokenKind.Filler || (tokens[k].Kind is TokenKind.Pause && !tokens[k].IsHardPause(text)) || (step < 0 && tokens[k].Kind == TokenKind.Particle)))
        {
            k += step;
        }

        return k;
    }
}
