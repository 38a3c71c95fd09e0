using System.Net;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// The retention sweep on the real host over a real LiteDB file: handled turns and channel deliveries past
/// <c>Retention:Days</c> go at startup, in batches; records, the audit trail, the ledger and recent dedupe stay.
/// </summary>
public sealed class RetentionSweepTests
{
    private const string Kept = "msgKeep01";

    [Fact]
    public async Task The_startup_sweep_deletes_old_turns_and_deliveries_in_batches_and_keeps_records_audit_ledger_and_recent_dedupe()
    {
        var driver = new DingTalkDriver();
        await using var api = await LoopbackVendorApi.StartAsync();
        var settings = driver.Settings(api);
        settings["Retention:BatchSize"] = "40";
        settings["Retention:BatchPause"] = "00:00:00.005";
        var host = RealPipeline.Host(settings);
        try
        {
            RealPipeline.Bind(host, "dingtalk", "zhangwei01", "u_zhang");
            var members = host.Organization(RealPipeline.YunQi).PartyMembers;
            using (var client = host.CreateClient())
            {
                var (status, _) = await driver.SendTextAsync(client, api, "zhangwei01", RealPipeline.Report, Kept);
                Assert.Equal(HttpStatusCode.OK, status);
                await WaitUntilAsync(() => host.Services.GetRequiredService<ChannelDeliveryLog>().WasDelivered("dingtalk", Kept));
            }

            var now = DateTimeOffset.UtcNow;
            var expired = now.AddDays(-181).ToUnixTimeMilliseconds();
            var recent = now.AddDays(-179).ToUnixTimeMilliseconds();
            await SeedAsync(host, old: 130, oldDeliveries: 95, expired, recent);
            var records = host.RecordCount;
            var audit = AuditEntries(host);
            var ledger = host.LedgerSnapshot;
            Assert.Equal(1 + 130 + 7, host.ProcessedTurns);
            Assert.Equal(1 + 95 + 7, Deliveries(host));

            host = host.Restart();
            await WaitUntilAsync(() => host.ProcessedTurns == 1 + 7 && Deliveries(host) == 1 + 7);

            Assert.Equal(1 + 7, host.ProcessedTurns);
            Assert.Equal(1 + 7, Deliveries(host));
            Assert.Equal(0, host.Store.Read(db => db.GetCollection<ProcessedTurn>(TurnLog.Collection).Count(t => t.AtMs < recent)));
            Assert.Equal(records, host.RecordCount);
            Assert.Equal(audit, AuditEntries(host));
            Assert.Equal(ledger, host.LedgerSnapshot);
            Assert.Equal(7, host.Services.GetRequiredService<TurnLog>().History("web", "u_zhang", 50).Count);

            // A vendor's retry within the retention is still recognised: no second reply, nothing written.
            var sent = driver.ApiReplies(api).Count;
            using (var client = host.CreateClient())
            {
                var (status, _) = await driver.SendTextAsync(client, api, "zhangwei01", RealPipeline.Report, Kept, attempt: 1);
                Assert.Equal(HttpStatusCode.OK, status);
            }

            await Task.Delay(600);
            Assert.Equal(sent, driver.ApiReplies(api).Count);
            RealPipeline.AssertReportRecorded(host, members);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Retention:Days", "0")]
    [InlineData("Retention:BatchSize", "0")]
    [InlineData("Retention:Interval", "00:00:10")]
    public async Task A_retention_setting_out_of_range_stops_the_host_at_startup_naming_the_setting(string key, string value)
    {
        var host = new BotHost(new Dictionary<string, string?> { [key] = value }, import: false);
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => host.Services);
            Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static Task SeedAsync(BotHost host, int old, int oldDeliveries, long expired, long recent) =>
        host.Store.WriteAsync(db =>
        {
            var turns = db.GetCollection<ProcessedTurn>(TurnLog.Collection);
            var deliveries = db.GetCollection<DeliveredReply>(ChannelDeliveryLog.Collection);
            string[] channels = ["web", "dingtalk", "feishu"];
            for (var i = 0; i < old; i++)
            {
                turns.Insert(new ProcessedTurn { Id = $"{channels[i % 3]}:old{i}", Channel = channels[i % 3], UserId = "u_zhang", Text = "旧消息", AtMs = expired - i * 60_000L });
            }

            for (var i = 0; i < oldDeliveries; i++)
            {
                deliveries.Insert(new DeliveredReply { Id = $"feishu:old{i}", AtMs = expired - i * 60_000L });
            }

            for (var i = 0; i < 7; i++)
            {
                turns.Insert(new ProcessedTurn { Id = $"web:recent{i}", Channel = "web", UserId = "u_zhang", Text = "近期消息", AtMs = recent + i });
                deliveries.Insert(new DeliveredReply { Id = $"feishu:recent{i}", AtMs = recent + i });
            }

            return true;
        });

    private static int Deliveries(BotHost host) =>
        host.Store.Read(db => db.GetCollection<DeliveredReply>(ChannelDeliveryLog.Collection).Count());

    private static int AuditEntries(BotHost host) => host.Store.Read(db => db.GetCollection("audit").Count());

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }
    }
}
