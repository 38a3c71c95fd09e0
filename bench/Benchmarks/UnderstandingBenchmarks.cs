using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using InstructorBot.Store.Domain;

namespace InstructorBot.Benchmarks;

/// <summary>
/// Message understanding throughput: the 50 development messages against the fixture ledger (32 organisations) and
/// against a generated 100,000-organisation ledger. One operation = one message.
/// dotnet run -c Release --project bench/Benchmarks -- --filter '*Understanding*' --job short
/// </summary>
[MemoryDiagnoser]
public class UnderstandingBenchmarks
{
    private const int Messages = 50;

    private (string Text, User User, DateTimeOffset Now)[] messages = [];
    private MessageUnderstanding fixture = null!;
    private MessageUnderstanding large = null!;
    private MessageUnderstanding largeWithOpinion = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var users = File.ReadAllLines(Path.Combine(data, "users.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => new User { Id = f[0], Name = f[1], Jurisdiction = Jurisdiction.Parse(f[3]) });
        messages = [.. File.ReadAllLines(Path.Combine(data, "understanding-dev.jsonl")).Where(l => l.Length > 0).Select(line =>
        {
            using var row = JsonDocument.Parse(line);
            var r = row.RootElement;
            return (r.GetProperty("text").GetString()!, users[r.GetProperty("user").GetString()!],
                DateTimeOffset.Parse(r.GetProperty("now").GetString()!, CultureInfo.InvariantCulture));
        })];
        if (messages.Length != Messages)
        {
            throw new InvalidOperationException($"expected {Messages} development messages, found {messages.Length}");
        }

        var ledger = File.ReadAllLines(Path.Combine(data, "ledger.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new Organization
            {
                Id = int.Parse(f[0], CultureInfo.InvariantCulture), Name = f[1], CreditCode = f[2],
                District = f[5], Street = f[6], Community = f[7],
            }).ToList();
        fixture = new MessageUnderstanding(ledger);
        large = new MessageUnderstanding([.. ledger, .. GeneratedLedger(100_000 - ledger.Count, ledger.Count + 1)]);
        largeWithOpinion = new MessageUnderstanding(() => 0, () => large.Index.Organizations)
        {
            SecondOpinion = new SecondOpinion(IntentModel.Train(IntentExample.Shipped())),
        };
        _ = fixture.Index;
        _ = large.Index;
        _ = largeWithOpinion.Index;
    }

    /// <summary>Plausible names: region, a two-character brand from a common pool, one or two industry words, a legal form.</summary>
    internal static IEnumerable<Organization> GeneratedLedger(int count, int firstId)
    {
        const string pool = "安邦宝诚创达德丰东方飞扬富强高远光明海纳和信恒通弘毅华景汇聚佳禾金鹏巨龙凯旋康泰朗润力行联创美嘉明远南山鹏飞启明千禧荣盛瑞丰润泽尚品盛世顺昌泰和天成通达万家伟业文华祥和鑫源新宇信达星河旭日亚太亿丰永盛优选裕华远航兆丰振华正大志诚中和卓越";
        string[] industries = ["科技", "电子", "物流", "贸易", "餐饮管理", "物业管理", "文化传媒", "建筑工程", "医疗器械", "网络科技", "信息技术", "实业", "供应链管理", "教育咨询", "家政服务"];
        string[] forms = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"];
        string[] streets = ["坂田街道", "布吉街道", "横岗街道", "龙城街道", "民治街道", "大浪街道", "平湖街道", "吉华街道"];
        var random = new Random(20261118);
        for (var i = 0; i < count; i++)
        {
            var brand = new string([pool[random.Next(pool.Length)], pool[random.Next(pool.Length)]]);
            var industry = industries[random.Next(industries.Length)];
            var name = $"深圳市{brand}{(random.Next(3) == 0 ? pool[random.Next(pool.Length)].ToString() : "")}{industry}{forms[random.Next(forms.Length)]}";
            yield return new Organization
            {
                Id = firstId + i,
                Name = name,
                District = "龙岗区",
                Street = streets[random.Next(streets.Length)],
                Community = "第" + (i % 40) + "社区",
            };
        }
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int DevSetFixtureLedger() => UnderstandAll(fixture);

    [Benchmark(OperationsPerInvoke = Messages)]
    public int DevSetHundredThousandOrganizations() => UnderstandAll(large);

    /// <summary>The same with the second opinion, which reads the messages whose reading holds a recording action (28 of the 50).</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public int DevSetHundredThousandOrganizationsWithSecondOpinion() => UnderstandAll(largeWithOpinion);

    private int UnderstandAll(MessageUnderstanding understanding)
    {
        var actions = 0;
        foreach (var (text, user, now) in messages)
        {
            actions += understanding.Understand(text, user, now).Actions.Count;
        }

        return actions;
    }
}
