using InstructorBot.Store;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The sender's own record writes that are still in place and inside the undo window (<see cref="ConversationOptions.UndoWindowDays"/>),
/// newest first: what "我最近的登记" lists, "撤销 2" takes back and a correction amends. Read only on those turns.
/// </summary>
public sealed class RecordHistory(InstructorStore store, IOptions<ConversationOptions> options)
{
    public int WindowDays => options.Value.UndoWindowDays;

    public int ListCount => options.Value.RecentCount;

    /// <summary>Up to <paramref name="count"/> of the user's writes inside the window, newest first, numbered from 1.</summary>
    public IReadOnlyList<RecentWrite> Recent(string userId, DateTimeOffset now, int count)
    {
        var since = now.AddDays(-WindowDays);
        var entries = store.AuditOf(userId, limit: 200)
            .Where(e => e.Action == "record" && e.UndoneBy is null && e.At >= since)
            .Take(count)
            .ToList();
        return [.. entries.Select((e, i) => new RecentWrite(i + 1, e, store.FindRecords(e.Records)))];
    }

    /// <summary>The user's newest write still in place inside the window, or null.</summary>
    public RecentWrite? Last(string userId, DateTimeOffset now) => Recent(userId, now, 1).FirstOrDefault();
}
