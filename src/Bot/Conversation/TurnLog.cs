using System.Text.Json;
using InstructorBot.Store;
using BsonDocument = LiteDB.BsonDocument;
using ILiteCollection = LiteDB.ILiteCollection<InstructorBot.Bot.Conversation.ProcessedTurn>;
using ILiteDatabase = LiteDB.ILiteDatabase;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Handled messages in the store: dedupe on (channel, channel message id) with the first replies, and the web chat's
/// history for a signed-in user.
/// </summary>
public sealed class TurnLog
{
    public const string Collection = "processed_turns";

    /// <summary>The index the web chat's history reads: channel, user and time in one sortable key (LiteDB 5 has no compound indexes).</summary>
    internal const string HistoryIndex = "History";

    /// <summary>The index the retention sweep reads, oldest first.</summary>
    internal const string AgeIndex = "AtMs";

    // Milliseconds since 1970 as 16 digits sort as strings in time order (STRING() of an Int64 would be its JSON form).
    private const string HistoryKey = "$.Channel + '|' + $.UserId + '|' + FORMAT($.AtMs, 'D16')";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly InstructorStore store;

    public TurnLog(InstructorStore store)
    {
        this.store = store;
        store.EnsureCollection(Collection, EnsureIndexes);
    }

    public static string Key(string channel, string messageId) => $"{channel}:{messageId}";

    /// <summary>
    /// The turn log's indexes, created with the collection when the log is constructed (before any turn can read it).
    /// The UserId index of earlier versions is dropped: the history index replaces it.
    /// </summary>
    private static void EnsureIndexes(LiteDB.ILiteCollection<BsonDocument> turns)
    {
        turns.EnsureIndex(HistoryIndex, HistoryKey);
        turns.EnsureIndex(AgeIndex, "$.AtMs");
        turns.DropIndex(nameof(ProcessedTurn.UserId));
    }

    /// <summary>The first replies to this message, when it was handled before.</summary>
    public IReadOnlyList<ReplyMessage>? Find(string channel, string messageId)
    {
        var turn = store.Read(db => db.GetCollection<ProcessedTurn>(Collection).FindById(Key(channel, messageId)));
        return turn is null ? null : Replies(turn);
    }

    public Task SaveAsync(ProcessedTurn turn, IReadOnlyList<ReplyMessage> replies, CancellationToken cancellationToken) =>
        store.WriteAsync(db => Write(db, turn, replies), cancellationToken);

    /// <summary>
    /// Saves the handled turn with its replies inside the caller's write (a recording turn saves it in the transaction
    /// of its records, so the records, the handled mark and the replies are durable together).
    /// </summary>
    public bool Write(ILiteDatabase db, ProcessedTurn turn, IReadOnlyList<ReplyMessage> replies)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.GetCollection<ProcessedTurn>(Collection).Upsert(turn with { RepliesJson = JsonSerializer.Serialize(replies, Json) });
    }

    /// <summary>
    /// The last <paramref name="count"/> turns of a user on a channel, oldest first: read newest first from the history
    /// index, so only those turns are loaded however many the user has.
    /// </summary>
    public IReadOnlyList<(ProcessedTurn Turn, IReadOnlyList<ReplyMessage> Replies)> History(string channel, string userId, int count, long? beforeMs = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);
        return store.Read(db =>
        {
            var latest = Latest(db, channel, userId, beforeMs).Limit(count).ToList();
            var exact = latest.Where(t => IsOf(t, channel, userId)).ToList();
            if (exact.Count < latest.Count)
            {
                // The database's collation ignores case: another user id differing only in case shares the key range.
                exact = [.. Latest(db, channel, userId, beforeMs).ToEnumerable().Where(t => IsOf(t, channel, userId)).Take(count)];
            }

            exact.Reverse();
            return exact.Select(t => (t, Replies(t))).ToList();
        });
    }

    /// <summary>How LiteDB runs the history query (which index, whether it sorts), for tests.</summary>
    internal BsonDocument HistoryPlan(string channel, string userId, int count) =>
        store.Read(db => Latest(db, channel, userId).Limit(count).GetPlan());

    /// <summary>
    /// Deletes up to <paramref name="max"/> handled turns saved before <paramref name="cutoffMs"/>, oldest first, in one
    /// small write (the retention sweep: batches on the store's writer). Returns how many were deleted.
    /// </summary>
    public Task<int> DeleteOlderThanAsync(long cutoffMs, int max, CancellationToken cancellationToken) =>
        store.WriteAsync(
            db =>
            {
                var turns = db.GetCollection<ProcessedTurn>(Collection);
                return Expired(turns, cutoffMs).Limit(max).ToList().Count(id => turns.Delete(id));
            },
            cancellationToken);

    /// <summary>How LiteDB runs the sweep's query, for tests.</summary>
    internal BsonDocument SweepPlan(long cutoffMs, int max) =>
        store.Read(db => Expired(db.GetCollection<ProcessedTurn>(Collection), cutoffMs).Limit(max).GetPlan());

    /// <summary>The user's turns newest first; with <paramref name="beforeMs"/>, only those saved before it (an earlier page).</summary>
    private static LiteDB.ILiteQueryableResult<ProcessedTurn> Latest(ILiteDatabase db, string channel, string userId, long? beforeMs = null)
    {
        var prefix = channel + "|" + userId + "|";
        var last = beforeMs is { } before ? Math.Max(0, before - 1).ToString("D16", System.Globalization.CultureInfo.InvariantCulture) : new string('9', 16);
        return db.GetCollection<ProcessedTurn>(Collection).Query()
            .Where(HistoryKey + " BETWEEN @0 AND @1", prefix + new string('0', 16), prefix + last)
            .OrderByDescending(HistoryKey);
    }

    private static LiteDB.ILiteQueryableResult<string> Expired(ILiteCollection turns, long cutoffMs) =>
        turns.Query().Where("$.AtMs < @0", cutoffMs).OrderBy("$.AtMs").Select(t => t.Id);

    private static bool IsOf(ProcessedTurn turn, string channel, string userId) =>
        string.Equals(turn.Channel, channel, StringComparison.Ordinal) && string.Equals(turn.UserId, userId, StringComparison.Ordinal);

    private static IReadOnlyList<ReplyMessage> Replies(ProcessedTurn turn) =>
        JsonSerializer.Deserialize<List<ReplyMessage>>(turn.RepliesJson, Json) ?? [];
}
