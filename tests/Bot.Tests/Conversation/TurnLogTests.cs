using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>The turn log over a real LiteDB file: the web chat's history read through its index, and the sweep's queries.</summary>
public sealed class TurnLogTests : IDisposable
{
    private static readonly long Start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly string folder = Path.Combine(Path.GetTempPath(), "instructorbot-tests", Guid.NewGuid().ToString("N"));
    private readonly InstructorStore store;
    private readonly TurnLog log;

    public TurnLogTests()
    {
        Directory.CreateDirectory(folder);
        store = InstructorStore.Open(Path.Combine(folder, "bot.db"));
        log = new TurnLog(store);
    }

    [Fact]
    public async Task The_history_is_the_users_last_turns_on_the_channel_oldest_first_and_no_one_elses()
    {
        // Saved out of time order, among neighbours whose keys share a prefix, differ in case or in channel.
        var mine = Enumerable.Range(0, 120).Select(i => Turn("web", "u_zhang", i, Start + (i * 7919 % 120) * 60_000)).ToList();
        var others = new[] { "u_zhan", "u_zhang2", "U_ZHANG", "u_zhang|x", "u_zh" }
            .SelectMany(user => Enumerable.Range(0, 30).Select(i => Turn("web", user, i, Start + i * 61_000 + 1)))
            .Concat(Enumerable.Range(0, 30).Select(i => Turn("dingtalk", "u_zhang", i, Start + i * 59_000 + 2)))
            .ToList();
        await SaveAsync(mine.Concat(others).OrderBy(t => t.Id, StringComparer.Ordinal));

        var history = log.History("web", "u_zhang", 50);

        var expected = mine.OrderBy(t => t.AtMs).TakeLast(50).Select(t => t.Id).ToList();
        Assert.Equal(expected, history.Select(h => h.Turn.Id).ToList());
        Assert.All(history, h => Assert.Equal("回复 " + h.Turn.Text, Assert.Single(h.Replies).Text));
        Assert.Equal(30, log.History("web", "U_ZHANG", 50).Count);
        Assert.All(log.History("web", "U_ZHANG", 50), h => Assert.Equal("U_ZHANG", h.Turn.UserId));
        Assert.Equal(30, log.History("dingtalk", "u_zhang", 100).Count);
        Assert.Empty(log.History("web", "u_nobody", 50));
    }

    [Fact]
    public async Task The_history_reads_newest_first_through_its_index_without_sorting_in_memory()
    {
        await SaveAsync(Enumerable.Range(0, 10).Select(i => Turn("web", "u_zhang", i, Start + i)));

        var plan = log.HistoryPlan("web", "u_zhang", 50);

        Assert.Equal(TurnLog.HistoryIndex, plan["index"]["name"].AsString);
        Assert.Equal(-1, plan["index"]["order"].AsInt32);
        Assert.False(plan.ContainsKey("orderBy"), plan.ToString());
    }

    [Fact]
    public async Task The_retention_sweeps_queries_read_the_oldest_entries_through_a_time_index()
    {
        await SaveAsync(Enumerable.Range(0, 10).Select(i => Turn("web", "u_zhang", i, Start + i)));
        var deliveries = new ChannelDeliveryLog(store, TimeProvider.System, NullLogger<ChannelDeliveryLog>.Instance);
        await deliveries.SendAsync("feishu", "om_1", [], (_, _) => Task.FromResult(true), CancellationToken.None);

        foreach (var plan in new[] { log.SweepPlan(Start + 5, 3), deliveries.SweepPlan(Start + 5, 3) })
        {
            Assert.Equal("AtMs", plan["index"]["name"].AsString);
            Assert.False(plan.ContainsKey("orderBy"), plan.ToString());
        }
    }

    [Fact]
    public async Task Deleting_old_turns_takes_the_oldest_first_at_most_a_batch_and_keeps_the_newer_ones()
    {
        await SaveAsync(Enumerable.Range(0, 10).Select(i => Turn("web", "u_zhang", i, Start + i * 1000)));

        var first = await log.DeleteOlderThanAsync(Start + 7000, 4, CancellationToken.None);
        var second = await log.DeleteOlderThanAsync(Start + 7000, 4, CancellationToken.None);
        var third = await log.DeleteOlderThanAsync(Start + 7000, 4, CancellationToken.None);

        Assert.Equal((4, 3, 0), (first, second, third));
        Assert.Equal(["t7", "t8", "t9"], log.History("web", "u_zhang", 50).Select(h => h.Turn.Text).ToList());
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static int messages;

    // Message ids unique whatever the case: the store's collation ignores case, in _id as well.
    private static ProcessedTurn Turn(string channel, string userId, int n, long atMs) => new()
    {
        Id = TurnLog.Key(channel, "m" + Interlocked.Increment(ref messages).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Channel = channel,
        UserId = userId,
        Text = "t" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AtMs = atMs,
    };

    private Task SaveAsync(IEnumerable<ProcessedTurn> turns) =>
        store.WriteDocumentsAsync(documents =>
        {
            foreach (var turn in turns)
            {
                log.Write(documents, turn, [new ReplyMessage("回复 " + turn.Text)]);
            }

            return true;
        });
}
