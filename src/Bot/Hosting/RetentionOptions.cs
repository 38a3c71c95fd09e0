namespace InstructorBot.Bot.Hosting;

/// <summary>
/// How long handled turns (<c>processed_turns</c>) and delivered channel replies (<c>channel_deliveries</c>) are kept
/// (section <c>Retention</c>, environment <c>Retention__Days</c> …). Records, the audit trail and the ledger are never pruned.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days a handled message is remembered. Vendors retry within minutes (Feishu for some hours) and the web chat shows the
    /// last 50 turns, so half a year is ample; at least one day.
    /// </summary>
    public int Days { get; set; } = 180;

    /// <summary>
    /// Entries deleted in one write on the store's writer: small, so turns queued behind it wait milliseconds (measured on the
    /// shared 2-core machine under load: a batch of 50 takes 20–80 ms with its commit and checkpoint, one of 200 about 100 ms).
    /// </summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The pause between two batches, leaving the writer to the turns (a backlog goes at about 200 entries a second).</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time between two sweeps; the first runs at startup.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}
