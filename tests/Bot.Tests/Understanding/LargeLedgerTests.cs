using System.Diagnostics;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Linking goes through the index, not a scan: a 100,000-organisation ledger still answers in milliseconds.</summary>
public sealed class LargeLedgerTests(ITestOutputHelper output)
{
    [Fact]
    public void A_hundred_thousand_organisation_ledger_is_indexed_once_and_answers_each_message_in_milliseconds()
    {
        var ledger = FixtureLedger.Organizations().Concat(GeneratedLedger(100_000 - 32)).ToList();
        var clock = Stopwatch.StartNew();
        var understanding = new MessageUnderstanding(ledger);
        var aliases = understanding.Index.AliasCount;
        var build = clock.Elapsed;
        var zhang = FixtureLedger.Users()["u_zhang"];
        var now = new DateTimeOffset(2026, 11, 18, 15, 30, 0, TimeSpan.FromHours(8));
        string[] messages = ["今天走访了云启科技，职工180人，现有党员6名", "蓝海跨境电商和坂田手造咖啡、青禾文化三家今天成立了联合党支部，采取区域联建方式，书记林晓", "华鼎那边发现1名流动党员"];
        Assert.Equal("深圳市云启科技有限公司", understanding.Understand(messages[0], zhang, now).Actions[0].Organization);

        clock.Restart();
        const int rounds = 200;
        for (var i = 0; i < rounds; i++)
        {
            understanding.Understand(messages[i % messages.Length], zhang, now);
        }

        var perMessage = clock.Elapsed.TotalMilliseconds / rounds;
        output.WriteLine($"index: {build.TotalSeconds:F1} s for {ledger.Count} organisations, {aliases} names; {perMessage:F3} ms per message");
        Assert.True(perMessage < 20, $"{perMessage} ms per message");
    }

    private static IEnumerable<Organization> GeneratedLedger(int count)
    {
        const string pool = "安邦宝诚创达德丰东方飞扬富强高远光明海纳和信恒通弘毅华景汇聚佳禾金鹏巨龙凯旋康泰朗润力行联创美嘉明远南山鹏飞启明千禧荣盛瑞丰润泽尚品盛世顺昌泰和天成通达万家伟业文华祥和鑫源新宇信达星河旭日亚太亿丰永盛优选裕华远航兆丰振华正大志诚中和卓越";
        string[] industries = ["科技", "电子", "物流", "贸易", "餐饮管理", "物业管理", "文化传媒", "建筑工程", "医疗器械", "网络科技", "信息技术", "实业"];
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var brand = new string([pool[random.Next(pool.Length)], pool[random.Next(pool.Length)], pool[random.Next(pool.Length)]]);
            yield return new Organization
            {
                Id = 1000 + i,
                Name = $"深圳市{brand}{industries[random.Next(industries.Length)]}有限公司",
                District = "龙岗区",
                Street = "平湖街道",
                Community = "第" + (i % 40) + "社区",
            };
        }
    }
}
