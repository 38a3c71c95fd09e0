using System.Collections.Concurrent;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// The in-flight and recently seen vendor message ids of every channel. WeCom, DingTalk and Feishu retry a
/// delivery while the first one is still being handled; only the first delivery of an id claims the turn and
/// its one reply, the retries are acknowledged without processing. The turn pipeline dedupes durably as well, and
/// <see cref="ChannelDeliveryLog"/> remembers across restarts which replies were delivered; this map exists because
/// retries arrive before the first turn has finished and been recorded.
/// </summary>
public sealed class ChannelMessageDeduplicator(TimeProvider time)
{
    /// <summary>How long a claimed id is remembered (vendors retry within minutes).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(6);

    /// <summary>Past this many remembered ids the oldest half is forgotten, so a flood cannot exhaust memory.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string Channel, string MessageId), DateTimeOffset> claimed = new();
    private long claims;

    /// <summary>True for the first delivery of (channel, message id); false for every retry within the retention.</summary>
    public bool TryClaim(string channel, string messageId)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref claims) % 1024 == 0 || claimed.Count >= Capacity)
        {
            Prune(now);
        }

        var key = (channel, messageId);
        if (claimed.TryAdd(key, now))
        {
            return true;
        }

        // An expired entry not yet pruned counts as unseen; replace it atomically.
        return claimed.TryGetValue(key, out var at) && now - at > Retention && claimed.TryUpdate(key, now, at);
    }

    /// <summary>Forgets a claim whose delivery could not be processed (e.g. the queue was full), so the vendor's retry is handled.</summary>
    public void Release(string channel, string messageId) => claimed.TryRemove((channel, messageId), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, at) in claimed)
        {
            if (now - at > Retention)
            {
                claimed.TryRemove(key, out _);
            }
        }

        if (claimed.Count >= Capacity)
        {
            var cutoff = claimed.Values.Order().ElementAt(claimed.Count / 2);
            foreach (var (key, at) in claimed)
            {
                if (at <= cutoff)
                {
                    claimed.TryRemove(key, out _);
                }
            }
        }
    }
}
