using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// Channel tests against the real turn pipeline: the conversation tests' <see cref="BotHost"/> (Program's wiring over a
/// temp LiteDB file with tests/data/ledger.csv and users.csv imported) with channel settings; nothing is replaced.
/// </summary>
internal static class RealPipeline
{
    public const string YunQi = "深圳市云启科技有限公司";
    public const string ShunDa = "深圳市顺达快递服务有限公司";
    public const string Report = "今天走访了云启科技，发现2名党员";

    public static BotHost Host(Dictionary<string, string?> settings) => new(settings);

    /// <summary>Binds a vendor user id through the real binding service (what <c>users bind</c> and an admin's chat do).</summary>
    public static void Bind(BotHost host, string channel, string channelUserId, string userId) =>
        host.Services.GetRequiredService<ChannelBindings>().BindAsync(userId, channel, channelUserId, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The visits and member discoveries <paramref name="userId"/> reported for <paramref name="organization"/>.</summary>
    public static (IReadOnlyList<Visit> Visits, IReadOnlyList<MemberDiscovery> Discoveries) RecordsFor(BotHost host, string userId, string organization)
    {
        var id = host.Organization(organization).Id;
        var records = host.Store.RecordsBy(userId).Where(r => r.OrganizationId == id).ToList();
        return ([.. records.OfType<Visit>()], [.. records.OfType<MemberDiscovery>()]);
    }

    /// <summary>Exactly one visit and one discovery of 2 members at 云启科技 by u_zhang, and its members rose by 2.</summary>
    public static void AssertReportRecorded(BotHost host, int membersBefore)
    {
        var (visits, discoveries) = RecordsFor(host, "u_zhang", YunQi);
        Assert.Single(visits);
        Assert.Equal(2, Assert.Single(discoveries).Count);
        Assert.Equal(membersBefore + 2, host.Organization(YunQi).PartyMembers);
        Assert.Equal(2, host.RecordCount);
    }

    /// <summary>The texts a reply to the report must carry.</summary>
    public static void AssertReportReply(string? reply)
    {
        Assert.NotNull(reply);
        Assert.Contains("已记录", reply, StringComparison.Ordinal);
        Assert.Contains(YunQi, reply, StringComparison.Ordinal);
    }
}
