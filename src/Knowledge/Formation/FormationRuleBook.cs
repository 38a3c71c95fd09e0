using System.Text.Json;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// The formation rules (Resources/formation-rules.json) and their citations as found in the indexed documents;
/// a source whose document is not indexed is left out, so a deployment cites the documents it ships.
/// </summary>
public sealed class FormationRuleBook
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private readonly Dictionary<string, FormationRule> rules;
    private readonly KnowledgeIndex index;
    private readonly Dictionary<string, IReadOnlyList<(RuleSource Source, Citation Citation)>> citations = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private int citedVersion = -1;

    public FormationRuleBook(KnowledgeIndex index, IEnumerable<FormationRule>? rules = null)
    {
        this.index = index;
        this.rules = (rules ?? LoadDefault()).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<FormationRule> Rules => rules.Values;

    public FormationRule this[string id] => rules[id];

    /// <summary>The passages that state a rule, as citations, in the order of its sources.</summary>
    public IReadOnlyList<Citation> Cite(string ruleId) => [.. CitedSources(ruleId).Select(c => c.Citation)];

    /// <summary>The rule's sources found in the indexed documents, each with its citation, in the order of the sources.</summary>
    public IReadOnlyList<(RuleSource Source, Citation Citation)> CitedSources(string ruleId)
    {
        lock (gate)
        {
            if (citedVersion != index.Version)
            {
                citations.Clear();
                citedVersion = index.Version;
            }

            if (!citations.TryGetValue(ruleId, out var found))
            {
                found = [.. rules[ruleId].Sources.Select(s => (Source: s, Citation: Find(s))).Where(p => p.Citation is not null).Select(p => (p.Source, p.Citation!))];
                citations[ruleId] = found;
            }

            return found;
        }
    }

    /// <summary>
    /// The rule as the deployment can cite it: in the words of its first indexed source (a source may state it in its own
    /// words: 003 says "合理确定联合组建企业（单位）数" where 001 says "不超过3个"), with that citation; when no source is
    /// indexed, the rule's statement naming the document it follows, without a citation.
    /// </summary>
    public (string Text, Citation? Citation) Statement(string ruleId)
    {
        var rule = rules[ruleId];
        if (CitedSources(ruleId) is [var first, ..])
        {
            return (first.Source.Text ?? rule.Text, first.Citation);
        }

        return ($"{rule.Text}（依据《{rule.Sources[0].Document}》，该文件未收入本知识库）", null);
    }

    private Citation? Find(RuleSource source)
    {
        var wanted = TextCleaner.Normalize(source.Quote);
        var hits = index.Search([source.Quote], 30);
        var match = hits
            .Where(h => TextCleaner.Normalize(h.Text).Contains(wanted, StringComparison.Ordinal))
            .OrderByDescending(h => TextCleaner.Normalize(h.DocumentTitle).Contains(TextCleaner.Normalize(source.Document), StringComparison.Ordinal))
            .FirstOrDefault();
        if (match is null)
        {
            return null;
        }

        return new Citation(match.DocumentTitle, match.Section, QuoteAround(match.Text, wanted));
    }

    /// <summary>The sentence(s) of the passage that hold the quote, in the passage's own words.</summary>
    private static string QuoteAround(string text, string wanted)
    {
        var sentences = Sentences.Split(text);
        for (var width = 1; width <= 4; width++)
        {
            for (var first = 0; first + width <= sentences.Count; first++)
            {
                var span = text[sentences[first].Start.Value..sentences[first + width - 1].End.Value];
                if (TextCleaner.Normalize(span).Contains(wanted, StringComparison.Ordinal))
                {
                    return span;
                }
            }
        }

        return text;
    }

    private static List<FormationRule> LoadDefault()
    {
        using var stream = typeof(FormationRuleBook).Assembly.GetManifestResourceStream("InstructorBot.Knowledge.formation-rules.json")
            ?? throw new InvalidOperationException("formation-rules.json resource missing");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("rules").Deserialize<List<FormationRule>>(Json) ?? [];
    }
}
