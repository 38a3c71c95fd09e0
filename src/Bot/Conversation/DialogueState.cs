using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store;

namespace InstructorBot.Bot.Conversation;

/// <summary>Pending questions per user, kept in the store so a restart mid-dialogue loses nothing.</summary>
public sealed class DialogueState
{
    public const string Collection = "pending_dialogues";

    private readonly InstructorStore store;
    private readonly TimeProvider clock;

    public DialogueState(InstructorStore store, TimeProvider clock)
    {
        this.store = store;
        this.clock = clock;
        store.EnsureCollection(Collection);
    }

    /// <summary>A question older than this is forgotten: the user has moved on.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Write-through cache: the store is read once per user per process, then kept in step with every write. Only on
    /// LiteDB, where this process owns the file; on PostgreSQL another host may have asked the user since, so every
    /// turn reads the row.
    /// </summary>
    private readonly ConcurrentDictionary<string, PendingDialogue?> cache = new(StringComparer.Ordinal);

    private bool Caches => store.Engine == StoreEngineKind.LiteDb;

    public PendingQuestion? Find(string userId)
    {
        var pending = Caches
            ? cache.GetOrAdd(userId, id => store.Documents.Find<PendingDialogue>(Collection, id))
            : store.Documents.Find<PendingDialogue>(Collection, userId);
        if (pending is null || pending.AtMs < clock.GetUtcNow().Add(-Lifetime).ToUnixTimeMilliseconds())
        {
            return null;
        }

        try
        {
            return new PendingQuestion(pending, JsonSerializer.Deserialize<List<UnderstoodAction>>(pending.ActionsJson, Json) ?? []);
        }
        catch (JsonException)
        {
            // A question saved in a form this version cannot read: as if none were pending (the user is asked afresh).
            return null;
        }
    }

    /// <summary>Saves the question asked for the waiting actions (replacing any other), with the words of the message.</summary>
    public async Task SaveAsync(
        string userId, string kind, IReadOnlyList<UnderstoodAction> actions, IReadOnlyList<int> candidates, ReplyMessage question, string subject,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var pending = new PendingDialogue
        {
            Id = userId,
            Kind = kind,
            ActionsJson = JsonSerializer.Serialize(actions, Json),
            Candidates = candidates,
            Subject = subject,
            QuestionText = question.Text,
            QuickReplyTitles = [.. (question.QuickReplies ?? []).Select(q => q.Title)],
            QuickReplyValues = [.. (question.QuickReplies ?? []).Select(q => q.Value)],
            AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await store.WriteDocumentsAsync(documents => { documents.Upsert(Collection, userId, pending); return true; }, cancellationToken);
        cache[userId] = pending;
    }

    public async Task ClearAsync(string userId, CancellationToken cancellationToken)
    {
        if (Caches && cache.TryGetValue(userId, out var known) && known is null)
        {
            return;
        }

        await store.WriteDocumentsAsync(documents => documents.Delete(Collection, userId), cancellationToken);
        cache[userId] = null;
    }

    public bool HasPending(string userId) => Find(userId) is not null;
}
