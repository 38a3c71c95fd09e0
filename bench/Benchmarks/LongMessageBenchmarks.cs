using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Benchmarks;

/// <summary>
/// How understanding time grows with a message's length: voice-style run-ons (several facts a clause, numbers, dates,
/// unit names, fillers, few stops) of about 100, 400, 1,600 and 6,400 characters against the fixture ledger. Linear
/// growth means each row about four times the one before; <see cref="UnderstandTimeQuestion"/> is the time grammar's
/// worst case at the same lengths. One operation = one message.
/// dotnet run -c Release --project bench/Benchmarks -- --filter '*LongMessage*' --job medium
/// </summary>
[MemoryDiagnoser]
public class LongMessageBenchmarks
{
    private MessageUnderstanding understanding = null!;
    private User user = null!;
    private string text = "";
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 18, 0, 0, TimeSpan.FromHours(8));

    [Params(100, 400, 1600, 6400)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var ledger = File.ReadAllLines(Path.Combine(data, "ledger.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new Organization
            {
                Id = int.Parse(f[0], CultureInfo.InvariantCulture), Name = f[1], CreditCode = f[2],
                District = f[5], Street = f[6], Community = f[7],
            }).ToList();
        understanding = new MessageUnderstanding(ledger);
        user = new User { Id = "u_zhang", Name = "张伟", Jurisdiction = Jurisdiction.Parse("龙岗区/坂田街道") };
        text = RunOn(Length, [.. ledger.Select(o => o.Name)], 20261208);
        question = TimeQuestion(Length, 20261208);
        _ = understanding.Understand(text, user, Now);
        _ = understanding.Understand(question, user, Now);
    }

    [Benchmark]
    public int Understand() => understanding.Understand(text, user, Now).Actions.Count;

    /// <summary>
    /// A question made of the time grammar's links, anchors and points (到, 以来, 截至, 上周, 11月1日 …) to the length: the
    /// grammar's worst case (round 24: on main before it, fourteen "到以来" took over a minute, so main has no row here).
    /// </summary>
    [Benchmark]
    public int UnderstandTimeQuestion() => understanding.Understand(question, user, Now).Actions.Count;

    private string question = "";

    private static string TimeQuestion(int length, int seed)
    {
        string[] words = ["到", "以来", "截至", "截止到", "起", "至今", "开始", "上周", "11月", "1日", "今天", "本月", "下旬"];
        var random = new Random(seed);
        var built = new StringBuilder("我走访了多少家");
        while (built.Length < length)
        {
            built.Append(words[random.Next(words.Length)]);
        }

        return built.ToString();
    }

    /// <summary>
    /// A dictated report of about <paramref name="length"/> characters: clauses of visits, finds, staff figures,
    /// formations and plans about ledger units (full names and short ones), joined by spoken connectors, mostly with
    /// commas and sometimes none at all, as voice input gives them.
    /// </summary>
    public static string RunOn(int length, IReadOnlyList<string> names, int seed)
    {
        var random = new Random(seed);
        string[] days = ["今天", "昨天", "前天", "上周三", "11月30号", "12月1日", "上个月28号", "这周一上午", "昨天下午"];
        string[] connectors = ["然后", "还有就是", "对了", "另外", "嗯", "接着", "再就是", "完了以后", "顺便说一下"];
        string[] numbers = ["2", "3", "两", "三", "五", "12", "一百七", "三百二", "95", "十几", "四十来"];
        string[] categories = ["口袋党员", "流动党员", "预备党员", "正式党员", "退休党员"];
        string[] people = ["郑总", "李经理", "王主任", "周海涛", "陈书记", "刘老板"];
        string[] templates =
        [
            "{day}去了{org}走访",
            "{day}到{org}看了下",
            "{org}发现{n}名党员其中{n}名是{cat}",
            "{org}职工{n}人现有党员{n}名",
            "{org}员工{n}个左右负责人{person}表示支持",
            "{day}{org}单独成立了党支部{n}名党员书记{person}",
            "{org}和{org}准备联合组建",
            "{org}还没建党组织下周再去",
            "{person}说{org}有{n}个{cat}组织关系还在老家",
            "{day}和{person}一起去的{org}",
            "{org}计划12月底前发展1名党员",
            "{org}招了{n}个人里面有{n}名党员",
        ];
        var message = new StringBuilder();
        while (message.Length < length)
        {
            var clause = templates[random.Next(templates.Length)];
            var built = new StringBuilder();
            for (var i = 0; i < clause.Length; i++)
            {
                if (clause[i] != '{')
                {
                    built.Append(clause[i]);
                    continue;
                }

                var end = clause.IndexOf('}', i);
                var slot = clause[(i + 1)..end];
                built.Append(slot switch
                {
                    "day" => days[random.Next(days.Length)],
                    "org" => Spoken(names[random.Next(names.Count)], random),
                    "n" => numbers[random.Next(numbers.Length)],
                    "cat" => categories[random.Next(categories.Length)],
                    _ => people[random.Next(people.Length)],
                });
                i = end;
            }

            if (message.Length > 0)
            {
                message.Append(random.Next(4) == 0 ? "" : "，").Append(connectors[random.Next(connectors.Length)]);
            }

            message.Append(built);
        }

        return message.Append('。').ToString();
    }

    /// <summary>A unit as said aloud: its full name, or its name without 深圳市 and the legal form.</summary>
    private static string Spoken(string name, Random random) => random.Next(3) == 0
        ? name
        : name.Replace("深圳市", "", StringComparison.Ordinal).Replace("龙岗区", "", StringComparison.Ordinal)
            .Replace("有限公司", "", StringComparison.Ordinal);
}
