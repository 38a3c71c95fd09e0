using System.Text;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// A class noun cut short by the writer ("单独建了党支 6个党员", "成立联合党支 书记黄丽", "派了指导 王芳", "指导就我 孙磊"): the cut is
/// read as the shortest word of its class that it begins (party_organization_words: 党支 → 党支部; instructor_words: 指导 →
/// 指导员). A cut is taken only where it can be no other word: a body noun (forming_phrases.cut_nouns) where no Han character
/// goes on after it, or a day word, an adverb (cut_follows) or a formation verb does (党支书, 党支持 are other words); a post
/// noun (cut_post_nouns: 指导 is also a verb) only in the post's slot, after an appointing verb (cut_post_leads: 派了) or before
/// the holder's link (cut_post_follows: 就我, 就是), and there too with no other Han character after it.
/// One pass over the message per cut noun (an ordinal IndexOf); a new string only when a cut is read.
/// </summary>
internal sealed class CutNouns
{
    private readonly (string Cut, string Full, bool Post)[] cuts;
    private readonly KeywordSet follows;
    private readonly KeywordSet postLeads;
    private readonly KeywordSet postFollows;
    private readonly KeywordSet formation;

    public CutNouns(Vocabulary vocabulary, KeywordSet formationVerbs)
    {
        string? FullOf(string cut, IEnumerable<string> words) =>
            words.Where(w => w.Length > cut.Length && w.StartsWith(cut, StringComparison.Ordinal)).OrderBy(w => w.Length).FirstOrDefault();
        var lists = vocabulary.FormingPhrases;
        List<string> Words(string key) => lists.TryGetValue(key, out var words) ? words : [];
        var found = new List<(string, string, bool)>();
        foreach (var cut in Words("cut_nouns"))
        {
            if (FullOf(cut, vocabulary.PartyOrganizationWords.Keys) is { } full)
            {
                found.Add((cut, full, false));
            }
        }

        foreach (var cut in Words("cut_post_nouns"))
        {
            if (FullOf(cut, vocabulary.InstructorWords) is { } full)
            {
                found.Add((cut, full, true));
            }
        }

        cuts = [.. found.OrderByDescending(c => c.Item1.Length)];
        follows = new(Words("cut_follows"));
        postLeads = new(Words("cut_post_leads"));
        postFollows = new(Words("cut_post_follows"));
        formation = formationVerbs;
    }

    /// <summary><paramref name="text"/> with every cut read as its full word (the same instance when there is none).</summary>
    public string Restore(string text)
    {
        StringBuilder? restored = null;
        var copied = 0;
        var taken = new List<(int Start, int End, string Full)>();
        foreach (var (cut, full, post) in cuts)
        {
            for (var at = text.IndexOf(cut, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cut, at + cut.Length, StringComparison.Ordinal))
            {
                if (taken.Any(t => t.Start < at + cut.Length && at < t.End) || !IsCutAt(text, at, cut, full, post))
                {
                    continue;
                }

                taken.Add((at, at + cut.Length, full));
            }
        }

        if (taken.Count == 0)
        {
            return text;
        }

        foreach (var (start, end, full) in taken.OrderBy(t => t.Start))
        {
            restored ??= new StringBuilder(text.Length + 4 * taken.Count);
            restored.Append(text, copied, start - copied).Append(full);
            copied = end;
        }

        return restored!.Append(text, copied, text.Length - copied).ToString();
    }

    private bool IsCutAt(string text, int at, string cut, string full, bool post)
    {
        var end = at + cut.Length;
        if (text.AsSpan(at).StartsWith(full, StringComparison.Ordinal))
        {
            return false; // the word said whole
        }

        var followed = postFollows.MatchAt(text, end) is not null;
        var open = end >= text.Length || !TextNormalizer.IsHan(text[end]);
        if (!post)
        {
            return open || follows.MatchAt(text, end) is not null || formation.MatchAt(text, end) is not null;
        }

        return (open || followed) && (followed || LedByAppointment(text, at));
    }

    private bool LedByAppointment(string text, int at)
    {
        for (var length = 1; length <= 4 && length <= at; length++)
        {
            if (postLeads.MatchAt(text, at - length, at) is { } lead && lead.Length == length)
            {
                return true;
            }
        }

        return false;
    }
}
