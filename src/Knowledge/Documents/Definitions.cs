using System.Text.RegularExpressions;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Documents;

/// <summary>A term the documents name (“五个清”, 新就业群体, “空壳”) and the words they define or describe it with.</summary>
public sealed record Definition(string Term, string Description);

/// <summary>
/// The documents' own definitions, read at ingestion: a quoted or listed term and the clause that explains it. A user
/// describes a thing in everyday words ("只有个营业执照，没人也不营业") where the documents name it ("有名无实的“空壳”企业"):
/// the description is what the question's words can meet. Patterns (on the folded text, so quotes are <c>"</c> and
/// brackets and punctuation half-width):
/// <list type="bullet">
/// <item>a term with an explaining clause: <c>T，即D</c>, <c>T是指D</c>, <c>T指的是D</c>, <c>T主要包括D</c>;</item>
/// <item>a quoted term after its modifier: <c>D的“T”</c> (剔除有名无实的“空壳”企业);</item>
/// <item>a list and the term it makes up, ending its clause: <c>D1、D2等T</c> (网约工、网络主播等新就业群体), <c>D1、D2等“T”</c>;</item>
/// <item>a quoted term with its members in brackets: <c>“T”（D）</c> (an unquoted one has no sure start);</item>
/// <item>a quoted term announcing what follows: <c>“T”：D</c>.</item>
/// </list>
/// </summary>
public static partial class Definitions
{
    /// <summary>Longest term kept: a longer run is a clause, not a name.</summary>
    private const int MaxTerm = 12;

    /// <summary>Longest unquoted term: past six characters an unquoted run is a clause ("部门要根据工作分工").</summary>
    private const int MaxUnquoted = 6;

    /// <summary>Every definition the text gives, in order, each pair once.</summary>
    public static IReadOnlyList<Definition> Extract(string text)
    {
        var folded = TextCleaner.Fold(text);
        var found = new List<Definition>();
        foreach (Match m in Explained().Matches(folded))
        {
            Add(found, m.Groups["t"].Value, m.Groups["d"].Value);
        }

        foreach (Match m in Modified().Matches(folded))
        {
            Add(found, '"' + m.Groups["t"].Value + '"', m.Groups["d"].Value);
        }

        foreach (Match m in Listed().Matches(folded))
        {
            Add(found, m.Groups["t"].Value, m.Groups["d"].Value);
        }

        foreach (Match m in Bracketed().Matches(folded).Where(m => !m.Groups["d"].Value.Any(char.IsAsciiDigit)))
        {
            // "(8月15日前)" dates a heading, "(附表1、2)" points at a form: neither describes.
            Add(found, m.Groups["t"].Value, m.Groups["d"].Value);
        }

        foreach (Match m in Announced().Matches(folded))
        {
            Add(found, '"' + m.Groups["t"].Value + '"', m.Groups["d"].Value);
        }

        return found;
    }

    /// <summary>
    /// The definitions of a whole document (its passages' texts): a term given three or more descriptions in one document
    /// is a common name that its clauses merely modify ("对未建立党组织的“两新”组织", "“两新”党建基数"), not a defined one.
    /// </summary>
    public static IReadOnlyList<Definition> OfDocument(IEnumerable<string> passageTexts)
    {
        var found = passageTexts.SelectMany(Extract).Distinct().ToList();
        var common = found.GroupBy(d => d.Term, StringComparer.Ordinal).Where(g => g.Count() >= CommonName).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. found.Where(d => !common.Contains(d.Term))];
    }

    /// <summary>Descriptions of one term in one document from which it is a common name rather than a defined one.</summary>
    private const int CommonName = 3;

    /// <summary>The definitions of a whole document that bear on one passage: those whose term the passage names.</summary>
    public static IReadOnlyList<Definition> For(string passageText, IReadOnlyList<Definition> documentDefinitions)
    {
        var form = TextCleaner.MatchForm(passageText);
        return [.. documentDefinitions.Where(d => form.Contains(TextCleaner.MatchForm(d.Term), StringComparison.Ordinal))];
    }

    /// <summary>Stored form: "term\u001fdescription" pairs joined by \u001e.</summary>
    public static string Serialize(IEnumerable<Definition> definitions) =>
        string.Join('\u001e', definitions.Select(d => d.Term + "\u001f" + d.Description));

    public static IReadOnlyList<Definition> Deserialize(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : [.. stored.Split('\u001e').Select(p => p.Split('\u001f')).Where(p => p.Length == 2).Select(p => new Definition(p[0], p[1]))];

    /// <summary>
    /// Keeps a pair when its term is a name: quoted (“空壳”, any length from two), or unquoted of three to six characters
    /// (新就业群体): an unquoted two-character head (工作, 方式, 部门) is a generic word that a list merely ends with.
    /// </summary>
    private static void Add(List<Definition> found, string term, string description)
    {
        var quoted = term.Length > 2 && term[0] == '"' && term[^1] == '"';
        term = term.Trim().Trim('"');
        description = description.Trim().Trim(',', '、', ':', '"').Trim();
        if (term.Length < 2 || term.Length > MaxTerm || !quoted && (term.Length < 3 || term.Length > MaxUnquoted)
            || description.Count(TextCleaner.IsCjk) < 2 || !term.All(TextCleaner.IsCjk)
            || found.Any(f => f.Term == term && f.Description == description))
        {
            return;
        }

        found.Add(new Definition(term, description));
    }

    // The term of an explaining clause: a quoted name, or the run after the clause's last break.
    [GeneratedRegex(@"(?<t>""[^""]{2,12}""|[^,，;；。:：、()""]{2,12}?)(?<![立随当旋])(?:,|，)?(?:即|是指|指的是|主要是指|主要指|主要包括|具体包括)(?<d>[^;；。]{2,80})")]
    private static partial Regex Explained();

    [GeneratedRegex(@"(?<d>[^,，;；。:：、()""]{2,20})的""(?<t>[^""]{2,12})""")]
    private static partial Regex Modified();

    [GeneratedRegex(@"(?<d>(?:[^,，;；。:：、""]{2,20}、)+[^,，;；。:：、""]{2,20})等(?<t>""[^""]{2,12}""|[^,，;；。:：、()""]{2,12})")]
    private static partial Regex Listed();

    [GeneratedRegex(@"(?<t>""[^""]{2,12}"")\((?<d>[^()]{2,60})\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"""(?<t>[^""]{2,12})""[:：](?<d>[^。]{2,120})")]
    private static partial Regex Announced();

    [GeneratedRegex(@"""(?<q>[^""]{2,12})""\s*$")]
    private static partial Regex QuotedTerm();
}
