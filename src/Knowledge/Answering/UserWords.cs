using System.Collections.Concurrent;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// What users call a sentence (round 14, r14-qlearn): for a sentence of the documents, the asking-clause words (the
/// question's terms, generic words and the telling clauses left out) of the questions users asked whose answer it is. A
/// candidate sentence holding a key of <see cref="Resources"/>'s user-words.tsv carries those words; a question's asking
/// terms that are among them lift the sentence below what its own words give (<see cref="AskService.UserShare"/>) and are a
/// feature of the judge ("user_words"). The shipped file is built from every question file with gold (own sets and the blind
/// batches' development folds) by tools/build-user-words.sh; HeldOutFoldTests builds it per fold from the other folds only.
/// </summary>
public sealed class UserWords
{
    /// <summary>The fewest characters a key has (in <see cref="TextCleaner.MatchForm"/>): a shorter quote marks too many sentences.</summary>
    public const int MinKeyLength = 6;

    private readonly (string Key, string[] Words)[] entries;

    // A sentence's words are looked up once per distinct sentence form; the index holds a bounded set of them.
    private readonly ConcurrentDictionary<string, HashSet<string>?> bySentence = new(StringComparer.Ordinal);

    /// <param name="lines">Per answered question: the keys (quotes of its answer, any one marks it) and its asking words.</param>
    public UserWords(IEnumerable<(IReadOnlyList<string> Keys, IReadOnlyList<string> Words)> lines)
    {
        var byKey = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (keys, words) in lines)
        {
            foreach (var key in keys.Select(TextCleaner.MatchForm).Where(k => k.Length >= MinKeyLength).Distinct())
            {
                if (!byKey.TryGetValue(key, out var set))
                {
                    byKey[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(words);
            }
        }

        entries = [.. byKey.Where(e => e.Value.Count > 0).Select(e => (e.Key, e.Value.ToArray()))];
    }

    public static UserWords Empty { get; } = new([]);

    private static readonly Lazy<UserWords> Shipped = new(() =>
    {
        using var stream = typeof(UserWords).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.user-words.tsv");
        return stream is null ? Empty : Read(new StreamReader(stream));
    });

    /// <summary>The shipped file (Resources/user-words.tsv).</summary>
    public static UserWords Default => Shipped.Value;

    /// <summary>How many keys carry words.</summary>
    public int Count => entries.Length;

    /// <summary>
    /// The words users asked a sentence by (its match form): of every key it holds, and of every key that holds it (a quote
    /// running over two sentences marks both). Null when none.
    /// </summary>
    public HashSet<string>? Of(string sentenceForm) =>
        entries.Length == 0 || sentenceForm.Length < MinKeyLength ? null : bySentence.GetOrAdd(sentenceForm, Find);

    private HashSet<string>? Find(string form)
    {
        HashSet<string>? words = null;
        foreach (var (key, keyWords) in entries)
        {
            if (form.Contains(key, StringComparison.Ordinal) || key.Contains(form, StringComparison.Ordinal))
            {
                (words ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(keyWords);
            }
        }

        return words;
    }

    /// <summary>Lines <c>KEY&lt;TAB&gt;WORD WORD…</c>; '#' starts a comment line.</summary>
    public static UserWords Read(TextReader reader)
    {
        var lines = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                lines.Add(([line[..tab]], line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        return new UserWords(lines);
    }

    /// <summary>The file's text (<see cref="Read"/> reads it back to the same words).</summary>
    public string Write(string header) =>
        string.Concat(header.Split('\n').Select(h => "# " + h + "\n")) + string.Concat(entries.Select(e => e.Key + "\t" + string.Join(' ', e.Words) + "\n"));
}
