using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Tests.Channels;

public sealed class ChannelMessageDeduplicatorTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Only_the_first_delivery_of_a_message_id_claims_it()
    {
        var deduplicator = new ChannelMessageDeduplicator(new ManualClock());
        Assert.True(deduplicator.TryClaim("wecom", "1"));
        Assert.False(deduplicator.TryClaim("wecom", "1"));
        Assert.False(deduplicator.TryClaim("wecom", "1"));
        Assert.True(deduplicator.TryClaim("feishu", "1"));
        Assert.True(deduplicator.TryClaim("wecom", "2"));
    }

    [Fact]
    public void Concurrent_deliveries_of_one_id_yield_exactly_one_claim()
    {
        var deduplicator = new ChannelMessageDeduplicator(TimeProvider.System);
        var claims = 0;
        Parallel.For(0, 64, _ =>
        {
            if (deduplicator.TryClaim("dingtalk", "msgX"))
            {
                Interlocked.Increment(ref claims);
            }
        });
        Assert.Equal(1, claims);
    }

    [Fact]
    public void A_released_claim_lets_the_vendors_retry_through()
    {
        var deduplicator = new ChannelMessageDeduplicator(new ManualClock());
        Assert.True(deduplicator.TryClaim("feishu", "ev"));
        deduplicator.Release("feishu", "ev");
        Assert.True(deduplicator.TryClaim("feishu", "ev"));
    }

    [Fact]
    public void An_id_is_forgotten_after_the_retention()
    {
        var clock = new ManualClock();
        var deduplicator = new ChannelMessageDeduplicator(clock);
        Assert.True(deduplicator.TryClaim("wecom", "1"));
        clock.Now += ChannelMessageDeduplicator.Retention - TimeSpan.FromMinutes(1);
        Assert.False(deduplicator.TryClaim("wecom", "1"));
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.True(deduplicator.TryClaim("wecom", "1"));
        Assert.False(deduplicator.TryClaim("wecom", "1"));
    }
}
