using InstructorBot.Store;
using InstructorBot.Store.Documents;
using LiteDB;

namespace InstructorBot.Bot.Coordination;

/// <summary>
/// The proactive messages claimed and sent (<c>notices</c>), with a unique index on (user, kind, period): a scheduler
/// claims a notice before sending it, and a second claim of the same key (another scheduler, or the same one after a
/// restart) fails, so each user gets each kind once per period. Claims run on the store's single writer and are durable
/// when acknowledged (committed, checkpointed, fsynced), so a restart sees every claim made before it.
/// </summary>
public sealed class NoticeLog
{
    public const string Collection = "notices";

    /// <summary>The unique index on (user, kind, period): LiteDB 5 has no compound indexes, so one field joins the three.</summary>
    internal const string KeyIndex = "Key";

    private readonly InstructorStore store;

    public NoticeLog(InstructorStore store)
    {
        this.store = store;
        store.EnsureCollection(Collection, notices => notices.EnsureIndex(KeyIndex, "$.Key", unique: true));
    }

    /// <summary>
    /// "u_zhang|digest|2026-11-10". The database compares text ignoring case, so an upper-case letter of the user id is
    /// written as ^ and the letter ("U_ZHANG" and "u_zhang" are two users and two keys).
    /// </summary>
    public static string Key(string userId, string kind, string period)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var escaped = new System.Text.StringBuilder(userId.Length + 8);
        foreach (var c in userId)
        {
            _ = c == '^' ? escaped.Append("^^") : char.IsUpper(c) ? escaped.Append('^').Append(char.ToLowerInvariant(c)) : escaped.Append(c);
        }

        return $"{escaped}|{kind}|{period}";
    }

    /// <summary>True when this user's notice of this kind and period was claimed (sent or being sent).</summary>
    public bool IsClaimed(string userId, string kind, string period) => Find(store.Documents, Key(userId, kind, period)) is not null;

    /// <summary>
    /// Claims the notice; null when it was claimed before (by anyone). The check and the insert run in one write on the
    /// store's single writer; the unique index refuses a duplicate should anything else insert one.
    /// </summary>
    public async Task<Notice?> ClaimAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        try
        {
            return await store.WriteDocumentsAsync(
                documents =>
                {
                    var key = Key(notice.UserId, notice.Kind, notice.Period);
                    if (Find(documents, key) is not null)
                    {
                        return null;
                    }

                    // On PostgreSQL another host's scheduler may claim the same key at the same moment: the unique key
                    // (documents_notice_key) lets one insert through and gives the other null.
                    return documents.InsertWithNewId(Collection, id => notice with { Id = id, Key = key, State = NoticeState.Claimed });
                },
                cancellationToken);
        }
        catch (LiteException duplicate) when (duplicate.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return null;
        }
    }

    public Task MarkSentAsync(Notice notice, string channel, long atMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return store.WriteDocumentsAsync(
            documents =>
            {
                documents.Upsert(Collection, notice.Id, notice with { State = NoticeState.Sent, Channel = channel, SentAtMs = atMs });
                return true;
            },
            cancellationToken);
    }

    /// <summary>Gives a claim back after the channel refused the message, so the next run tries again.</summary>
    public Task ReleaseAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return store.WriteDocumentsAsync(documents => documents.Delete(Collection, notice.Id), cancellationToken);
    }

    /// <summary>The user's last sent notice of this kind before <paramref name="period"/> (periods sort as text), or null.</summary>
    public Notice? LastSentBefore(string userId, string kind, string period) =>
        store.Documents.Where<Notice>(Collection, nameof(Notice.UserId), userId)
            .Where(n => n.UserId == userId && n.Kind == kind && n.State == NoticeState.Sent && string.CompareOrdinal(n.Period, period) < 0) // ordinal: LiteDB ignores case
            .MaxBy(n => n.Period, StringComparer.Ordinal);

    /// <summary>Every notice of a user, oldest claim first (for tests and support).</summary>
    public IReadOnlyList<Notice> Of(string userId) =>
        store.Documents.Where<Notice>(Collection, nameof(Notice.UserId), userId)
            .Where(n => n.UserId == userId).OrderBy(n => n.ClaimedAtMs).ThenBy(n => n.Id).ToList();

    private static Notice? Find(IDocumentReader documents, string key) =>
        documents.Where<Notice>(Collection, nameof(Notice.Key), key).FirstOrDefault();
}
