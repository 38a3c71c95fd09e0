using System.Security.Cryptography;
using System.Text;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Search;

/// <summary>One line of the question bank: a question users ask and the key of the sentence that answers it.</summary>
/// <param name="Key">A literal run of the answering sentence (8–30 characters of the whitespace-free document text).</param>
/// <param name="Question">The question as the knowledge team wrote it.</param>
/// <param name="Source">Where the line is: file and line number.</param>
public sealed record BankQuestion(string Key, string Question, string Source)
{
    /// <summary>
    /// The document the line was written for: its bank file's name up to a first dash ("001" of asked/001.tsv and of
    /// asked/001-2.tsv, a second writer's questions for the same keys).
    /// </summary>
    public string Document { get; } = DocumentOf(Source);

    private static string DocumentOf(string source)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(source[..source.LastIndexOf(':')]);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? name[..dash] : name;
    }
}

/// <summary>
/// The question bank ("相似问法"): per answering sentence of a document, the questions users ask that it answers, in their
/// words, written by a knowledge team from the documents themselves (never from evaluation questions): shipped data in
/// Resources/asked/NNN.tsv, lines <c>KEY&lt;TAB&gt;QUESTION</c>. At indexing every passage whose text holds a key gets that
/// key's questions (<see cref="KnowledgeIndex"/>), for shipped and added documents alike: the bank of a document added with
/// <c>index</c> applies because its text holds the keys. A user question then finds a passage through the questions it answers.
/// </summary>
public sealed class QuestionBank
{
    private readonly Dictionary<string, List<BankQuestion>> byKey;
    private readonly Dictionary<ulong, List<string>> byPrefix = [];
    private readonly string[] documents;

    private QuestionBank(IReadOnlyList<BankQuestion> questions, IReadOnlyList<string> problems)
    {
        Questions = questions;
        Problems = problems;
        documents = [.. questions.Select(q => q.Document).Distinct().Where(d => d.Length > 0)];
        byKey = questions.GroupBy(q => KeyForm(q.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var key in byKey.Keys)
        {
            var prefix = Prefix(key, 0);
            if (!byPrefix.TryGetValue(prefix, out var keys))
            {
                byPrefix[prefix] = keys = [];
            }

            keys.Add(key);
        }

        var text = string.Join('\n', questions.Select(q => q.Key + "\t" + q.Question));
        Stamp = questions.Count == 0 ? "none" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>
    /// This bank without the lines of one document (<see cref="BankQuestion.Document"/>): that document read as one a
    /// deployment adds, which has no bank questions of its own (for measuring; docs/knowledge.md, round 9).
    /// </summary>
    public QuestionBank Without(string document) => new([.. Questions.Where(q => q.Document != document)], Problems);

    /// <summary>The fewest characters a key has (in <see cref="KeyForm"/>): shorter ones are reported and not used.</summary>
    public const int MinKeyLength = 8;

    /// <summary>No bank: the index and the answers as without one (for measuring what the bank adds).</summary>
    public static QuestionBank Empty { get; } = new([], []);

    private static readonly Lazy<QuestionBank> Shipped = new(LoadShipped);

    /// <summary>The bank shipped inside the assembly (Resources/asked/*.tsv).</summary>
    public static QuestionBank Default => Shipped.Value;

    /// <summary>Every question, in file order.</summary>
    public IReadOnlyList<BankQuestion> Questions { get; }

    /// <summary>Lines that could not be read (no tab, more than one, a key too short), each with its source.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Changes whenever the bank does: an index written with another bank is rebuilt.</summary>
    public string Stamp { get; }

    /// <summary>The distinct keys, in <see cref="KeyForm"/>.</summary>
    public IReadOnlyCollection<string> Keys => byKey.Keys;

    /// <summary>The questions of a key (in <see cref="KeyForm"/>).</summary>
    public IReadOnlyList<BankQuestion> Of(string key) => byKey.TryGetValue(key, out var questions) ? questions : [];

    /// <summary>
    /// Text as keys are matched in it: NFKC with quotes folded (<see cref="TextCleaner.Normalize"/>), no whitespace, and no
    /// markdown marks (#, *, -), which the writers' whitespace-free file text keeps and a cleaned passage does not.
    /// </summary>
    public static string KeyForm(string text)
    {
        var normalized = TextCleaner.Normalize(text);
        var result = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is not ('#' or '*' or '-'))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The bank document whose keys alone may mark a passage of the document file <paramref name="fileName"/>: a document the
    /// bank was written for (its name starts with a bank file's name, "001-quality-plan.txt" for asked/001.tsv) takes only its
    /// own file's lines, since another document may quote the same words (002 and 003 both write "明确推进“两个覆盖”的任务措施");
    /// any other document (one a deployment adds under its own name) takes every line whose key its text holds: null.
    /// </summary>
    public string? ScopeOf(string fileName) => documents.FirstOrDefault(d => fileName.StartsWith(d, StringComparison.OrdinalIgnoreCase));

    /// <summary>The questions of a key (in <see cref="KeyForm"/>) for a passage of <paramref name="scope"/> (<see cref="ScopeOf"/>).</summary>
    public IEnumerable<BankQuestion> Of(string key, string? scope) => scope is null ? Of(key) : Of(key).Where(q => q.Document == scope);

    /// <summary>The keys <paramref name="keyForm"/> (a text in <see cref="KeyForm"/>) holds, each with where it first stands.</summary>
    public IReadOnlyList<(string Key, int At)> Find(string keyForm)
    {
        var found = new List<(string, int)>();
        if (byPrefix.Count == 0)
        {
            return found;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var at = 0; at + 4 <= keyForm.Length; at++)
        {
            if (!byPrefix.TryGetValue(Prefix(keyForm, at), out var keys))
            {
                continue;
            }

            foreach (var key in keys)
            {
                if (at + key.Length <= keyForm.Length && string.CompareOrdinal(keyForm, at, key, 0, key.Length) == 0 && seen.Add(key))
                {
                    found.Add((key, at));
                }
            }
        }

        return found;
    }

    /// <summary>The bank of lines <c>KEY&lt;TAB&gt;QUESTION</c> (# comments, blank lines skipped) of each named text.</summary>
    public static QuestionBank Parse(IEnumerable<(string Source, string Text)> files)
    {
        var questions = new List<BankQuestion>();
        var problems = new List<string>();
        foreach (var (source, text) in files)
        {
            var number = 0;
            foreach (var raw in text.Split('\n'))
            {
                number++;
                var line = raw.TrimEnd('\r');
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var cells = line.Split('\t');
                var where = $"{source}:{number}";
                if (cells.Length != 2 || cells[1].Trim().Length == 0)
                {
                    problems.Add($"{where}: one tab between key and question");
                    continue;
                }

                if (KeyForm(cells[0]).Length < MinKeyLength)
                {
                    problems.Add($"{where}: key shorter than {MinKeyLength} characters");
                    continue;
                }

                questions.Add(new BankQuestion(cells[0].Trim(), cells[1].Trim(), where));
            }
        }

        return new QuestionBank(questions, problems);
    }

    private static QuestionBank LoadShipped()
    {
        var assembly = typeof(QuestionBank).Assembly;
        const string prefix = "InstructorBot.Knowledge.asked.";
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add(("asked/" + name[prefix.Length..], reader.ReadToEnd()));
        }

        return Parse(files);
    }

    private static ulong Prefix(string text, int at) =>
        text[at] | (ulong)text[at + 1] << 16 | (ulong)text[at + 2] << 32 | (ulong)text[at + 3] << 48;
}
