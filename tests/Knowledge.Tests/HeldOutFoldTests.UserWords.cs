using System.Text.Json.Nodes;
using InstructorBot.Knowledge.Answering;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>Round 14 (r14-qlearn): where the held-out misses are, and the users' words shipped (<see cref="UserWords"/>).</summary>
public sealed partial class HeldOutFoldTests
{
    private const string UserWordsHeader = "Users' words of the documents' sentences (AskService.UserWords, docs/knowledge.md round 14): KEY<TAB>WORDS,\n"
        + "the asking words of every answered question with quotes of qa-own.jsonl and the blind batches of HeldOutFoldTests,\n"
        + "keyed by its quotes. Built by tools/build-user-words.sh; do not edit by hand.";

    /// <summary>
    /// The shipped Resources/user-words.tsv is the users' words of every fold (own and blind), as the held-out test builds
    /// them per fold without it: rewritten with KB_USER_WORDS_BUILD=1 (tools/build-user-words.sh), else failing when stale.
    /// </summary>
    [Fact]
    public void The_shipped_user_words_are_built_from_every_fold()
    {
        var built = new UserWords(own.UserLines.Select(l => (l.Keys, l.Words))).Write(UserWordsHeader);
        output.WriteLine($"{own.UserLines.Count} questions, {built.Split('\n').Count(l => l.Length > 0 && l[0] != '#')} keys");
        var file = Path.Combine(RepositoryRoot(), "src", "Knowledge", "Resources", "user-words.tsv");
        if (Environment.GetEnvironmentVariable("KB_USER_WORDS_BUILD") == "1")
        {
            File.WriteAllText(file, built);
            output.WriteLine("rewrote " + file);
            return;
        }

        if (UserWords.Default.Count == 0)
        {
            // Shipped disabled (no file): the answers are the code's without words, and the judge is fitted without them.
            output.WriteLine("no Resources/user-words.tsv shipped: the users' words are disabled");
            return;
        }

        Assert.True(UserWords.Default.Write(UserWordsHeader) == built, "Resources/user-words.tsv is stale: rebuild with tools/build-user-words.sh");
    }

    /// <summary>
    /// Round 14: each held-out miss of an answerable question by where its right sentence stands (<see cref="OwnQuestionFeatures.GoldRank"/>):
    /// retrieval (not in the top ten), ranking (2nd–10th), judging (1st and declined), composition (1st, answered, failed),
    /// advice (no ranking); own and blind apart, and the same for the forced answer.
    /// </summary>
    private static void WhereTheMissesAre(OwnQuestionFeatures features, Dictionary<string, JsonObject> predictions, ITestOutputHelper output)
    {
        foreach (var (name, gold) in new[] { ("own", features.Gold), ("blind", features.BlindGold) })
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var forcedCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var ranks = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var c in gold.Where(c => c["answered"]!.GetValue<bool>()))
            {
                var id = c["id"]!.GetValue<string>();
                var rank = features.GoldRank.TryGetValue(id, out var r) ? r : -2;
                var place = rank switch { -2 => "no quote", -1 => "advice", 0 => "retrieval", 1 => "first", _ => "ranking" };
                ranks[place] = ranks.GetValueOrDefault(place) + 1;
                bool Passes(JsonObject given) => QaScorer.Score([c], new Dictionary<string, JsonObject> { [id] = given }).PassRate == 1;
                string Kind(JsonObject given) => place == "first" ? given["answered"]!.GetValue<bool>() ? "composition" : "judging" : place;
                if (!Passes(predictions[id]))
                {
                    var kind = Kind(predictions[id]);
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                    output.WriteLine($"miss {name} {kind} rank {rank} {id} answered={predictions[id]["answered"]} {c["question"]}");
                }

                if (!Passes(features.Forced[id]))
                {
                    var kind = Kind(features.Forced[id]);
                    forcedCounts[kind] = forcedCounts.GetValueOrDefault(kind) + 1;
                }
            }

            output.WriteLine($"{name}: right sentence's place {string.Join(", ", ranks.Select(k => $"{k.Key} {k.Value}"))}");
            output.WriteLine($"{name}: held-out misses {string.Join(", ", counts.Select(k => $"{k.Key} {k.Value}"))}");
            output.WriteLine($"{name}: forced misses {string.Join(", ", forcedCounts.Select(k => $"{k.Key} {k.Value}"))}");
        }
    }

}
