namespace InstructorBot.Knowledge.Answering;

/// <summary>
/// The words writers put at the head of a clause ("…不承认，文件里对这种情况…", "…，这种情况…", "…，我想问…"), learned from
/// the punctuated questions of the development batches (Resources/clause-openers.tsv, tools/clause-openers.py). A message
/// typed without any punctuation ("仁爱医院那边有俩人我估计是口袋党员…问他也不承认文件里对这种情况是咋说的") is read as one
/// clause: its whole situation asks, and the judge's "subject missing" reads the situation as the subject. Broken once
/// before the first opener that a question word follows, it is told, then asked, as a punctuated message is
/// (docs/knowledge.md, round 24).
/// </summary>
public sealed class ClauseOpeners(IReadOnlyList<string> openers)
{
    /// <summary>A message shorter than this, without punctuation, is one clause ("支部书记怎么产生"): it is not broken.</summary>
    public const int MinLength = 20;

    /// <summary>The told part before the break holds at least this many characters.</summary>
    private const int MinTold = 4;

    private static readonly Lazy<ClauseOpeners> Shipped = new(LoadDefault);

    /// <summary>The openers shipped inside the assembly (Resources/clause-openers.tsv).</summary>
    public static ClauseOpeners Default => Shipped.Value;

    public IReadOnlyList<string> Openers { get; } = openers;

    /// <summary>
    /// <paramref name="message"/> with a clause break ("，") before the first opener, past its first <see cref="MinTold"/>
    /// characters, after which one of <paramref name="interrogatives"/> stands; unchanged when the message has any clause
    /// punctuation, is shorter than <see cref="MinLength"/>, or has no such opener.
    /// </summary>
    public string Break(string message, IReadOnlyList<string> interrogatives)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(interrogatives);
        var body = message.TrimEnd('？', '?', '！', '!', '。', '.');
        if (body.Length < MinLength || body.AsSpan().IndexOfAny(Punctuation) >= 0)
        {
            return message;
        }

        for (var at = MinTold; at < body.Length - 1; at++)
        {
            foreach (var opener in Openers)
            {
                if (body.AsSpan(at).StartsWith(opener, StringComparison.Ordinal)
                    && interrogatives.Any(w => body.IndexOf(w, at, StringComparison.Ordinal) >= 0))
                {
                    return string.Concat(message.AsSpan(0, at), "，", message.AsSpan(at));
                }
            }
        }

        return message;
    }

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create("，,。？?！!；;、：: \t\n");

    private static ClauseOpeners LoadDefault()
    {
        using var stream = typeof(ClauseOpeners).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.clause-openers.tsv")
            ?? throw new InvalidOperationException("clause-openers.tsv resource missing");
        using var reader = new StreamReader(stream);
        var openers = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                openers.Add(line.Split('\t')[0]);
            }
        }

        return new ClauseOpeners(openers);
    }
}
