using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Search;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// The test classes reading <see cref="OwnQuestionFeatures"/> share one instance per test run (indexing and judging some
/// 2,000 questions, then fitting the folds, is most of this assembly's time): a collection, not a class fixture each.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OwnQuestions : ICollectionFixture<OwnQuestionFeatures>
{
    public const string Name = "own questions";
}

/// <summary>
/// The questions the scorer is fitted on, with their answer features, once per test run: the own questions by the folds of
/// tests/data/qa-own-folds.json (the batch each was written in) and the blind batches a–ar of 2026-12-05 to 07 (written by
/// other engineers, each a fold of its own: "blind-a"…"blind-n"), the features of the best evidence, and whether answering
/// or abstaining is right. With the shipped question bank, or without it (<see cref="KnowledgeOptions.UseQuestionBank"/>).
/// </summary>
public class OwnQuestionFeatures : IDisposable
{
    /// <summary>
    /// The blind batches written by other engineers (development evidence since their first run): one fold each, with the
    /// date they were written. l, m, n (round 7's new writers) joined the fit folds in round 8, o, p, q (round 8's) in round 9, r–w (rounds 9–10's) in round 11, x–z (round 11's) in round 12,
    /// aa–ar (rounds 12–17's, every unsealed batch; never as, at, au: tests/data/blind/sealed.txt) in round 18.
    /// </summary>
    public static readonly (string Batch, string Date)[] Blind =
    [
        .. new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n" }.Select(b => (b, "2026-12-05")),
        .. new[] { "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z" }.Select(b => (b, "2026-12-06")),
        .. new[] { "aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai" }.Select(b => (b, "2026-12-06")),
        .. new[] { "aj", "ak", "al", "am", "an", "ao", "ap", "aq", "ar" }.Select(b => (b, "2026-12-07")),
    ];

    public static readonly string[] BlindBatches = [.. Blind.Select(b => b.Batch)];

    /// <summary>
    /// The held-out check of round 19 (as, at, au: development batches read only by their summary line until a branch's work is
    /// done): loaded and judged, never a fit fold, never dumped; scored by the scorers fitted on every fit fold (<see cref="ThresholdRuleTests"/>).
    /// </summary>
    public static readonly (string Batch, string Date)[] Check = [.. new[] { "as", "at", "au" }.Select(b => (b, "2026-12-07"))];

    public const string CheckPrefix = "check-";

    public const string BlindPrefix = "blind-";

    private readonly TestFolder folder = new();

    public OwnQuestionFeatures()
        : this(questionBank: true)
    {
    }

    /// <param name="questionBank">Whether the index has a question bank.</param>
    /// <param name="bank">The bank to use instead of the shipped one (a bank with a document's lines withheld).</param>
    internal OwnQuestionFeatures(bool questionBank, QuestionBank? bank = null)
    {
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus, new KnowledgeOptions { UseQuestionBank = questionBank, QuestionBank = bank });
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
        knowledge.EnsureCorpus();

        var folds = JsonNode.Parse(File.ReadAllText(TestFolder.Data("qa-own-folds.json")))!["folds"]!.AsArray()
            .SelectMany(f => f!["ids"]!.AsArray().Select(i => (Id: i!.GetValue<string>(), Fold: f["fold"]!.GetValue<string>())))
            .ToDictionary(x => x.Id, x => x.Fold);
        Gold = QaScorer.Load(TestFolder.Data("qa-own.jsonl"));
        foreach (var c in Gold)
        {
            var id = c["id"]!.GetValue<string>();
            Add(knowledge, c, folds.TryGetValue(id, out var fold) ? fold : throw new InvalidOperationException($"{id} is in no fold of qa-own-folds.json"));
        }

        foreach (var (batch, date) in Blind)
        {
            foreach (var c in QaScorer.Load(TestFolder.Data("blind", $"qa-{date}-{batch}.jsonl")))
            {
                // Some blind ids (qf01…) are own ids too: a blind case is known by its batch and id.
                c["id"] = $"{batch}:{c["id"]!.GetValue<string>()}";
                BlindGold.Add(c);
                Add(knowledge, c, BlindPrefix + batch);
            }
        }

        foreach (var (batch, date) in Check)
        {
            foreach (var c in QaScorer.Load(TestFolder.Data("blind", $"qa-{date}-{batch}.jsonl")))
            {
                c["id"] = $"{batch}:{c["id"]!.GetValue<string>()}";
                CheckGold.Add(c);
                Add(knowledge, c, CheckPrefix + batch);
            }
        }

        // The check batches are judged like the rest but kept out of every fit (their cases are set apart here).
        CheckBankCases.AddRange(BankCases.Where(c => c.Fold.StartsWith(CheckPrefix, StringComparison.Ordinal)));
        CheckPlainCases.AddRange(PlainCases.Where(c => c.Fold.StartsWith(CheckPrefix, StringComparison.Ordinal)));
        BankCases.RemoveAll(c => c.Fold.StartsWith(CheckPrefix, StringComparison.Ordinal));
        PlainCases.RemoveAll(c => c.Fold.StartsWith(CheckPrefix, StringComparison.Ordinal));
        foreach (var id in CheckGold.Select(c => c["id"]!.GetValue<string>()))
        {
            Fold.Remove(id);
        }

        BankFits = new FoldFits(BankCases);
        PlainFits = new FoldFits(PlainCases);
    }

    private void Add(KnowledgeBase knowledge, JsonObject c, string fold)
    {
        var id = c["id"]!.GetValue<string>();
        var (answer, routes, plain) = knowledge.Asker.Judged(c["question"]!.GetValue<string>());
        var prediction = Json(answer);
        Forced.Add(id, prediction);
        Fold[id] = fold;
        var answerable = c["answered"]!.GetValue<bool>();
        bool Passes(JsonObject given) => QaScorer.Score([c], new Dictionary<string, JsonObject> { [id] = given }).PassRate == 1;
        var passes = Passes(prediction);
        AnswerFeatures? features = null;
        foreach (var route in routes)
        {
            var given = Json(route.Answer);
            var right = answerable && Passes(given);
            (route.BankAware ? BankCases : PlainCases).Add(new AnswerScorer.FitCase(id, fold, route.Features.Vector(), right, !answerable));
            (route.BankAware ? ForcedBank : ForcedPlain)[id] = given;
            features ??= route.Features;
        }

        if (plain is not null && !routes.Contains(plain))
        {
            // The plain scorer is fitted on every question's plain verdict, as round 7's was; it judges only where the route applies.
            var given = Json(plain.Answer);
            PlainCases.Add(new AnswerScorer.FitCase(id, fold, plain.Features.Vector(), answerable && Passes(given), !answerable));
            ForcedPlain[id] = given;
        }

        // KB_DUMP_ROUTES=file: one line per judge verdict (the bank-aware route, the plain route, and the plain verdict fitted on
        // but not asked: "plain-fit"), with its labels, veto, features and answer: what a replica of the fit needs.
        if (Environment.GetEnvironmentVariable("KB_DUMP_ROUTES") is { Length: > 0 } routeDump && !fold.StartsWith(CheckPrefix, StringComparison.Ordinal))
        {
            if (!File.Exists(routeDump))
            {
                File.WriteAllText(routeDump, string.Join('\t', new[] { "id", "fold", "answerable", "forced_pass", "route", "vetoed", "right" }.Concat(AnswerFeatures.Names).Append("question").Append("answer")) + "\n");
            }

            var lines = routes.Select(r => (Name: r.BankAware ? "bank" : "plain", Route: r)).ToList();
            if (plain is not null && !routes.Contains(plain))
            {
                lines.Add(("plain-fit", plain));
            }

            if (lines.Count == 0)
            {
                lines.Add(("-", null!));
            }

            foreach (var (name, route) in lines)
            {
                var given = route is null ? prediction : Json(route.Answer);
                var values = route is null ? AnswerFeatures.Names.Select(_ => "-") : route.Features.Vector().Select(v => v.ToString("R", CultureInfo.InvariantCulture));
                var text = given["answer"]?.GetValue<string>() ?? string.Empty;
                File.AppendAllText(routeDump, string.Join('\t', new[] { id, fold, answerable ? "1" : "0", passes ? "1" : "0", name, route is { Vetoed: true } ? "1" : "0", answerable && Passes(given) ? "1" : "0" }.Concat(values)
                    .Append(c["question"]!.GetValue<string>()).Append(text.ReplaceLineEndings(" ").Replace('\t', ' '))) + "\n");
            }
        }

        if (routes.Count > 0)
        {
            Routes[id] = (routes.Any(r => r.BankAware), routes.Any(r => !r.BankAware));
            foreach (var route in routes.Where(r => r.Vetoed))
            {
                Vetoed.Add((id, route.BankAware));
            }
        }

        // KB_DUMP=file appends each case's id, fold, labels, whether the forced answer passes, the judge whose features follow (bank, plain), features (none for advice and off-topic replies, which the scorer
        // does not judge: "-"), question and the answer given whatever the confidence, one tab-separated line each: for trying
        // feature sets outside the test run (docs/knowledge.md). The first line names the columns.
        if (Environment.GetEnvironmentVariable("KB_DUMP") is { Length: > 0 } dump && !fold.StartsWith(CheckPrefix, StringComparison.Ordinal))
        {
            if (!File.Exists(dump))
            {
                File.WriteAllText(dump, string.Join('\t', new[] { "id", "fold", "right", "abstain", "forced_pass", "route" }.Concat(AnswerFeatures.Names).Append("question").Append("answer")) + "\n");
            }

            var values = features is null ? AnswerFeatures.Names.Select(_ => "-") : features.Vector().Select(v => v.ToString("R", CultureInfo.InvariantCulture));
            var text = prediction["answer"]?.GetValue<string>() ?? string.Empty;
            File.AppendAllText(dump, string.Join('\t', new[] { id, fold, passes && answerable ? "1" : "0", !answerable ? "1" : "0", passes ? "1" : "0", routes.Count == 0 ? "-" : routes[0].BankAware ? "bank" : "plain" }.Concat(values)
                .Append(c["question"]!.GetValue<string>()).Append(text.ReplaceLineEndings(" ").Replace('\t', ' '))) + "\n");
        }
    }

    private static JsonObject Json(Answer answer) => JsonSerializer.SerializeToNode(answer, QaEvaluationTests.Json)!.AsObject();

    /// <summary>The routes the code declines whatever the scorer says (<c>AskService.Route.Vetoed</c>): question id and whether bank-aware.</summary>
    public HashSet<(string Id, bool BankAware)> Vetoed { get; } = [];

    /// <summary>The own questions (qa-own.jsonl).</summary>
    public List<JsonObject> Gold { get; }

    /// <summary>The blind batches' questions (tests/data/blind/qa-{date}-{a..z}.jsonl).</summary>
    public List<JsonObject> BlindGold { get; } = [];

    /// <summary>The held-out check batches' questions (<see cref="Check"/>), with their cases kept out of the fit.</summary>
    public List<JsonObject> CheckGold { get; } = [];

    public List<AnswerScorer.FitCase> CheckBankCases { get; } = [];

    public List<AnswerScorer.FitCase> CheckPlainCases { get; } = [];

    /// <summary>The answer the chosen judge gives whatever its confidence (advice and off-topic replies as they are).</summary>
    public Dictionary<string, JsonObject> Forced { get; } = [];

    /// <summary>The bank-aware judge's answer, where it judges (<see cref="AskService.Route"/>).</summary>
    public Dictionary<string, JsonObject> ForcedBank { get; } = [];

    /// <summary>The plain judge's answer, for every question the scorers judge.</summary>
    public Dictionary<string, JsonObject> ForcedPlain { get; } = [];

    /// <summary>Per question the scorers judge: whether the bank-aware judge applies, and whether the plain one does.</summary>
    public Dictionary<string, (bool Bank, bool Plain)> Routes { get; } = [];

    public Dictionary<string, string> Fold { get; } = [];

    /// <summary>The bank-aware scorer's cases: the questions whose best sentence ranked with the bank has bank questions.</summary>
    public List<AnswerScorer.FitCase> BankCases { get; } = [];

    /// <summary>The plain scorer's cases: every question the scorers judge (not advice, not off-topic), ranked without the bank.</summary>
    public List<AnswerScorer.FitCase> PlainCases { get; } = [];

    /// <summary>The bank-aware scorer fitted with each fold held out, each fit made once per test run (<see cref="FoldFits"/>).</summary>
    internal FoldFits BankFits { get; }

    /// <summary>The plain scorer fitted with each fold held out, each fit made once per test run.</summary>
    internal FoldFits PlainFits { get; }

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
