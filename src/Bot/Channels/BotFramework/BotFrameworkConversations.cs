using System.Collections.Concurrent;
using InstructorBot.Store;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// The conversation references of Bot Framework users (collection <c>botframework_conversations</c>), kept from each
/// message of a one-to-one conversation (never a group's, where a proactive message would reach everyone), so the
/// scheduler can send them its digests and reminders. Written only when a reference changes.
/// </summary>
public sealed class BotFrameworkConversations
{
    public const string Collection = "botframework_conversations";

    private readonly InstructorStore store;
    private readonly ConcurrentDictionary<string, ConversationReference> known = new(StringComparer.Ordinal);

    public BotFrameworkConversations(InstructorStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        store.EnsureCollection(Collection);
    }

    /// <summary>Keeps the reference of a message's conversation; nothing for a group conversation or an incomplete activity.</summary>
    public async Task RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.Id is not { Length: > 0 } user || activity.Conversation is not { Id: { Length: > 0 } conversation, IsGroup: not true }
            || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return;
        }

        var reference = new ConversationReference
        {
            Id = user, ServiceUrl = serviceUrl, ConversationId = conversation, ChannelId = activity.ChannelId,
            BotId = activity.Recipient?.Id, BotName = activity.Recipient?.Name,
        };
        if (Find(user) == reference)
        {
            return;
        }

        await store.WriteDocumentsAsync(documents => { documents.Upsert(Collection, user, reference); return true; }, cancellationToken);
        known[user] = reference;
    }

    /// <summary>The user's last one-to-one conversation, or null when they never wrote one.</summary>
    public ConversationReference? Find(string channelUserId)
    {
        if (known.TryGetValue(channelUserId, out var cached))
        {
            return cached;
        }

        var stored = store.Documents.Find<ConversationReference>(Collection, channelUserId);
        if (stored is not null)
        {
            known[channelUserId] = stored;
        }

        return stored;
    }
}
