using System.Text.Json;
using InstructorBot.Store;
using ILiteDatabase = LiteDB.ILiteDatabase;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Handled messages in the store: dedupe on (channel, channel message id) with the first replies, and the web chat's
/// history for a signed-in user.
/// </summary>
public sealed class TurnLog
{
    public const string Collection = "processed_turns";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly InstructorStore store;

    public TurnLog(InstructorStore store)
    {
        this.store = store;
        store.EnsureCollection(Collection, nameof(ProcessedTurn.UserId));
    }

    public static string Key(string channel, string messageId) => $"{channel}:{messageId}";

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

    /// <summary>The last <paramref name="count"/> turns of a user on a channel, oldest first.</summary>
    public IReadOnlyList<(ProcessedTurn Turn, IReadOnlyList<ReplyMessage> Replies)> History(string channel, string userId, int count) =>
        store.Read(db => db.GetCollection<ProcessedTurn>(Collection)
                .Find(t => t.UserId == userId && t.Channel == channel)
                .OrderByDescending(t => t.AtMs)
                .Take(count)
                .Reverse()
                .Select(t => (t, Replies(t)))
                .ToList());

    private static IReadOnlyList<ReplyMessage> Replies(ProcessedTurn turn) =>
        JsonSerializer.Deserialize<List<ReplyMessage>>(turn.RepliesJson, Json) ?? [];
}
