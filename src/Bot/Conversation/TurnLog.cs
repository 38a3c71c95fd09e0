using System.Text.Json;
using InstructorBot.Store;
using InstructorBot.Store.Documents;
using BsonDocument = LiteDB.BsonDocument;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Handled messages in the store: dedupe on (channel, channel message id) with the first replies, and the web chat's
/// history for a signed-in user. On either engine (<see cref="InstructorStore.Documents"/>); a handled turn is inserted
/// only when its key is free, so of two hosts handling the same message only the first one's turn (and records) commit.
/// </summary>
public sealed class TurnLog
{
    public const string Collection = "processed_turns";

    /// <summary>The index the web chat's history reads: channel, user and time in one sortable key (LiteDB 5 has no compound indexes).</summary>
    internal const string HistoryIndex = "History";

    /// <summary>The index the retention sweep reads, oldest first.</summary>
    internal const string AgeIndex = "AtMs";

    private const string TimeField = nameof(ProcessedTurn.AtMs);

    private static readonly string[] PartitionFields = [nameof(ProcessedTurn.Channel), nameof(ProcessedTurn.UserId)];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly InstructorStore store;

    public TurnLog(InstructorStore store)
    {
        this.store = store;
        store.EnsureCollection(Collection, EnsureIndexes);
    }

    public static string Key(string channel, string messageId) => $"{channel}:{messageId}";

    /// <summary>
    /// The turn log's LiteDB indexes, created with the collection when the log is constructed (before any turn can read
    /// it). The UserId index of earlier versions is dropped: the history index replaces it. (PostgreSQL: migration 0003.)
    /// </summary>
    private static void EnsureIndexes(LiteDB.ILiteCollection<BsonDocument> turns)
    {
        // "$.Channel + '|' + $.UserId + '|' + FORMAT($.AtMs, 'D16')", as since round 3.
        turns.EnsureIndex(HistoryIndex, LiteDbDocuments.LatestKey(PartitionFields, TimeField));
        turns.EnsureIndex(AgeIndex, "$.AtMs");
        turns.DropIndex(nameof(ProcessedTurn.UserId));
    }

    /// <summary>The first replies to this message, when it was handled before.</summary>
    public IReadOnlyList<ReplyMessage>? Find(string channel, string messageId)
    {
        var turn = store.Documents.Find<ProcessedTurn>(Collection, Key(channel, messageId));
        return turn is null ? null : Replies(turn);
    }

    /// <summary>Saves the handled turn with its replies; false when the message was handled before (here or by another host).</summary>
    public Task<bool> SaveAsync(ProcessedTurn turn, IReadOnlyList<ReplyMessage> replies, CancellationToken cancellationToken) =>
        store.WriteDocumentsAsync(documents => Write(documents, turn, replies), cancellationToken);

    /// <summary>
    /// Saves the handled turn with its replies inside the caller's write (a recording turn saves it in the transaction
    /// of its records, so the records, the handled mark and the replies are durable together). False, with nothing
    /// written, when the message was handled before: a recording caller then throws, so its records go too.
    /// </summary>
    public bool Write(IDocumentWriter documents, ProcessedTurn turn, IReadOnlyList<ReplyMessage> replies)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(turn);
        return documents.TryInsert(Collection, turn.Id, turn with { RepliesJson = JsonSerializer.Serialize(replies, Json) });
    }

    /// <summary>
    /// The last <paramref name="count"/> turns of a user on a channel, oldest first: read newest first from the history
    /// index, so only those turns are loaded however many the user has.
    /// </summary>
    public IReadOnlyList<(ProcessedTurn Turn, IReadOnlyList<ReplyMessage> Replies)> History(string channel, string userId, int count, long? beforeMs = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(userId);
        var latest = store.Documents.Latest<ProcessedTurn>(Collection, Partition(channel, userId), TimeField, beforeMs, count);
        return latest.Reverse().Select(t => (t, Replies(t))).ToList();
    }

    /// <summary>How LiteDB runs the history query (which index, whether it sorts), for tests.</summary>
    internal BsonDocument HistoryPlan(string channel, string userId, int count) =>
        store.Read(db => LiteDbDocuments.LatestQuery(db, Collection, Partition(channel, userId), TimeField, null).Limit(count).GetPlan());

    /// <summary>
    /// Deletes up to <paramref name="max"/> handled turns saved before <paramref name="cutoffMs"/>, oldest first, in one
    /// small write (the retention sweep: batches on the store's writer). Returns how many were deleted.
    /// </summary>
    public Task<int> DeleteOlderThanAsync(long cutoffMs, int max, CancellationToken cancellationToken) =>
        store.WriteDocumentsAsync(documents => documents.DeleteOlderThan(Collection, TimeField, cutoffMs, max), cancellationToken);

    /// <summary>How LiteDB runs the sweep's query, for tests.</summary>
    internal BsonDocument SweepPlan(long cutoffMs, int max) =>
        store.Read(db => LiteDbDocuments.OlderThanQuery(db, Collection, TimeField, cutoffMs).Limit(max).GetPlan());

    private static (string Field, string Value)[] Partition(string channel, string userId) =>
        [(PartitionFields[0], channel), (PartitionFields[1], userId)];

    private static IReadOnlyList<ReplyMessage> Replies(ProcessedTurn turn) =>
        JsonSerializer.Deserialize<List<ReplyMessage>>(turn.RepliesJson, Json) ?? [];
}
