using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Tests.Channels;

public sealed class AccessTokenCacheTests
{
    private int fetches;

    private Task<(string Token, int ExpiresInSeconds)?> FetchAsync(CancellationToken cancellationToken) =>
        Task.FromResult<(string, int)?>(("token-" + ++fetches, 7200));

    [Fact]
    public async Task A_token_is_reused_until_one_minute_before_it_expires_by_default()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var cache = new AccessTokenCache(clock);

        Assert.Equal("token-1", await cache.GetAsync(FetchAsync, forceRefresh: false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(7200 - 61));
        Assert.Equal("token-1", await cache.GetAsync(FetchAsync, forceRefresh: false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", await cache.GetAsync(FetchAsync, forceRefresh: false, CancellationToken.None));
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task A_longer_renewal_margin_renews_the_token_earlier()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var cache = new AccessTokenCache(clock, TimeSpan.FromMinutes(5));

        await cache.GetAsync(FetchAsync, forceRefresh: false, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(7200 - 301));
        Assert.Equal("token-1", await cache.GetAsync(FetchAsync, forceRefresh: false, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", await cache.GetAsync(FetchAsync, forceRefresh: false, CancellationToken.None));
    }
}
