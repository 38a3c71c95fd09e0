using InstructorBot.Store.Domain;
using InstructorBot.Store.Storage;

namespace InstructorBot.Store.Import;

/// <summary>Adds or updates users by 用户ID, keeping the channel identities already bound.</summary>
internal static class UserMerger
{
    public static ImportReport Merge(WriteContext context, IReadOnlyList<User> users, string actor, DateTimeOffset now)
    {
        int added = 0, updated = 0, unchanged = 0;
        foreach (var user in users)
        {
            var existing = context.Data.FindUser(user.Id);
            if (existing is null)
            {
                context.Data.UpsertUser(user);
                added++;
                continue;
            }

            var merged = user with { ChannelIdentities = existing.ChannelIdentities };
            if (merged with { ChannelIdentities = [] } == existing with { ChannelIdentities = [] })
            {
                unchanged++;
                continue;
            }

            context.Data.UpsertUser(merged);
            updated++;
        }

        if (added + updated > 0)
        {
            context.UsersChanged = true;
            context.Append(new AuditEntry
            {
                Actor = actor,
                At = now,
                Action = "import_users",
                Summary = $"新增 {added}、更新 {updated}、未变 {unchanged}",
            });
        }

        return new ImportReport(added, updated, unchanged, []);
    }
}
