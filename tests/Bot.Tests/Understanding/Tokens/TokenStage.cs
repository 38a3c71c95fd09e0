using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding.Tokens;

/// <summary>The token layer over the fixture ledger and the shipped vocabulary, as the understanding builds it.</summary>
internal static class TokenStage
{
    public static readonly UnderstandingRules Rules = new(Vocabulary.Default());

    public static readonly OrganizationIndex Index = new(FixtureLedger.Organizations(), Vocabulary.Default());

    public static readonly DateOnly Today = new(2026, 12, 5);

    public static (IReadOnlyList<(int Start, int End)> Names, IReadOnlyList<(int Start, int End)> Days) Entities(string text) => (
        [.. Index.FindMentions(text).Where(m => !m.IsGeneric).Select(m => (m.Start, m.End))],
        [.. DateExpressions.Find(text, Today).Select(d => (d.Start, d.Start + d.Length))]);

    public static List<Token> Tokenize(string text)
    {
        var (names, days) = Entities(text);
        return Tokenizer.Tokenize(text, Rules.Lexicon, names, days);
    }

    /// <summary>"职工|Employees 一百七|Number=170 …": each token as its text and class (a figure with its value), blanks left out.</summary>
    public static string Show(string text) => string.Join(" ", Tokenize(text).Where(t => t.Kind != TokenKind.Pause).Select(t =>
        $"{text[t.Start..t.End]}|{t.Kind}{(t.Kind == TokenKind.Number ? "=" + t.Value : "")}{(t.Kind == TokenKind.Members && t.Key is not null ? ":" + t.Key : "")}"));
}
