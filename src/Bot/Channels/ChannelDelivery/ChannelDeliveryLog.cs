using InstructorBot.Bot.Conversation;
using InstructorBot.Store;
using InstructorBot.Store.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// The vendor messages whose replies the vendor accepted, in the store (<c>channel_deliveries</c>). The in-memory
/// <see cref="ChannelMessageDeduplicator"/> forgets everything in a restart and the turn log answers a handled message
/// with its first replies, so without this a vendor's retry after a restart (Feishu retries for hours, DingTalk and a
/// lost acknowledgement) sent the same reply twice. A reply is recorded only once every part was accepted: a message
/// handled but never answered (a crash between the store's commit and the vendor's call) is still answered by the retry.
/// </summary>
public sealed partial class ChannelDeliveryLog
{
    public const string Collection = "channel_deliveries";

    private readonly InstructorStore store;
    private readonly TimeProvider time;
    private readonly ILogger<ChannelDeliveryLog> logger;

    public ChannelDeliveryLog(InstructorStore store, TimeProvider time, ILogger<ChannelDeliveryLog> logger)
    {
        this.store = store;
        this.time = time;
        this.logger = logger;
        store.EnsureCollection(Collection, deliveries => deliveries.EnsureIndex(nameof(DeliveredReply.AtMs), "$.AtMs"));
    }

    /// <summary>
    /// Deletes up to <paramref name="max"/> deliveries recorded before <paramref name="cutoffMs"/>, oldest first, inside the
    /// one small write (the retention sweep: batches on the store's writer). Returns how many were deleted.
    /// </summary>
    public Task<int> DeleteOlderThanAsync(long cutoffMs, int max, CancellationToken cancellationToken) =>
        store.WriteDocumentsAsync(documents => documents.DeleteOlderThan(Collection, nameof(DeliveredReply.AtMs), cutoffMs, max), cancellationToken);

    /// <summary>How LiteDB runs the sweep's query, for tests.</summary>
    internal BsonDocument SweepPlan(long cutoffMs, int max) =>
        store.Read(db => LiteDbDocuments.OlderThanQuery(db, Collection, nameof(DeliveredReply.AtMs), cutoffMs).Limit(max).GetPlan());

    /// <summary>True when a reply to this message was accepted by the vendor, before or after a restart.</summary>
    public bool WasDelivered(string channel, string messageId) =>
        store.Documents.Find<DeliveredReply>(Collection, TurnLog.Key(channel, messageId)) is not null;

    /// <summary>
    /// Sends <paramref name="parts"/> in order through <paramref name="send"/>, stopping at the first refusal, and records
    /// the delivery once all were accepted (also when there was nothing to send). False when a part was refused.
    /// </summary>
    public async Task<bool> SendAsync(
        string channel,
        string messageId,
        IReadOnlyList<string> parts,
        Func<string, CancellationToken, Task<bool>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(send);
        for (var i = 0; i < parts.Count; i++)
        {
            if (!await send(parts[i], cancellationToken))
            {
                LogUndelivered(logger, channel, messageId, i + 1, parts.Count);
                return false;
            }
        }

        var delivered = new DeliveredReply { Id = TurnLog.Key(channel, messageId), AtMs = time.GetUtcNow().ToUnixTimeMilliseconds() };
        await store.WriteDocumentsAsync(documents => { documents.Upsert(Collection, delivered.Id, delivered); return true; }, CancellationToken.None);
        return true;
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "{Channel} reply to {MessageId} not delivered: part {Part} of {Parts} was refused; a retry will answer it")]
    private static partial void LogUndelivered(ILogger logger, string channel, string messageId, int part, int parts);
}
