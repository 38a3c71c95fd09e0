namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>
/// The vocabulary's word classes as one lexicon for the token layer: per first character, the words that start with
/// it, longest first, each with its class. Built once per vocabulary (see <see cref="UnderstandingRules"/>); a probe is
/// a dictionary lookup and a few span comparisons, so classing a message costs about as much as one keyword scan.
/// Where one word is in two classes, the class listed first here wins (不对 is a correction before a negation).
/// </summary>
internal sealed class TokenLexicon
{
    private readonly Dictionary<char, (string Word, TokenKind Kind, string? Key)[]> byFirst;

    public TokenLexicon(Vocabulary v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var entries = new List<(string Word, TokenKind Kind, string? Key)>();
        void Add(IEnumerable<string> words, TokenKind kind) => entries.AddRange(words.Select(w => (w, kind, (string?)null)));

        Add(v.CorrectionMarkers, TokenKind.Correction);
        Add(v.PauseCorrectionMarkers, TokenKind.Correction);
        Add(v.SpokenFillers, TokenKind.Filler);
        entries.AddRange(v.MemberCategories.Select(c => (c.Key, TokenKind.Members, (string?)c.Value)));
        entries.Add(("党员", TokenKind.Members, null));
        Add(v.EmployeeWords, TokenKind.Employees);
        Add(v.TopicPlaceWords, TokenKind.Place);
        Add(v.SequenceWords, TokenKind.Turn);
        Add(v.TopicShiftMarkers, TokenKind.Turn);
        Add(v.DiscoveryVerbs, TokenKind.Discovery);
        Add(v.VisitVerbs, TokenKind.Visit);
        Add(v.MotionVerbs.Where(w => w.Length > 1), TokenKind.Visit); // 去/到 alone are too common to class
        Add(v.SameAsBeforeWords, TokenKind.Same); // before negations: 没变 says the same, it negates nothing
        Add(v.NegationMarkers, TokenKind.Negation);
        Add(v.ApproximationPrefixes, TokenKind.Approximation);
        Add(v.ApproximationSuffixes, TokenKind.Approximation);
        Add(v.FigureParticles, TokenKind.Particle);
        Add(v.HeadCountLeads, TokenKind.HeadCountLead);
        Add(v.FactFillers.Where(w => w.Length > 0 && TextNormalizer.IsHan(w[0]) && w is not ("的" or "了")), TokenKind.Particle);

        byFirst = entries
            .Select(e => (Word: TextNormalizer.NormalizeName(e.Word), e.Kind, e.Key))
            .Where(e => e.Word.Length > 0)
            .DistinctBy(e => e.Word)
            .GroupBy(e => e.Word[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Word.Length).ToArray());
    }

    /// <summary>The longest word of any class that starts at <paramref name="position"/> and ends by <paramref name="end"/>.</summary>
    public (string Word, TokenKind Kind, string? Key)? MatchAt(string text, int position, int end)
    {
        if (position >= end || !byFirst.TryGetValue(text[position], out var words))
        {
            return null;
        }

        foreach (var entry in words)
        {
            if (position + entry.Word.Length <= end && text.AsSpan(position, entry.Word.Length).SequenceEqual(entry.Word))
            {
                return entry;
            }
        }

        return null;
    }
}
