using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding.Opinion;

/// <summary>
/// The mention opinion on writers the rules never saw: leave-one-writer-batch-out over the eleven writer batches a..k
/// (<see cref="MentionFolds"/>). Per unit a message mentions, the rules' kinds against the held-out classifier's; who is
/// right where they disagree, by probability band; and what the decision rule (<see cref="MentionOpinion"/>, thresholds
/// in <see cref="SecondOpinionOptions"/>) does to each held-out batch. Tables go to the test output and
/// docs/understanding.md §Mention opinion.
/// </summary>
public sealed class MentionOpinionWriterFoldTests(ITestOutputHelper output)
{
    private static readonly (float Low, float High)[] Bands =
        [(0f, 0.02f), (0.02f, 0.05f), (0.05f, 0.10f), (0.10f, 0.20f), (0.20f, 0.35f), (0.35f, 0.50f), (0.50f, 1.01f)];

    [Fact]
    public void Reports_who_is_right_where_the_rules_and_the_held_out_mention_classifier_disagree()
    {
        var held = MentionFolds.Get();
        var table = new StringBuilder("rules' recording kind k on a unit, classifier's p(k) on that unit | gold has k | gold lacks k | lacking ids\n");
        var rulesOnUnits = RulesOnUnits(held);
        foreach (var (low, high) in Bands)
        {
            var found = rulesOnUnits.Where(r => r.P >= low && r.P < high).ToList();
            table.AppendLine(CultureInfo.InvariantCulture,
                $"p in [{low:F2},{high:F2}) | {found.Count(r => r.Right)} | {found.Count(r => !r.Right)} | {string.Join(' ', found.Where(r => !r.Right).Take(12).Select(r => $"{r.Id}:{r.Kind}"))}");
        }

        table.AppendLine("kind q the rules gave a named unit nothing of, classifier's p(q) ≥ t | gold has q | gold lacks q | ids");
        foreach (var kind in new[] { "visit", "org_lookup", "member_discovery", "org_update", "formation", "work_coverage", "formation_advice", "pairing" })
        {
            foreach (var t in new[] { 0.5f, 0.7f, 0.8f, 0.9f, 0.95f })
            {
                var found = Unread(held, kind).Where(u => u.P >= t).ToList();
                if (found.Count > 0)
                {
                    table.AppendLine(CultureInfo.InvariantCulture,
                        $"{kind} t={t:F2} | {found.Count(u => u.Right)} | {found.Count(u => !u.Right)} | {string.Join(' ', found.Take(12).Select(u => u.Id + (u.Right ? "+" : "-")))}");
                }
            }
        }

        table.AppendLine("addable kind q on a named unit the rules give no q (other kinds or none), p(q) ≥ t | gold has q | gold lacks q | ids");
        foreach (var kind in MentionOpinion.AddableKinds.Select(IntentScores.Label))
        {
            foreach (var t in new[] { 0.5f, 0.7f, 0.8f, 0.9f, 0.95f, 0.98f })
            {
                var found = Lacking(held, kind).Where(u => u.P >= t).ToList();
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"{kind} t={t:F2} | {found.Count(u => u.Right)} | {found.Count(u => !u.Right)} | {string.Join(' ', found.Take(14).Select(u => u.Id + (u.Right ? "+" : "-")))}");
            }
        }

        output.WriteLine(table.ToString());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"held-out cases {held.Cases.Count}, units {held.Cases.Sum(c => c.Units.Count)}; training {MentionFolds.Batches.Length} models: {held.Training.TotalSeconds:F1} s"));
        Assert.Equal(MentionFolds.Batches.Length * 50, held.Cases.Count);

        // The basis of the decision rule: under the drop threshold the rules' kind on that unit is wrong far more often
        // than right; in the doubt band wrong at least as often as right is not required (a question costs little), but
        // the add threshold must be right in at least 4 of 5 additions.
        // Round 9: 3 wrong, 2 right under 0.02 (was 3 / 0 when the rule was chosen). Dropping ships off
        // (DefaultMentionDropBelow 0); the basis is required only of a shipped drop threshold, and it no longer holds.
        var dropped = rulesOnUnits.Where(r => r.P < 0.02f).ToList();
        var basisHolds = dropped.Count(r => !r.Right) >= 2 * Math.Max(1, dropped.Count(r => r.Right));
        Assert.True(basisHolds || SecondOpinionOptions.DefaultMentionDropBelow == 0f,
            $"a mention drop threshold ships without its basis: dropped {dropped.Count(r => !r.Right)} wrong, {dropped.Count(r => r.Right)} right\n{table}");
        var added = MentionOpinion.AddableKinds.Select(IntentScores.Label).SelectMany(k => Lacking(held, k)).Where(u => u.P >= 0.98f).ToList();
        // Adding ships off (MentionAddAbove > 1) unless the held-out additions at 0.98 are right at least twice as often as
        // wrong: after the round-7 merge the rules read most of those visits themselves and what is left was 0 right, 3 wrong.
        var reliable = added.Count > 0 && added.Count(u => u.Right) >= 2 * added.Count(u => !u.Right);
        Assert.True(reliable || SecondOpinionOptions.DefaultMentionAddAbove > 1f, $"added: {added.Count(u => u.Right)} right, {added.Count(u => !u.Right)} wrong\n{table}");
    }

    /// <summary>Each distinct recording kind the rules give a unit the classifier read, with its probability there and whether the gold has it.</summary>
    private static List<(string Id, string Kind, float P, bool Right)> RulesOnUnits(MentionFolds.Result held) =>
    [
        .. held.Cases.SelectMany(c => c.Rules.Actions.Where(a => a.IsRecord)
            .Select(a => (Key: MentionOpinion.Key(a.Organization), Kind: IntentScores.Label(a.Kind))).Distinct()
            .Where(a => MentionModel.KindIndex(a.Kind) >= 0 && c.Units.Any(u => u.Key == a.Key))
            .Select(a =>
            {
                var unit = c.Units.Select((u, i) => (u, i)).First(p => p.u.Key == a.Key).i;
                return (c.Case.Id, a.Kind, c.Probabilities[unit][MentionModel.KindIndex(a.Kind)], c.Case.GoldKinds(a.Key).Contains(a.Kind));
            })),
    ];

    /// <summary>Named units the rules gave no action at all, with the classifier's probability of <paramref name="kind"/> and whether the gold has it.</summary>
    private static IEnumerable<(string Id, float P, bool Right)> Unread(MentionFolds.Result held, string kind) =>
        held.Cases.SelectMany(c => c.Units.Select((u, i) => (u, i))
            .Where(p => p.u.Key.Length > 0 && !c.Rules.Actions.Any(a => MentionOpinion.KeysOf(a).Contains(p.u.Key)))
            .Select(p => (c.Case.Id, c.Probabilities[p.i][MentionModel.KindIndex(kind)], c.Case.GoldKinds(p.u.Key).Contains(kind))));

    /// <summary>Named units the rules give no action of <paramref name="kind"/> (other kinds or none), with the classifier's probability of it and whether the gold has it.</summary>
    private static IEnumerable<(string Id, float P, bool Right)> Lacking(MentionFolds.Result held, string kind) =>
        held.Cases.SelectMany(c => c.Units.Select((u, i) => (u, i))
            .Where(p => p.u.Key.Length > 0 && !c.Rules.Actions.Any(a => IntentScores.Label(a.Kind) == kind && MentionOpinion.KeysOf(a).Contains(p.u.Key)))
            .Select(p => (c.Case.Id, c.Probabilities[p.i][MentionModel.KindIndex(kind)], c.Case.GoldKinds(p.u.Key).Contains(kind))));

    [Fact]
    public void The_mention_opinion_loses_no_held_out_batch_and_raises_their_figures()
    {
        var held = MentionFolds.Get();
        var kinds = WriterFolds.Get();
        var organizations = FixtureLedger.Organizations();
        var users = FixtureLedger.Users();
        var rules = new MessageUnderstanding(organizations);
        var table = new StringBuilder("held-out batch | kind F1 rules / +mention / +mention+kind | case exact rules / +mention / +mention+kind | confirm asked (right/wrong record) | kind sets changed by the mention opinion\n");
        double before = 0, after = 0, exactBefore = 0, exactAfter = 0;
        foreach (var (name, drop, add) in new[] { ("shipped", SecondOpinionOptions.DefaultMentionDropBelow, SecondOpinionOptions.DefaultMentionAddAbove), ("drop<0.02", 0.02f, 1.01f), ("add>=0.98", 0f, 0.98f), ("both", 0.02f, 0.98f) })
        {
            if (name != "shipped")
            {
                var variant = new StringBuilder();
                foreach (var batch in MentionFolds.Batches)
                {
                    var opinion = new MentionOpinion(held.Models[batch]) { DropBelow = drop, AddAbove = add };
                    var understanding = new MessageUnderstanding(organizations) { SecondOpinion = new SecondOpinion(kinds.Models[batch], threshold: 0f) { DropBelow = 0f, AddAbove = 2f, Mentions = opinion } };
                    var cases = held.Cases.Where(c => c.Case.Batch == batch).Select(c => c.Case).ToList();
                    var s = UnderstandingScorer.Evaluate([.. cases.Select(c => (c.Row, UnderstandingJson.ToJson(understanding.Understand(c.Text, users[c.User], c.Now), c.Id)))]);
                    variant.Append(CultureInfo.InvariantCulture, $" {batch}:{s.KindF1:F3}/{s.CaseExact:F3}");
                }

                output.WriteLine($"variant {name} (kind F1/case exact):{variant}");
            }
        }

        foreach (var batch in MentionFolds.Batches)
        {
            var mentions = new MentionOpinion(held.Models[batch]);
            var mentionOnly = new MessageUnderstanding(organizations)
            {
                SecondOpinion = new SecondOpinion(kinds.Models[batch], threshold: 0f) { DropBelow = 0f, AddAbove = 2f, Mentions = mentions },
            };
            var both = new MessageUnderstanding(organizations) { SecondOpinion = new SecondOpinion(kinds.Models[batch]) { Mentions = mentions } };
            var cases = held.Cases.Where(c => c.Case.Batch == batch).Select(c => c.Case).ToList();
            var alone = cases.Select(c => rules.Understand(c.Text, users[c.User], c.Now)).ToList();
            var withMentions = cases.Select(c => mentionOnly.Understand(c.Text, users[c.User], c.Now)).ToList();
            var withBoth = cases.Select(c => both.Understand(c.Text, users[c.User], c.Now)).ToList();
            var s0 = UnderstandingScorer.Evaluate([.. cases.Select((c, i) => (c.Row, UnderstandingJson.ToJson(alone[i], c.Id)))]);
            var s1 = UnderstandingScorer.Evaluate([.. cases.Select((c, i) => (c.Row, UnderstandingJson.ToJson(withMentions[i], c.Id)))]);
            var s2 = UnderstandingScorer.Evaluate([.. cases.Select((c, i) => (c.Row, UnderstandingJson.ToJson(withBoth[i], c.Id)))]);
            var confirmRight = 0;
            var confirmWrong = 0;
            var changed = new List<string>();
            for (var i = 0; i < cases.Count; i++)
            {
                var gold = cases[i].GoldActions.Select(a => (string)a["kind"]!).ToHashSet(StringComparer.Ordinal);
                foreach (var action in withMentions[i].Actions.Where(a => a.Doubtful && a.IsRecord))
                {
                    if (alone[i].Actions.Any(a => a.Doubtful && a.Kind == action.Kind && a.Organization == action.Organization))
                    {
                        continue;
                    }

                    if (gold.Contains(IntentScores.Label(action.Kind)))
                    {
                        confirmRight++;
                    }
                    else
                    {
                        confirmWrong++;
                    }
                }

                var k0 = KindSet(alone[i]);
                var k1 = KindSet(withMentions[i]);
                if (!k0.SetEquals(k1))
                {
                    changed.Add(cases[i].Id + (k1.SetEquals(gold) ? "+" : k0.SetEquals(gold) ? "-" : "~"));
                }
            }

            table.AppendLine(CultureInfo.InvariantCulture,
                $"{batch} | {s0.KindF1:F3} / {s1.KindF1:F3} / {s2.KindF1:F3} | {s0.CaseExact:F3} / {s1.CaseExact:F3} / {s2.CaseExact:F3} | {confirmRight}/{confirmWrong} | {string.Join(' ', changed)}");
            before += s0.KindF1;
            after += s1.KindF1;
            exactBefore += s0.CaseExact;
            exactAfter += s1.CaseExact;
            Assert.True(s1.KindF1 >= s0.KindF1 - 1e-9 && s1.CaseExact >= s0.CaseExact - 1e-9, $"{batch} loses\n{table}");
        }

        output.WriteLine(table.ToString());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean kind F1 {before / MentionFolds.Batches.Length:F3} -> {after / MentionFolds.Batches.Length:F3}, mean case exact {exactBefore / MentionFolds.Batches.Length:F3} -> {exactAfter / MentionFolds.Batches.Length:F3}"));
        // The shipped rule only doubts (confirm), which the scores do not see: no batch may lose, and none gains.
        Assert.True(after >= before - 1e-9, table.ToString());
    }

    /// <summary>
    /// The rules as a new writer meets them: the readings of i, j and k by the code of their first run (fab36a8, before
    /// any rule was changed for them; tests/data/understanding-ijk-first-readings.jsonl), reviewed by the mention model
    /// that never saw the batch. The same tables as above, and each batch's figures before and after.
    /// </summary>
    [Fact]
    public void Reports_the_mention_opinion_on_the_first_run_readings_of_new_writers()
    {
        var held = MentionFolds.Get();
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var first = OwnCases.Rows(FirstReadings).ToDictionary(r => (string)r["id"]!, r => r);
        var rows = new List<(string Batch, LabelledCase Case, JsonObject Reading, List<MentionOpinion.Unit> Units, IReadOnlyList<float[]> P)>();
        foreach (var c in held.Cases.Where(c => FirstRunBatches.Contains(c.Case.Batch)))
        {
            var reading = first[c.Case.Id];
            var normalized = understanding.Prepared(c.Case.Text, c.Case.Now);
            var units = MentionOpinion.Units(normalized, understanding.Index, Actions(reading).Select(a => (string?)a["organization"]));
            rows.Add((c.Case.Batch!, c.Case, reading, units, new MentionOpinion(held.Models[c.Case.Batch!]).Read(normalized, units).Probabilities));
        }

        var table = new StringBuilder("first-run reading: rules' recording kind k on a unit, p(k) | gold has k | gold lacks k | lacking ids\n");
        var onUnits = rows.SelectMany(r => Actions(r.Reading).Where(a => MentionModel.KindIndex((string)a["kind"]!) >= 0 && a["date"] is not null)
            .Select(a => (Key: MentionOpinion.Key((string?)a["organization"]), Kind: (string)a["kind"]!)).Distinct()
            .Where(a => r.Units.Any(u => u.Key == a.Key))
            .Select(a => (r.Case.Id, a.Kind, P: r.P[r.Units.FindIndex(u => u.Key == a.Key)][MentionModel.KindIndex(a.Kind)], Right: r.Case.GoldKinds(a.Key).Contains(a.Kind)))).ToList();
        foreach (var (low, high) in Bands)
        {
            var found = onUnits.Where(r => r.P >= low && r.P < high).ToList();
            table.AppendLine(CultureInfo.InvariantCulture,
                $"p in [{low:F2},{high:F2}) | {found.Count(r => r.Right)} | {found.Count(r => !r.Right)} | {string.Join(' ', found.Where(r => !r.Right).Take(12).Select(r => $"{r.Id}:{r.Kind}"))}");
        }

        table.AppendLine("first-run reading: kind q on a named unit the rules gave nothing, p(q) ≥ t | gold has q | gold lacks q | ids");
        foreach (var kind in MentionModel.Kinds)
        {
            foreach (var t in new[] { 0.5f, 0.7f, 0.8f, 0.9f })
            {
                var found = rows.SelectMany(r => r.Units.Select((u, i) => (u, i))
                    .Where(p => p.u.Key.Length > 0 && !Actions(r.Reading).Any(a => Keys(a).Contains(p.u.Key)) && r.P[p.i][MentionModel.KindIndex(kind)] >= t)
                    .Select(p => (r.Case.Id, Right: r.Case.GoldKinds(p.u.Key).Contains(kind)))).ToList();
                if (found.Count > 0)
                {
                    table.AppendLine(CultureInfo.InvariantCulture,
                        $"{kind} t={t:F2} | {found.Count(u => u.Right)} | {found.Count(u => !u.Right)} | {string.Join(' ', found.Take(12).Select(u => u.Id + (u.Right ? "+" : "-")))}");
                }
            }
        }

        table.AppendLine("first-run reading: addable kind q on a named unit the reading gives no q (other kinds or none), p(q) ≥ t | gold has q | gold lacks q | ids");
        foreach (var kind in MentionOpinion.AddableKinds.Select(IntentScores.Label))
        {
            foreach (var t in new[] { 0.5f, 0.7f, 0.8f, 0.9f, 0.95f, 0.98f })
            {
                var found = rows.SelectMany(r => r.Units.Select((u, i) => (u, i))
                    .Where(p => p.u.Key.Length > 0 && !Actions(r.Reading).Any(a => (string?)a["kind"] == kind && Keys(a).Contains(p.u.Key)) && r.P[p.i][MentionModel.KindIndex(kind)] >= t)
                    .Select(p => (r.Case.Id, Right: r.Case.GoldKinds(p.u.Key).Contains(kind)))).ToList();
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"{kind} t={t:F2} | {found.Count(u => u.Right)} | {found.Count(u => !u.Right)} | {string.Join(' ', found.Take(14).Select(u => u.Id + (u.Right ? "+" : "-")))}");
            }
        }

        table.AppendLine("first-run misses on a unit the classifier read (gold kind the reading lacks there): id unit-kind p(kind)");
        foreach (var r in rows)
        {
            for (var u = 0; u < r.Units.Count; u++)
            {
                var key = r.Units[u].Key;
                var read = Actions(r.Reading).Where(a => Keys(a).Contains(key)).Select(a => (string)a["kind"]!).ToHashSet();
                foreach (var kind in r.Case.GoldKinds(key).Where(k => MentionModel.KindIndex(k) >= 0 && !read.Contains(k)))
                {
                    table.AppendLine(CultureInfo.InvariantCulture, $"  {r.Case.Id} {(key.Length > 6 ? key[3..7] : key)}-{kind} {r.P[u][MentionModel.KindIndex(kind)]:F2}");
                }
            }
        }

        table.AppendLine("held-out batch (first-run reading) | kind F1 before / after | case exact before / after | confirm asked (kind right/wrong) | kind sets changed");
        foreach (var batch in FirstRunBatches)
        {
            var opinion = new MentionOpinion(held.Models[batch]);
            var cases = rows.Where(r => r.Batch == batch).ToList();
            var reviewed = cases.Select(r => ReviewJson(opinion, r.Reading, understanding.Prepared(r.Case.Text, r.Case.Now), understanding.Index, DateExpressions.Today(r.Case.Now))).ToList();
            var s0 = UnderstandingScorer.Evaluate([.. cases.Select(r => (r.Case.Row, r.Reading))]);
            var s1 = UnderstandingScorer.Evaluate([.. cases.Select((r, i) => (r.Case.Row, reviewed[i]))]);
            var asked = cases.SelectMany((r, i) => Actions(reviewed[i]).Where(a => a["confirm"] is not null).Select(a => r.Case.GoldActions.Any(g => (string?)g["kind"] == (string?)a["kind"]))).ToList();
            var changed = cases.Select((r, i) => (r.Case, Before: KindSet(r.Reading), After: KindSet(reviewed[i]), Gold: r.Case.GoldActions.Select(a => (string)a["kind"]!).ToHashSet()))
                .Where(x => !x.Before.SetEquals(x.After)).Select(x => x.Case.Id + (x.After.SetEquals(x.Gold) ? "+" : x.Before.SetEquals(x.Gold) ? "-" : "~"));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{batch} | {s0.KindF1:F3} / {s1.KindF1:F3} | {s0.CaseExact:F3} / {s1.CaseExact:F3} | {asked.Count(a => a)}/{asked.Count(a => !a)} | {string.Join(' ', changed)}");
            Assert.True(s1.KindF1 >= s0.KindF1 - 1e-9 && s1.CaseExact >= s0.CaseExact - 1e-9, $"{batch} loses\n{table}");
        }

        output.WriteLine(table.ToString());
        Assert.Equal(150, rows.Count);
    }

    private const string FirstReadings = "understanding-ijk-first-readings.jsonl";

    private static readonly string[] FirstRunBatches = ["i", "j", "k"];

    private static IEnumerable<JsonObject> Actions(JsonObject reading) => (reading["actions"] as JsonArray ?? []).Select(a => a!.AsObject());

    private static IEnumerable<string> Keys(JsonObject action) =>
        [MentionOpinion.Key((string?)action["organization"]), .. (action["units"] as JsonArray ?? []).Select(u => MentionOpinion.Key((string?)u))];

    private static HashSet<string> KindSet(JsonObject reading) => [.. Actions(reading).Select(a => (string)a["kind"]!)];

    /// <summary>
    /// A recorded reading (JSON) through <see cref="MentionOpinion.Review"/>: each action stands in as its kind, unit and day,
    /// carrying its place in the reading; kept actions come back as recorded (with <c>confirm</c> when doubted), added ones as the opinion makes them.
    /// </summary>
    private static JsonObject ReviewJson(MentionOpinion opinion, JsonObject reading, string normalized, OrganizationIndex index, DateOnly today)
    {
        var recorded = Actions(reading).ToList();
        var shells = recorded.Select((a, i) => new UnderstoodAction(Enum.Parse<ActionKind>(((string)a["kind"]!).Replace("_", "", StringComparison.Ordinal), ignoreCase: true))
        {
            Organization = (string?)a["organization"],
            Units = a["units"] is JsonArray units ? [.. units.Select(u => (string)u!)] : null,
            Date = a["date"] is { } date ? DateOnly.Parse((string)date!, CultureInfo.InvariantCulture) : null,
            Question = "#" + i.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        var missing = (reading["missing"] as JsonArray ?? []).Select(m => (string)m!).ToList();
        var reviewed = opinion.Review(new UnderstandingResult(shells, missing), normalized, index, today);
        var actions = new JsonArray();
        foreach (var action in reviewed.Actions)
        {
            JsonObject json;
            if (action.Question is ['#', .. var place])
            {
                json = recorded[int.Parse(place, CultureInfo.InvariantCulture)].DeepClone().AsObject();
                if (action.Doubtful)
                {
                    json["confirm"] = true;
                }
            }
            else
            {
                json = UnderstandingJson.ToJson(action);
            }

            actions.Add(json);
        }

        return new JsonObject { ["id"] = reading["id"]?.DeepClone(), ["actions"] = actions, ["missing"] = new JsonArray([.. reviewed.Missing.Select(m => (JsonNode)m)]) };
    }

    private static HashSet<string> KindSet(UnderstandingResult reading) =>
        [.. reading.Actions.Select(a => IntentScores.Label(a.Kind))];
}
