using System.Text.Json;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// Replays one scripted journey (Conversation/Journeys/*.jsonl) through the real pipeline over a real LiteDB file and
/// checks every write against the script: what each turn added and took back, and what its reply said.
/// </summary>
public sealed class JourneyRun
{
    public required string Role { get; init; }
    public int Turns { get; private set; }
    public int Written { get; private set; }
    public List<string> Unmeant { get; } = [];
    public List<string> Unannounced { get; } = [];
    public List<string> WrongRemovals { get; } = [];
    public List<string> Missed { get; } = [];
    public List<string> ReplyMismatches { get; } = [];

    /// <summary>How long a journey waits for its host's warm-up (the index, the models trained cold) on a loaded machine.</summary>
    public static readonly TimeSpan ReadyBound = TimeSpan.FromMinutes(3);

    public static Task<JourneyRun> ReplayAsync(string role) =>
        ReplayAsync(role, File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "journeys", role + ".jsonl")));

    public static async Task<JourneyRun> ReplayAsync(string role, IReadOnlyList<string> lines)
    {
        var header = JsonDocument.Parse(lines[0]).RootElement;
        var userId = header.GetProperty("user").GetString()!;
        using var host = new BotHost();

        // The journey is about understanding and records, not the start: its turns begin once the warm-ups are done (a
        // turn during the warm-up is WarmupTurnTests'), and a host that never gets ready fails here, saying what still warms.
        await host.WaitUntilReadyAsync(ReadyBound);
        var pipeline = host.Services.GetRequiredService<ITurnPipeline>();
        var store = host.Store;
        var run = new JourneyRun { Role = role };
        var now = DateTimeOffset.UtcNow;
        var today = ChinaTime.Today(now);
        for (var i = 1; i < lines.Count; i++)
        {
            var turn = JsonDocument.Parse(lines[i]).RootElement;
            var text = turn.GetProperty("text").GetString()!;
            var where = $"{role} turn {i} “{text}”";
            var before = store.RecordsBy(userId).ToDictionary(Key);
            var result = await pipeline.HandleAsync(
                new IncomingMessage("web", userId, userId, $"{role}-{i}", text, now.AddSeconds(i)), CancellationToken.None);
            var reply = string.Join("\n", result.Replies.Select(r => r.Text));
            var after = store.RecordsBy(userId).ToDictionary(Key);
            var added = after.Where(p => !before.ContainsKey(p.Key)).Select(p => p.Value).ToList();
            var removed = before.Keys.Count(k => !after.ContainsKey(k));
            run.Turns++;
            run.Written += added.Count;

            var expected = turn.TryGetProperty("adds", out var adds) ? adds.EnumerateArray().ToList() : [];
            foreach (var want in expected)
            {
                var match = added.FirstOrDefault(r => Matches(r, want, store, today));
                if (match is null)
                {
                    run.Missed.Add($"{where}: expected {want.GetRawText()}");
                }
                else
                {
                    added.Remove(match);
                }
            }

            foreach (var extra in added)
            {
                run.Unmeant.Add($"{where}: wrote {extra.Kind} for {store.FindOrganization(extra.OrganizationId)?.Name} {JsonSerializer.Serialize((object)extra)}");
            }

            foreach (var record in after.Values.Where(r => !before.ContainsKey(Key(r))))
            {
                var name = store.FindOrganization(record.OrganizationId)?.Name ?? "";
                if (!(reply.Contains("已记录", StringComparison.Ordinal) || reply.Contains("已更正", StringComparison.Ordinal))
                    || !reply.Contains(name, StringComparison.Ordinal))
                {
                    run.Unannounced.Add($"{where}: {record.Kind} for {name} not shown in the reply");
                }
            }

            var removes = turn.TryGetProperty("removes", out var r) ? r.GetInt32() : 0;
            if (removes != removed)
            {
                run.WrongRemovals.Add($"{where}: took back {removed} records, expected {removes}");
            }

            if (turn.TryGetProperty("reply", out var part) && !reply.Contains(part.GetString()!, StringComparison.Ordinal))
            {
                run.ReplyMismatches.Add($"{where}: reply lacks “{part.GetString()}”: {reply.ReplaceLineEndings(" / ")}");
            }

            if (turn.TryGetProperty("confirm", out _) && !reply.Contains("回复 1 确认", StringComparison.Ordinal))
            {
                run.ReplyMismatches.Add($"{where}: expected a confirmation question: {reply.ReplaceLineEndings(" / ")}");
            }
        }

        return run;
    }

    public string Summary =>
        $"{Role}: {Turns} turns, {Written} records written, {Unmeant.Count} not meant, {Unannounced.Count} not shown, "
        + $"{WrongRemovals.Count} wrong take-backs, {Missed.Count} missed, {ReplyMismatches.Count} reply mismatches";

    public IEnumerable<string> Details => Unmeant.Concat(Unannounced).Concat(WrongRemovals).Concat(Missed).Concat(ReplyMismatches);

    private static string Key(RecordRequest record) => $"{record.Kind}/{record.Id}";

    private static bool Matches(RecordRequest record, JsonElement want, InstructorBot.Store.InstructorStore store, DateOnly today)
    {
        if (record.Kind != want.GetProperty("kind").GetString()
            || store.FindOrganization(record.OrganizationId)?.Name != want.GetProperty("org").GetString())
        {
            return false;
        }

        if (want.TryGetProperty("date", out var date) && record.Date != today.AddDays(date.GetInt32()))
        {
            return false;
        }

        int? Int(string name) => want.TryGetProperty(name, out var value) ? value.GetInt32() : null;
        string? Text(string name) => want.TryGetProperty(name, out var value) ? value.GetString() : null;
        return record switch
        {
            MemberDiscovery found => Int("count") is not { } count || found.Count == count,
            OrganizationUpdate update => (Int("employees") is not { } e || update.Employees == e)
                && (Int("party_members") is not { } p || update.PartyMembers == p)
                && (Text("status") is not { } s || string.Equals(update.Status?.ToString(), s.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)),
            Formation formed => (Int("members") is not { } m || formed.Members == m)
                && (Text("method") is not { } method || string.Equals(formed.Method.ToString(), method, StringComparison.OrdinalIgnoreCase)),
            WorkCoverage work => Text("measure") is not { } measure
                || string.Equals(work.Measure.ToString(), measure.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }
}
