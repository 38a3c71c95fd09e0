using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace InstructorBot.Benchmarks;

/// <summary>
/// The runtime's allocation ticks (one event per ~100 KB allocated, with the type that crossed it), counted by type: where
/// the bytes go, sampled in process without a profiler (<see cref="AskProfile"/>, KB_PROFILE_ALLOC=1).
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> bytes = new();

    /// <summary>Collect only when true (the warm-up's allocations are left out).</summary>
    public bool On { get; set; }

    public IEnumerable<(string Type, long Bytes)> Top(int count) =>
        bytes.OrderByDescending(e => e.Value).Take(count).Select(e => (e.Key, e.Value));

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!On || data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null)
        {
            return;
        }

        var type = data.PayloadNames?.IndexOf("TypeName") is >= 0 and var t ? data.Payload[t] as string ?? "?" : "?";
        var amount = data.PayloadNames?.IndexOf("AllocationAmount64") is >= 0 and var a ? Convert.ToInt64(data.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }
}
