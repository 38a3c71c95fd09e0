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

    /// <summary>Write-through cache: the store is read once per user per process, then kept in step with every write.</summary>
    private readonly ConcurrentDictionary<string, PendingDialogue?> cache = new(StringComparer.Ordinal);

    public (IReadOnlyList<UnderstoodAction> Actions, IReadOnlyList<int> Candidates)? Find(string userId)
    {
        var pending = cache.GetOrAdd(userId, id => store.Read(db => db.GetCollection<PendingDialogue>(Collection).FindById(id)));
        if (pending is null || pending.AtMs < clock.GetUtcNow().Add(-Lifetime).ToUnixTimeMilliseconds())
        {
            return null;
        }

        try
        {
            return (JsonSerializer.Deserialize<List<UnderstoodAction>>(pending.ActionsJson, Json) ?? [], pending.Candidates);
        }
        catch (JsonException)
        {
            // A question saved in a form this version cannot read: as if none were pending (the user is asked afresh).
            return null;
        }
    }

    public async Task SaveAsync(string userId, IReadOnlyList<UnderstoodAction> actions, IReadOnlyList<int> candidates, CancellationToken cancellationToken)
    {
        var pending = new PendingDialogue
        {
            Id = userId,
            ActionsJson = JsonSerializer.Serialize(actions, Json),
            Candidates = candidates,
            AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await store.WriteAsync(db => db.GetCollection<PendingDialogue>(Collection).Upsert(pending), cancellationToken);
        cache[userId] = pending;
    }

    public async Task ClearAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(userId, out var known) && known is null)
        {
            return;
        }

        await store.WriteAsync(db => db.GetCollection<PendingDialogue>(Collection).Delete(userId), cancellationToken);
        cache[userId] = null;
    }

    public bool HasPending(string userId) => Find(userId) is not null;
}
