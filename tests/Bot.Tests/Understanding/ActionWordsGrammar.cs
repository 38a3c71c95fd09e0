using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A generative grammar of the words of doing (round 10, branch r10-ulex): each recording kind's frame composed from EVERY
/// word of the content classes that carry it in vocabulary.json (visit, stay, finding, hiring, completion and mass
/// organisation words, staff nouns, statuses, titles), old and new alike, × the fixture ledger's units × past days ×
/// numerals × typed or voice form (fillers, no punctuation, 俩/仨/两个). The gold is computed from the slots, never from the
/// parser; a word that cannot be read in its class's frame fails here and names itself. Deterministic for a seed.
/// </summary>
internal static class ActionWordsGrammar
{
    public const string User = "u_zhang";

    public static readonly string[] Frames = ["visit", "stay", "discovery", "hire", "formation", "coverage", "staff", "status"];

    /// <summary>Short names people say for ledger units (tests/data/ledger.csv), each unambiguous in the ledger.</summary>
    private static readonly (string Short, string Full)[] Units =
    [
        ("云启科技", "深圳市云启科技有限公司"), ("华鼎精密", "深圳市华鼎精密制造有限公司"), ("顺达快递", "深圳市顺达快递服务有限公司"),
        ("青禾文化", "深圳市青禾文化传媒有限公司"), ("蓝海跨境", "深圳市蓝海跨境电子商务有限公司"), ("恒信建筑", "深圳市恒信建筑工程有限公司"),
        ("佳和餐饮", "深圳市佳和餐饮管理有限公司"), ("瑞康医疗", "深圳市瑞康医疗器械有限公司"), ("智联物流", "深圳市智联物流有限公司"),
        ("星辰半导体", "深圳市星辰半导体有限公司"), ("德润物业", "深圳市德润物业管理有限公司"), ("微光软件", "深圳市微光软件有限公司"),
        ("鹏城数据", "深圳市鹏城数据服务有限公司"), ("安捷电子", "深圳市安捷电子有限公司"), ("美好时光家政", "深圳市美好时光家政服务有限公司"),
        ("优品超市", "深圳市优品连锁超市有限公司"), ("汇通汽车", "深圳市汇通汽车服务有限公司"), ("云启网络", "深圳市云启网络科技有限公司"),
        ("华鼎物流", "深圳市华鼎物流有限公司"), ("启航外国语学校", "深圳市龙岗区启航外国语学校"), ("仁爱医院", "深圳市龙岗区仁爱医院"),
        ("正衡律所", "广东正衡律师事务所"), ("诚信会计师事务所", "深圳市诚信会计师事务所"), ("电子商务协会", "深圳市龙岗区电子商务协会"),
        ("阳光社工", "深圳市龙岗区阳光社工服务中心"), ("明德实验学校", "深圳市龙华区明德实验学校"), ("书画家协会", "深圳市龙岗区书画家协会"),
        ("手造咖啡", "深圳市坂田手造咖啡有限公司"),
    ];

    private static readonly string[] Fillers = ["那个", "就是", "嗯", "然后", "呃", "这个", "对"];
    private static readonly string[] Surnames = ["王", "李", "刘", "陈", "杨", "黄", "周", "吴", "徐", "马", "朱", "胡", "郭", "何", "高", "罗", "梁", "谢"];
    private static readonly string[] GivenNames = ["芳", "建国", "晓燕", "志强", "丽", "海涛", "秀英", "玉兰", "静怡", "俊杰", "红梅", "国华", "小军", "丽娟", "春生"];
    private static readonly (string Word, string Level)[] PartyBodies = [("党支部", "branch"), ("支部", "branch"), ("党总支", "general_branch")];

    public static Vocabulary Words { get; } = Vocabulary.Default();

    /// <summary>The workplace forms derived into the staff words (厂里, 全所): read in their own frame (WordClassTests), not here.</summary>
    private static readonly HashSet<string> PlaceWords =
        [.. Words.UnitPlaceNouns.SelectMany(n => Vocabulary.PlaceSuffixes.Select(s => n + s).Concat(Vocabulary.WholePrefixes.Select(p => p + n)))];

    public sealed record Case(string Id, string Frame, DateTimeOffset Now, string Text, JsonObject Gold)
    {
        public JsonObject Row() => new()
        {
            ["id"] = Id, ["user"] = User, ["now"] = Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), ["text"] = Text,
            ["gold"] = Gold.DeepClone(),
        };
    }

    public static IReadOnlyList<Case> Generate(int perFrame, int seed)
    {
        var cases = new List<Case>();
        var random = new Random(seed);
        foreach (var frame in Frames)
        {
            for (var i = 0; i < perFrame; i++)
            {
                var g = new Builder(random, voice: i % 2 == 1);
                // Every word of the frame's classes in turn, then drawn at random: all words are read at least once.
                var actions = g.Build(frame, i);
                cases.Add(new Case($"aw-{frame}-{i:D4}", frame, g.Now, g.Text, new JsonObject { ["actions"] = actions, ["missing"] = new JsonArray() }));
            }
        }

        return cases;
    }

    /// <summary>The words a frame draws its verb or noun from (all of them, in the vocabulary's order).</summary>
    public static IReadOnlyList<string> WordsOf(string frame) => frame switch
    {
        "visit" => Words.VisitVerbs,
        "stay" => Words.VisitStayVerbs,
        "discovery" => Words.DiscoveryVerbs,
        "hire" => Words.HireVerbs,
        "formation" => Words.CompletionVerbs,
        "coverage" => [.. Words.MassOrganizations.Keys],
        "staff" => Words.EmployeeWords.Except(PlaceWords).ToList(),
        "status" => [.. Words.Statuses.Keys],
        _ => [],
    };

    private sealed class Builder(Random random, bool voice)
    {
        // 2026-12-14 is a Monday; the messages are sent Monday to Friday of that week, in the afternoon.
        public DateTimeOffset Now { get; } = new DateTimeOffset(2026, 12, 14, 17, 30, 0, TimeSpan.FromHours(8)).AddDays(random.Next(5));

        public string Text => voice
            ? string.Join("", phrases.Select((p, i) => i == 0 ? p : (random.NextDouble() < 0.85 ? " " : "") + p))
            : string.Join("，", phrases) + "。";

        private DateOnly Today => DateOnly.FromDateTime(Now.Date);

        private readonly List<string> phrases = [];

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private bool Chance(double p) => random.NextDouble() < p;

        private void Say(string phrase)
        {
            if (voice && Chance(0.35))
            {
                phrases.Add(Pick(Fillers));
            }

            phrases.Add(phrase);
        }

        private string WordFor(string frame, int i)
        {
            var words = WordsOf(frame);
            return i < words.Count ? words[i] : Pick(words);
        }

        public JsonArray Build(string frame, int i)
        {
            var word = WordFor(frame, i);
            var unit = Pick(Units);
            var (dayWord, date) = PastDay();
            var actions = new JsonArray();
            switch (frame)
            {
                case "visit":
                    Say($"{dayWord}{Pick(DayParts)}{word}{unit.Short}");
                    actions.Add(Act("visit", unit.Full, ("date", Iso(date))));
                    break;
                case "stay":
                    Say(word is "回来" or "出来" ? $"{dayWord}刚从{unit.Short}{word}" : $"{dayWord}在{unit.Short}{word}");
                    actions.Add(Act("visit", unit.Full, ("date", Iso(date))));
                    break;
                case "discovery":
                {
                    var (noun, category) = MemberNoun();
                    var n = random.Next(1, 6);
                    Say($"{dayWord}在{unit.Short}{word}{Count(n)}{noun}");
                    actions.Add(Discovery(unit.Full, date, n, category));
                    break;
                }

                case "hire":
                {
                    var n = random.Next(1, 6);
                    Say(unit.Short);
                    Say($"{dayWord}{word}{Count(n)}党员");
                    actions.Add(Discovery(unit.Full, date, n, "hired"));
                    break;
                }

                case "formation":
                {
                    var (body, level) = Pick(PartyBodies);
                    Say($"{unit.Short}的{body}{dayWord}{word}");
                    var formation = Act("formation", unit.Full, ("date", Iso(date)), ("method", "single"), ("level", level));
                    if (Chance(0.6))
                    {
                        var n = random.Next(3, 13);
                        Say(voice ? $"党员{Spoken(n)}个" : $"党员{n}名");
                        formation["members"] = n;
                    }

                    if (Chance(0.6))
                    {
                        var name = Pick(Surnames) + Pick(GivenNames);
                        var title = Chance(0.5) ? Pick(Words.Titles) : "";
                        Say(Chance(0.5) ? $"书记是{title}{name}" : $"书记由{title}{name}兼任");
                        formation["secretary"] = name;
                    }

                    actions.Add(formation);
                    break;
                }

                case "coverage":
                {
                    var verb = Pick(Words.MassFormationVerbs.Where(v => v.Length > 1).ToList());
                    Say($"{unit.Short}的{word}{dayWord}{verb}{(verb.EndsWith('了') ? "" : "了")}");
                    actions.Add(Act("work_coverage", unit.Full, ("measure", Words.MassOrganizations[word]), ("date", Iso(date))));
                    break;
                }

                case "staff":
                {
                    var n = random.Next(12, 400);
                    Say(unit.Short);
                    Say(voice ? $"{word}{Spoken(n)}个人" : $"{word}{n}人");
                    actions.Add(Act("org_update", unit.Full, ("employees", n)));
                    break;
                }

                default:
                    // A status said as a noun (皮包公司, 壳公司) is what the unit is; the others are what it has done or become.
                    Say(word.EndsWith("公司", StringComparison.Ordinal) ? $"{unit.Short}就是个{word}"
                        : word.EndsWith('了') ? $"{unit.Short}已经{word}" : $"{unit.Short}已经{word}了");
                    actions.Add(Act("org_update", unit.Full, ("status", Words.Statuses[word])));
                    break;
            }

            return actions;
        }

        private static readonly string[] DayParts = ["", "", "上午", "下午"];

        /// <summary>A member noun: 党员, or a category's whole word (流动党员, 口袋里的党员, 党员职工) with its key.</summary>
        private (string Noun, string? Category) MemberNoun()
        {
            if (Chance(0.4))
            {
                return ("党员", null);
            }

            var (word, key) = Pick(Words.MemberCategories.ToList());
            return (word, key);
        }

        private static JsonObject Discovery(string unit, DateOnly date, int n, string? category)
        {
            var a = Act("member_discovery", unit, ("date", Iso(date)), ("count", n));
            if (category is not null)
            {
                a["categories"] = new JsonObject { [category] = n };
            }

            return a;
        }

        /// <summary>A count before a noun: typed 2名, voice 两个/俩/三个/仨/五个.</summary>
        private string Count(int n) => !voice ? $"{n}名" : n switch
        {
            2 => Chance(0.4) ? "俩" : "两个",
            3 => Chance(0.4) ? "仨" : "三个",
            _ => Spoken(n) + "个",
        };

        private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

        private static string Spoken(int n) => n switch
        {
            < 10 => Digits[n],
            < 20 => "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
            < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
            _ => Digits[n / 100] + "百" + (n / 10 % 10, n % 10) switch
            {
                (0, 0) => "",
                (0, var ones) => "零" + Digits[ones],
                (var tens, 0) => Digits[tens] + "十",
                (var tens, var ones) => Digits[tens] + "十" + Digits[ones],
            },
        };

        /// <summary>A past day said relatively (今天, 昨天, 前天, 上周三, 12号) and the date it means.</summary>
        private (string Word, DateOnly Date) PastDay()
        {
            var weekday = ((int)Today.DayOfWeek + 6) % 7; // Monday 0
            var monday = Today.AddDays(-weekday);
            string[] dayNames = ["一", "二", "三", "四", "五"];
            switch (random.Next(5))
            {
                case 0:
                case 1: return ("今天", Today);
                case 2: return ("昨天", Today.AddDays(-1));
                case 3: return ("前天", Today.AddDays(-2));
                default:
                {
                    var d = random.Next(5);
                    return ((Chance(0.5) ? "上周" : "上礼拜") + dayNames[d], monday.AddDays(d - 7));
                }
            }
        }

        private static JsonObject Act(string kind, string organization, params (string Key, JsonNode? Value)[] fields)
        {
            var o = new JsonObject { ["kind"] = kind, ["organization"] = organization };
            foreach (var (k, v) in fields)
            {
                o[k] = v;
            }

            return o;
        }

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
