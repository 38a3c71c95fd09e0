using System.Security.Cryptography;
using System.Text;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The vocabulary's word classes the mention classifier sees as features (a visit verb in the clause, a plan marker
/// before the unit …): one pass over the text finds every word of every class, each position with the classes of the
/// words starting there. The same classes the rules match, so the model need not learn 走访 and 拜访 apart.
/// </summary>
public sealed class MentionWordClasses
{
    private readonly Dictionary<char, (string Word, int Classes)[]> byFirst;

    public MentionWordClasses(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var v = vocabulary;
        IEnumerable<string>[] classes =
        [
            v.VisitVerbs,
            v.MotionVerbs,
            [.. v.DiscoveryVerbs, .. v.DiscoveryAfterVerbs],
            v.HireVerbs,
            [.. v.MemberCategories.Keys, .. v.CategoryShortWords.Keys, "党员"],
            [.. v.FormationVerbs, .. v.CompletionVerbs],
            v.MassOrganizations.Keys,
            v.PartyOrganizationWords.Keys,
            v.PairingVerbs,
            [.. v.Statuses.Keys, .. v.StatusDescriptions],
            v.EmployeeWords,
            v.NegationMarkers,
            v.PlanMarkers,
            v.QuestionMarkers,
            v.ConditionalMarkers,
            v.SequenceWords,
            [.. v.LookupPhrases, .. v.LookupQuestions],
            [.. v.AdvicePhrases.Where(p => !p.Contains('+')), .. v.HowMarkers, .. v.AdviceWithFiguresPhrases],
            v.InstructorWords,
            v.TopicShiftMarkers,
            [.. v.VisitStayVerbs, .. v.VisitPlaceMarkers, .. v.StayPlaceVerbs],
            v.RequestMarkers,
            v.SelfAgentPhrases,
            [.. v.JointWords, .. v.JointModes.Keys],
            v.OrganizationPronouns,
            v.RespectivelyMarkers,
        ];
        Count = classes.Length;
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Length; c++)
        {
            foreach (var word in classes[c].Select(TextNormalizer.NormalizeName).Where(w => w.Length > 0))
            {
                words[word] = words.GetValueOrDefault(word) | (1 << c);
            }
        }

        byFirst = words.GroupBy(p => p.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToArray());
        var fingerprint = new StringBuilder();
        foreach (var (word, bits) in words.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            fingerprint.Append(word).Append('\t').Append(bits).Append('\n');
        }

        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint.ToString())))[..16];
    }

    /// <summary>How many classes (at most 32).</summary>
    public int Count { get; }

    /// <summary>A hash of the words and their classes: a model trained with other classes is not reused (the cache key).</summary>
    public string Fingerprint { get; }

    /// <summary>Every word of a class in <paramref name="text"/>: where it starts, where it ends, and its classes.</summary>
    public void Find(string text, List<(int Start, int End, int Classes)> found)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(found);
        found.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            if (!byFirst.TryGetValue(text[i], out var words))
            {
                continue;
            }

            var bits = 0;
            var end = i;
            foreach (var (word, classes) in words)
            {
                if (i + word.Length <= text.Length && text.AsSpan(i, word.Length).SequenceEqual(word))
                {
                    bits |= classes;
                    end = Math.Max(end, i + word.Length);
                }
            }

            if (bits != 0)
            {
                found.Add((i, end, bits));
            }
        }
    }
}
