using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A generative grammar of ASKING (round 10, branch r10-uask): a message that asks or requests is never a record, and the
/// object asked for decides the action. Each message is MOOD × OBJECT × SCOPE × PREAMBLE: the mood is interrogative (a
/// question word 啥/什么/哪/几/多少/怎么/咋, an A不A or 还是 alternative, a final particle 吗/呢/来着) or directive (帮我,
/// 给我, 你看, 出个/拉个/列个); the object is the sender's own visits, a scope's coverage, the 应建未建 list, a table or chart
/// of a breakdown, a unit's card, the bot's abilities, the way a described unit should form, or a document's rule; the
/// scope is a window, a street or community, a unit or a person; the preamble is a unit's figures before an advice
/// question. Messages are typed (punctuation, digits) or voiced (no punctuation, fillers, spoken numerals). Slots are drawn
/// from word lists written from how people ask (DOMAIN.md, the users' world), not from vocabulary.json; the gold is
/// computed from the slots, never from the parser. Deterministic for a seed.
/// </summary>
internal static class AskingGrammar
{
    public static readonly string[] Frames = ["own_visits", "coverage", "unformed", "table", "card", "help", "advice", "policy"];

    /// <summary>The senders (tests/data/users.csv) who ask about their own work: id and name.</summary>
    private static readonly (string Id, string Name)[] Senders =
        [("u_zhang", "张伟"), ("u_liu", "刘洋"), ("u_zhao", "赵敏"), ("u_sun", "孙磊"), ("u_chen", "陈静"), ("u_li", "李娜")];

    private static readonly (string Short, string Full)[] Units =
    [
        ("云启科技", "深圳市云启科技有限公司"), ("华鼎精密", "深圳市华鼎精密制造有限公司"), ("顺达快递", "深圳市顺达快递服务有限公司"),
        ("青禾文化", "深圳市青禾文化传媒有限公司"), ("蓝海跨境", "深圳市蓝海跨境电子商务有限公司"), ("恒信建筑", "深圳市恒信建筑工程有限公司"),
        ("佳和餐饮", "深圳市佳和餐饮管理有限公司"), ("瑞康医疗", "深圳市瑞康医疗器械有限公司"), ("智联物流", "深圳市智联物流有限公司"),
        ("星辰半导体", "深圳市星辰半导体有限公司"), ("德润物业", "深圳市德润物业管理有限公司"), ("微光软件", "深圳市微光软件有限公司"),
        ("鹏城数据", "深圳市鹏城数据服务有限公司"), ("安捷电子", "深圳市安捷电子有限公司"), ("美好时光家政", "深圳市美好时光家政服务有限公司"),
        ("宏图贸易", "深圳市宏图贸易有限公司"), ("优品超市", "深圳市优品连锁超市有限公司"), ("汇通汽车", "深圳市汇通汽车服务有限公司"),
        ("云启网络", "深圳市云启网络科技有限公司"), ("华鼎物流", "深圳市华鼎物流有限公司"), ("启航外国语学校", "深圳市龙岗区启航外国语学校"),
        ("仁爱医院", "深圳市龙岗区仁爱医院"), ("正衡律所", "广东正衡律师事务所"), ("诚信会计师事务所", "深圳市诚信会计师事务所"),
        ("电子商务协会", "深圳市龙岗区电子商务协会"), ("阳光社工", "深圳市龙岗区阳光社工服务中心"), ("明德实验学校", "深圳市龙华区明德实验学校"),
        ("书画家协会", "深圳市龙岗区书画家协会"), ("手造咖啡", "深圳市坂田手造咖啡有限公司"), ("金桥投资", "深圳市金桥投资发展有限公司"),
    ];

    /// <summary>Scopes as said: full names, and streets without their suffix (kept as written).</summary>
    private static readonly string[] Scopes =
        ["坂田街道", "布吉街道", "横岗街道", "龙城街道", "民治街道", "大浪街道", "罗岗社区", "五和社区", "爱联社区", "龙岗区", "龙华区", "坂田", "布吉", "横岗", "民治"];

    private static readonly string[] Fillers = ["那个", "就是", "嗯", "呃", "这个", "对了", "那什么"];

    public sealed record Case(string Id, string Frame, string User, DateTimeOffset Now, string Text, JsonObject Gold)
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
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < perFrame * 4 && seen.Count < perFrame; i++)
            {
                var g = new Builder(random);
                var (text, actions) = g.Build(frame);
                if (!seen.Add(g.User + "|" + text))
                {
                    continue;
                }

                cases.Add(new Case($"{frame}-{seen.Count:D3}", frame, g.User, g.Now, text, new JsonObject { ["actions"] = actions, ["missing"] = new JsonArray() }));
            }
        }

        return cases;
    }

    private sealed class Builder(Random random)
    {
        // 2026-12-16 is a Wednesday; the messages are sent from Monday 12-14 to Friday 12-18, in the evening.
        public DateTimeOffset Now { get; } = new DateTimeOffset(2026, 12, 14, 19, 5, 0, TimeSpan.FromHours(8)).AddDays(random.Next(5));

        public string User { get; private set; } = "u_wang";

        private readonly bool voice = random.Next(2) == 0;

        private readonly List<string> phrases = [];

        private DateOnly Today => DateOnly.FromDateTime(Now.Date);

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private bool Chance(double p) => random.NextDouble() < p;

        /// <summary>A phrase; in voice, sometimes a filler before it.</summary>
        private void Say(string phrase)
        {
            if (voice && Chance(0.3))
            {
                phrases.Add(Pick(Fillers));
            }

            phrases.Add(phrase);
        }

        public (string Text, JsonArray Actions) Build(string frame)
        {
            var actions = new JsonArray();
            var question = true;
            switch (frame)
            {
                case "own_visits": OwnVisits(actions); break;
                case "coverage": question = Coverage(actions); break;
                case "unformed": question = Unformed(actions); break;
                case "table": Table(actions); question = false; break;
                case "card": question = Card(actions); break;
                case "help": Help(actions); break;
                case "advice": Advice(actions); break;
                default: Policy(actions); break;
            }

            var text = new StringBuilder();
            foreach (var phrase in phrases)
            {
                if (text.Length > 0)
                {
                    text.Append(voice ? (Chance(0.85) ? " " : "") : "，");
                }

                text.Append(phrase);
            }

            if (!voice)
            {
                text.Append(question ? (Chance(0.8) ? "？" : "") : (Chance(0.5) ? "。" : ""));
            }

            return (text.ToString(), actions);
        }

        // ---- slots ----

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static JsonObject Act(string kind, params (string Key, JsonNode? Value)[] fields)
        {
            var o = new JsonObject { ["kind"] = kind };
            foreach (var (k, v) in fields)
            {
                o[k] = v;
            }

            return o;
        }

        private DateOnly Monday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

        /// <summary>A past window said (上周, 上个月, 上周三, 12月3号, 昨天, 11月份) with its first and last day; null bounds where
        /// the window's end is a convention the dev set does not fix (这周, 这个月).</summary>
        private (string Word, DateOnly? From, DateOnly? To) Window()
        {
            string[] dayNames = ["一", "二", "三", "四", "五", "六", "日"];
            var lastMonthStart = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
            switch (random.Next(8))
            {
                case 0: return (Pick(["上周", "上礼拜", "上个星期"]), Monday.AddDays(-7), Monday.AddDays(-1));
                case 1: return (Pick(["上个月", "上月"]), lastMonthStart, lastMonthStart.AddMonths(1).AddDays(-1));
                case 2:
                {
                    var d = random.Next(5);
                    return (Pick(["上周", "上礼拜"]) + dayNames[d], Monday.AddDays(d - 7), Monday.AddDays(d - 7));
                }

                case 3:
                {
                    var d = Today.AddDays(-random.Next(2, 12));
                    var word = voice ? $"{Spoken(d.Month)}月{Spoken(d.Day)}号" : Pick([$"{d.Month}月{d.Day}号", $"{d.Month}月{d.Day}日"]);
                    return (word, d, d);
                }

                case 4: return ("昨天", Today.AddDays(-1), Today.AddDays(-1));
                case 5: return (voice ? "十一月份" : Pick(["11月份", "11月"]), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
                case 6: return (Pick(["这周", "这礼拜", "本周"]), null, null);
                default: return (Pick(["这个月", "本月"]), null, null);
            }
        }

        private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

        private static string Spoken(int n) => n switch
        {
            < 10 => Digits[n],
            < 20 => "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
            < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
            _ => Digits[n / 100] + "百" + (n % 100 == 0 ? "" : n / 10 % 10 == 0 ? "零" + Digits[n % 10] : Digits[n / 10 % 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10])),
        };

        private string Number(int n) => voice ? Spoken(n) : n.ToString(CultureInfo.InvariantCulture);

        private static void AddFrom(JsonObject action, DateOnly? from, DateOnly? to)
        {
            if (from is { } f && to is { } t)
            {
                action["from"] = Iso(f);
                action["to"] = Iso(t);
            }
        }

        // ---- frames ----

        /// <summary>"上周三我都走访了哪几家来着", "我11月份一共跑了多少家企业", "12月3号我去了几家单位": the sender's own visits.</summary>
        private void OwnVisits(JsonArray actions)
        {
            var (id, name) = Pick(Senders);
            User = id;
            var (window, from, to) = Window();
            var scope = Chance(0.2) ? Pick(["罗岗社区", "坂田街道", "五和社区", "民治街道"]) : null;
            var where = scope is null ? "" : "在" + scope;
            var adverb = Pick(["", "", "都", "一共", "总共", "大概"]);
            var verb = Pick(["走访了", "走访过", "去了", "去过", "跑了", "跑过", "到过"]);
            var asked = Pick(["几家", "几家单位", "多少家", "多少家企业", "哪些单位", "哪几家", "哪些企业", "哪几家单位"]);
            var tail = Pick(["", "", "来着", "呢", "啊"]);
            var subjectFirst = Chance(0.5);
            var head = subjectFirst ? $"我{window}{where}{adverb}{verb}{asked}{tail}" : $"{window}我{where}{adverb}{verb}{asked}{tail}";
            if (Chance(0.25))
            {
                Say(Pick(["帮我查一下", "帮我看看", "你给我查查"]));
            }

            Say(head);
            if (Chance(0.3))
            {
                Say(Pick(["月底要写总结", "一下子想不起来了", "我得填个表", "领导要数"]));
            }

            var action = Act("progress_query", ("scope", scope), ("metric", "visits"), ("person", name));
            AddFrom(action, from, to);
            actions.Add(action);
        }

        /// <summary>"横岗街道现在覆盖率是多少", "帮我查下坂田的覆盖率", "民治街道党组织覆盖情况怎么样了".</summary>
        private bool Coverage(JsonArray actions)
        {
            User = "u_wang";
            var scope = Pick(Scopes);
            var noun = Pick(["覆盖率", "党组织覆盖率", "组建率", "覆盖情况", "党组织覆盖情况"]);
            var now = Pick(["", "现在", "目前", "眼下"]);
            var question = Chance(0.65);
            if (question)
            {
                var rate = noun.EndsWith('率');
                var asked = rate ? Pick(["是多少", "到多少了", "多少", "有多少", "达到多少了", "咋样了", "怎么样了", "是多少来着"])
                    : Pick(["怎么样了", "咋样了", "如何", "怎么样"]);
                Say($"{scope}{now}{(Chance(0.3) ? "的" : "")}{noun}{asked}{Pick(["", "", "啊", "呢"])}");
            }
            else
            {
                Say(Pick([$"帮我查一下{scope}的{noun}", $"给我说说{scope}的{noun}", $"把{scope}{noun}报一下", $"{scope}的{noun}发我看看", $"你看下{scope}{noun}"]));
            }

            actions.Add(Act("progress_query", ("scope", scope), ("metric", "coverage")));
            return question;
        }

        /// <summary>"龙城街道还有哪些应建未建的", "坂田该建没建的单位 给我拉个单子", "把布吉应建未建的名单列一下".</summary>
        private bool Unformed(JsonArray actions)
        {
            User = Pick(["u_wang", "u_zhang", "u_li"]);
            var scope = Pick(Scopes);
            var set = Pick(["应建未建", "应建未建的", "该建没建的", "该建还没建的", "应该建还没建的"]);
            var units = Pick(["", "单位", "企业", "那些单位"]);
            var question = Chance(0.4);
            if (question)
            {
                Say($"{scope}还有{Pick(["哪些", "哪几家", "几家"])}{set}{units}{Pick(["", "啊", "呢"])}");
            }
            else
            {
                var list = Pick(["名单", "清单", "单子"]);
                Say(Pick([
                    $"{scope}{set}{units}{list}{Pick(["拉一下", "列一下", "发我", "给我一份"])}",
                    $"把{scope}{set}{units}{Pick(["列个", "拉个", "出个"])}{list}给我",
                    $"{scope}{set}{units} 你给我{Pick(["拉个", "列个"])}{list}",
                ]));
            }

            actions.Add(Act("progress_query", ("scope", scope), ("metric", "unformed")));
            return question;
        }

        /// <summary>"上个月各街道新建党组织情况 出个表", "各个指导员上周的走访情况做个表发我", "本周各社区覆盖率画个图".</summary>
        private void Table(JsonArray actions)
        {
            User = "u_wang";
            var (window, from, to) = random.Next(3) == 0 ? ("", null, null) : Window();
            var (byWord, by) = Pick<(string, string)>([("各街道", "street"), ("各个街道", "street"), ("各社区", "community"), ("各个社区", "community"), ("各个指导员", "instructor"), ("每个指导员", "instructor")]);
            var (metricWord, metric) = by == "instructor"
                ? ("的走访情况", "visits")
                : Pick<(string, string)>([("的走访情况", "visits"), ("走访了多少家", "visits"), ("新建党组织情况", "formations"), ("新建了多少个党组织", "formations"), ("的覆盖率", "coverage")]);
            if (metric == "coverage")
            {
                (window, from, to) = ("", null, null);
            }

            var scope = by == "community" && Chance(0.4) ? Pick(["布吉街道", "坂田街道", "龙岗区"]) : null;
            var ask = Pick(["出个表", "做个表", "做个表发我", "列个表", "拉个表", "弄个表格给我", "画个图", "出个图看看", "做成表发我", "整个表"]);
            var order = random.Next(3);
            var body = order == 0 ? $"{scope}{window}{byWord}{metricWord}" : $"{scope}{byWord}{window}{metricWord}";
            if (order == 2)
            {
                Say($"{Pick(["帮我把", "把", "给我把"])}{body}{ask}");
            }
            else
            {
                Say(body);
                Say(ask);
            }

            var action = Act("progress_query", ("scope", scope), ("metric", metric), ("by", by));
            AddFrom(action, from, to);
            actions.Add(action);
        }

        /// <summary>"明税税务所现在台账上是啥情况 调出来我看下", "佳和餐饮台账上党员有几个来着", "安捷电子的基本信息调出来".</summary>
        private bool Card(JsonArray actions)
        {
            User = Pick(["u_zhang", "u_liu", "u_zhao", "u_sun"]);
            var (name, full) = Pick(Units);
            var unit = name + Pick(["", "", "那家", "那边"]);
            var question = Chance(0.5);
            if (question)
            {
                Say($"{unit}{Pick(["现在", "", "目前"])}{Pick(["台账上", "台账里", "在台账上"])}{Pick(["是啥情况", "是什么情况", "登记的啥", "登记的是什么", "党员有几个", "写的多少人"])}{Pick(["", "来着", "呢", "啊"])}");
                if (Chance(0.4))
                {
                    Say(Pick(["调出来我看下", "给我看看", "查一下"]));
                }
            }
            else
            {
                Say(Pick([
                    $"{unit}的{Pick(["台账", "基本信息", "基本情况", "情况"])}{Pick(["调出来", "调出来给我看看", "给我看看", "查一下", "拉出来我看看"])}",
                    $"{Pick(["帮我查一下", "帮我调一下", "给我看看", "查查"])}{name}的{Pick(["台账", "基本信息", "情况"])}",
                ]));
            }

            actions.Add(Act("org_lookup", ("organization", full)));
            return question;
        }

        /// <summary>"这个小助手除了记走访还能干嘛", "你都能帮我干些啥", "除了登记走访你还有哪些功能".</summary>
        private void Help(JsonArray actions)
        {
            User = Pick(["u_zhang", "u_liu", "u_li", "u_wang"]);
            var subject = Pick(["你", "你", "这个机器人", "这个小助手", "这个系统", "小助手", "机器人"]);
            var besides = Pick(["", "", "", "除了记走访", "除了登记走访", "除了报走访"]);
            var also = besides.Length > 0 ? "还" : Pick(["", "都", "还"]);
            var asked = random.Next(3) switch
            {
                0 => $"{also}{Pick(["能", "会", "可以"])}{Pick(["干啥", "干嘛", "干什么", "做什么", "做啥", "帮我干点啥", "帮我做些什么", "帮我干些啥"])}",
                1 => $"{also}有{Pick(["哪些", "啥", "什么"])}{Pick(["功能", "本事", "用处"])}",
                _ => $"{also}{Pick(["能", "会", "可以"])}{Pick(["干哪些事", "办哪些事", "帮我做哪些事"])}",
            };
            var tail = Pick(["", "呀", "啊", "呢"]);
            if (besides.Length > 0 && Chance(0.5))
            {
                Say(besides);
                Say(subject + asked + tail);
            }
            else
            {
                Say(subject + besides + asked + tail);
            }

            actions.Add(Act("help"));
        }

        /// <summary>"鹏城数据那边八十八个人 俩党员 你说它是单独建好还是跟别家联合建", "宏图贸易十五个人 党员一个没有 建啥组织合适".</summary>
        private void Advice(JsonArray actions)
        {
            User = Pick(["u_zhang", "u_liu", "u_zhao", "u_sun", "u_chen"]);
            var (name, full) = Pick(Units);
            var employees = random.Next(3, 130);
            var members = Math.Min(random.Next(0, 9), employees - 1);
            var staff = random.Next(3) switch
            {
                0 => $"{Number(employees)}个人",
                1 => $"员工{Number(employees)}个",
                _ => voice ? $"{Number(employees)}个员工" : $"职工{employees}人",
            };
            var party = members switch
            {
                0 => Pick(["一个党员都没有", "没有党员", "党员一个没有"]),
                1 => Pick(["党员就一个", "就一个党员", "只有一个党员"]),
                _ => Pick([$"党员{Number(members)}个", $"{Number(members)}个党员", voice ? $"党员{Number(members)}个" : $"{members}名党员"]),
            };
            var staffFirst = Chance(0.7);
            Say(name + Pick(["", "", "那边", "现在"]) + (staffFirst ? staff : party));
            Say(staffFirst ? party : staff);
            var ask = Pick([
                "该怎么建", "适合建哪种党组织", "你看适合用啥方式建", "是单独建还是联合建", "单独建好还是跟别家联合建",
                "该走哪条路 单独建还是联合", "建啥组织合适", "这种咋整 建啥组织合适", "你说该单独建还是联建", "适合用什么方式建党组织",
                "该怎么组建党组织", "建哪种组织比较好",
            ]);
            foreach (var part in ask.Split(' '))
            {
                Say(part + (part == ask.Split(' ')[^1] ? Pick(["", "", "啊", "呢"]) : ""));
            }

            actions.Add(Act("formation_advice", ("organization", full), ("employees", employees), ("party_members", members)));
        }

        /// <summary>"联合党支部最多能覆盖几家单位 有没有规定", "社区书记一对一帮扶组建 文件里有什么要求", "三有到底是哪三有来着".</summary>
        private void Policy(JsonArray actions)
        {
            User = Pick(["u_zhang", "u_liu", "u_li", "u_chen", "u_wang"]);
            var (topic, asks) = Pick<(string, string[])>([
                ("联合党支部", ["最多能覆盖几家单位", "覆盖单位数有没有上限", "能管几家单位"]),
                ("社区书记一对一帮扶组建", ["文件里有什么要求", "规定至少要帮建几个", "文件上是怎么说的"]),
                ("功能型党组织", ["什么情况下可以建", "文件里是怎么规定的", "有什么要求"]),
                ("党建指导员", ["每个月要去企业几次", "职责文件里是怎么规定的", "有什么具体要求"]),
                ("应建尽建", ["标准到底是多少人来着", "是怎么规定的", "的标准是啥"]),
                ("社会组织的三有", ["到底是哪三有来着", "具体指什么", "是哪几个"]),
                ("党员不足三名的单位", ["按文件应该怎么建组织", "该怎么覆盖", "文件上怎么说"]),
                ("流动党员比较多的单位", ["文件里怎么说", "按规定该怎么办", "有没有规定"]),
            ]);
            var lead = Pick(["", "", "", "问一下", "请问", "我想问下"]);
            var ask = Pick(asks);
            if (voice && Chance(0.5))
            {
                Say(lead + topic);
                Say(ask);
            }
            else
            {
                Say(lead + topic + ask);
            }

            if (Chance(0.25))
            {
                Say(Pick(["我老记混", "我又忘了", "有点拿不准"]));
            }

            actions.Add(Act("policy_question"));
        }
    }
}
