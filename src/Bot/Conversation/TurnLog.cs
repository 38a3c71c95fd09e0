using System.Collections.Concurrent;
using System.Text.Json;
using InstructorBot.Store;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Handled messages in the store: dedupe on (channel, channel message id) with the first replies, and the web chat's
/// history for a signed-in user.
/// </summary>
public sealed class TurnLog(InstructorStore store)
{
    public const string Collection = "processed_turns";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private int indexed;

    public static string Key(string channel, string messageId) => $"{channel}:{messageId}";

    /// <summary>Replies whose durable copy is still being written (the turn was marked handled before they were known).</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyList<ReplyMessage>> writing = new(StringComparer.Ordinal);

    /// <summary>The first replies to this message, when it was handled before.</summary>
    public IReadOnlyList<ReplyMessage>? Find(string channel, string messageId)
    {
        var key = Key(channel, messageId);
        if (writing.TryGetValue(key, out var replies))
        {
            return replies;
        }

        var turn = store.Read(db => db.GetCollection<ProcessedTurn>(Collection).FindById(key));
        return turn is null ? null : Replies(turn);
    }

    /// <summary>
    /// Marks the turn handled without its replies yet. Enqueued right after the turn's records, it becomes durable in
    /// the same group commit or a later one, never before them: one commit's wait per recording turn instead of two.
    /// </summary>
    public Task MarkAsync(ProcessedTurn turn) => SaveAsync(turn with { RepliesJson = Unknown }, null, CancellationToken.None);

    public Task ForgetAsync(string key) =>
        store.WriteAsync(db => db.GetCollection<ProcessedTurn>(Collection).Delete(key), CancellationToken.None);

    /// <summary>Completes a marked turn with its replies in the background; until durable they are served from memory.</summary>
    public async Task CompleteAsync(ProcessedTurn turn, IReadOnlyList<ReplyMessage> replies)
    {
        writing[turn.Id] = replies;
        try
        {
            await SaveAsync(turn, replies, CancellationToken.None);
        }
        finally
        {
            writing.TryRemove(turn.Id, out _);
        }
    }

    public Task SaveAsync(ProcessedTurn turn, IReadOnlyList<ReplyMessage>? replies, CancellationToken cancellationToken) =>
        store.WriteAsync(db =>
        {
            var turns = db.GetCollection<ProcessedTurn>(Collection);
            if (Interlocked.Exchange(ref indexed, 1) == 0)
            {
                turns.EnsureIndex(t => t.UserId);
            }

            return turns.Upsert(replies is null ? turn : turn with { RepliesJson = JsonSerializer.Serialize(replies, Json) });
        }, cancellationToken);

    /// <summary>The last <paramref name="count"/> turns of a user on a channel, oldest first.</summary>
    public IReadOnlyList<(ProcessedTurn Turn, IReadOnlyList<ReplyMessage> Replies)> History(string channel, string userId, int count) =>
        store.Read(db => db.GetCollection<ProcessedTurn>(Collection)
                .Find(t => t.UserId == userId && t.Channel == channel)
                .OrderByDescending(t => t.AtMs)
                .Take(count)
                .Reverse()
                .Select(t => (t, Replies(t)))
                .ToList());

    /// <summary>A turn marked handled whose replies were lost in a crash: the records are in; the words are not.</summary>
    private const string Unknown = "pending";

    private IReadOnlyList<ReplyMessage> Replies(ProcessedTurn turn) =>
        writing.TryGetValue(turn.Id, out var replies)
            ? replies
            : turn.RepliesJson is null or Unknown
                ? [new ReplyMessage("这条消息已经处理并登记过了。")]
                : JsonSerializer.Deserialize<List<ReplyMessage>>(turn.RepliesJson, Json) ?? [];
}
