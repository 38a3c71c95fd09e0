using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Security;

/// <summary>
/// Throttles guesses at one-time codes: per sender (<see cref="CodeAttemptOptions.MaxFailures"/> wrong tries, then a
/// lockout) and for everyone together (a per-minute ceiling on wrong tries that refuses only repeat guessers). In memory:
/// a restart forgets the counts, which costs an attacker the restart of the host, not a sweep.
/// </summary>
public sealed class CodeAttemptThrottle(IOptions<CodeAttemptOptions> options, TimeProvider clock)
{
    private const int MaxTrackedSenders = 100_000;

    private readonly ConcurrentDictionary<string, SenderState> senders = new(StringComparer.Ordinal);
    private readonly Lock globalLock = new();
    private long globalMinute;
    private int globalFailures;

    /// <summary>Null when <paramref name="sender"/> may try a code now; else how long it must wait.</summary>
    public TimeSpan? RetryAfter(string sender)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (senders.TryGetValue(sender, out var state))
        {
            lock (state)
            {
                if (state.LockedUntil > now)
                {
                    return state.LockedUntil - now;
                }

                if (state.FailuresThisMinute > 0 && state.Minute == MinuteOf(now) && GlobalFailures(now) >= settings.GlobalFailuresPerMinute)
                {
                    return TimeSpan.FromSeconds(60 - now.Second);
                }
            }
        }

        return null;
    }

    /// <summary>Counts a wrong code from <paramref name="sender"/>; locks it at the limit.</summary>
    public void Failed(string sender)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        if (senders.Count >= MaxTrackedSenders)
        {
            Prune(now);
        }

        var state = senders.GetOrAdd(sender, _ => new SenderState());
        lock (state)
        {
            if ((state.LockedUntil <= now && state.LockedUntil != default) || now - state.LastFailure > settings.Lockout)
            {
                state.Failures = 0;
                state.LockedUntil = default;
            }

            state.Failures++;
            state.LastFailure = now;
            if (state.Minute != MinuteOf(now))
            {
                state.Minute = MinuteOf(now);
                state.FailuresThisMinute = 0;
            }

            state.FailuresThisMinute++;
            if (state.Failures >= settings.MaxFailures)
            {
                state.LockedUntil = now + settings.Lockout;
            }
        }

        lock (globalLock)
        {
            if (globalMinute != MinuteOf(now))
            {
                globalMinute = MinuteOf(now);
                globalFailures = 0;
            }

            globalFailures++;
        }
    }

    /// <summary>A right code: the sender's count starts again.</summary>
    public void Succeeded(string sender) => senders.TryRemove(sender, out _);

    private int GlobalFailures(DateTimeOffset now)
    {
        lock (globalLock)
        {
            return globalMinute == MinuteOf(now) ? globalFailures : 0;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var horizon = now - options.Value.Lockout;
        foreach (var (key, state) in senders)
        {
            if (state.LockedUntil < now && state.LastFailure < horizon)
            {
                senders.TryRemove(key, out _);
            }
        }
    }

    private static long MinuteOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;

    private sealed class SenderState
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }

        public long Minute { get; set; }

        public int FailuresThisMinute { get; set; }
    }
}
