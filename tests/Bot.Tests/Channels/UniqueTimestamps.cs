using System.Globalization;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// DingTalk's sign covers only the timestamp and the bot refuses a sign it has seen with another message (replay), as
/// it would refuse two real messages in one millisecond: the test drivers sign each request with a millisecond of its own.
/// </summary>
internal static class UniqueTimestamps
{
    private static long last;

    public static string NextMilliseconds()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        long value;
        long seen;
        do
        {
            seen = Interlocked.Read(ref last);
            value = Math.Max(now, seen + 1);
        }
        while (Interlocked.CompareExchange(ref last, value, seen) != seen);

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
