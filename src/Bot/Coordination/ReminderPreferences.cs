using InstructorBot.Store;

namespace InstructorBot.Bot.Coordination;

/// <summary>Who said "不要提醒" (<c>reminder_preferences</c>): the scheduler sends them nothing until they say "恢复提醒".</summary>
public sealed class ReminderPreferences
{
    public const string Collection = "reminder_preferences";

    private readonly InstructorStore store;
    private readonly TimeProvider time;

    public ReminderPreferences(InstructorStore store, TimeProvider time)
    {
        this.store = store;
        this.time = time;
        store.EnsureCollection(Collection);
    }

    public bool IsEnabled(string userId) =>
        store.Documents.Find<ReminderPreference>(Collection, userId)?.Enabled ?? true;

    /// <summary>Stores the user's choice (durable when the task completes); returns whether it changed anything.</summary>
    public Task<bool> SetAsync(string userId, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        return store.WriteDocumentsAsync(
            documents =>
            {
                var was = documents.Find<ReminderPreference>(Collection, userId)?.Enabled ?? true;
                documents.Upsert(Collection, userId, new ReminderPreference { Id = userId, Enabled = enabled, AtMs = at });
                return was != enabled;
            },
            cancellationToken);
    }
}
