using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>
/// DingTalk's <c>sign</c> covers only the timestamp, so a captured (timestamp, sign) pair would carry any body for the
/// whole skew window. Each sign is remembered, with the msgId it came with, for as long as its timestamp is acceptable:
/// the same sign again is DingTalk's own retry of that message (same msgId, answered as a duplicate) or a replay with
/// another body (refused). Two genuine messages in one millisecond share a sign; the second is refused and DingTalk
/// retries it with a fresh timestamp.
/// </summary>
public sealed class DingTalkSeenSigns(IOptions<DingTalkOptions> options, TimeProvider clock)
{
    private const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<string, (string MsgId, DateTimeOffset Forget)> seen = new(StringComparer.Ordinal);

    /// <summary>False when <paramref name="sign"/> was seen before with another message.</summary>
    public bool Accept(string sign, string msgId)
    {
        var now = clock.GetUtcNow();
        if (seen.Count >= MaxRemembered)
        {
            foreach (var (key, entry) in seen)
            {
                if (entry.Forget < now)
                {
                    seen.TryRemove(key, out _);
                }
            }
        }

        // Remembered for twice the skew: a timestamp accepted now cannot be accepted again after that.
        var remembered = seen.GetOrAdd(sign, _ => (msgId, now + options.Value.MaxClockSkew * 2));
        if (remembered.Forget < now)
        {
            seen[sign] = (msgId, now + options.Value.MaxClockSkew * 2);
            return true;
        }

        return remembered.MsgId == msgId;
    }
}
