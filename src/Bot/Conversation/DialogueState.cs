using System.Text.Json;
using System.Text.Json.Serialization;
using InstructorBot.Store;

namespace InstructorBot.Bot.Conversation;

/// <summary>Pending questions per user, kept in the store so a restart mid-dialogue loses nothing.</summary>
public sealed class DialogueState(InstructorStore store, TimeProvider clock)
{
    public const string Collection = "pending_dialogues";

    /// <summary>A question older than this is forgotten: the user has moved on.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public (IReadOnlyList<PlannedAction> Actions, IReadOnlyList<int> Candidates)? Find(string userId)
    {
        var pending = store.Read(db => db.GetCollection<PendingDialogue>(Collection).FindById(userId));
        if (pending is null || pending.AtMs < clock.GetUtcNow().Add(-Lifetime).ToUnixTimeMilliseconds())
        {
            return null;
        }

        return (JsonSerializer.Deserialize<List<PlannedAction>>(pending.ActionsJson, Json) ?? [], pending.Candidates);
    }

    public Task SaveAsync(string userId, IReadOnlyList<PlannedAction> actions, IReadOnlyList<int> candidates, CancellationToken cancellationToken) =>
        store.WriteAsync(db => db.GetCollection<PendingDialogue>(Collection).Upsert(new PendingDialogue
        {
            Id = userId,
            ActionsJson = JsonSerializer.Serialize(actions, Json),
            Candidates = candidates,
            AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }), cancellationToken);

    public Task ClearAsync(string userId, CancellationToken cancellationToken) =>
        store.WriteAsync(db => db.GetCollection<PendingDialogue>(Collection).Delete(userId), cancellationToken);

    public bool HasPending(string userId) => Find(userId) is not null;
}
