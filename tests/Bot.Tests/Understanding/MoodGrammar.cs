using System.Globalization;
using System.Text.Json.Nodes;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A generative grammar of mood and agent (round 10, branch r10-umood): did the reported fact happen, and did the sender do
/// it? A base fact of each recording kind (visit, member_discovery, formation, pairing, org_update, work_coverage) is said
/// under an operator (conditional, optative, estimative, prospective, hearsay, other_agent, negation) in a scope shape
/// (alone, with its consequence, with a clause joined by 也/还/就, with a happened fact after a contrast, with a happened
/// fact before it), typed or as voice input (no punctuation, fillers, spoken numerals). Gold: nothing, or only the happened
/// fact; where the operator is a companion (我跟X一起去的) the fact is the sender's and is recorded. The word lists are
/// written from how instructors speak (DOMAIN.md, the users' world), not from vocabulary.json; the gold is computed from
/// the slots, never from the parser. Deterministic for a seed.
/// </summary>
internal static class MoodGrammar
{
    public static readonly string[] Operators = ["conditional", "optative", "estimative", "prospective", "hearsay", "other_agent", "negation", "companion"];

    public static readonly string[] Kinds = ["visit", "member_discovery", "formation", "pairing", "org_update", "work_coverage"];

    public static readonly string[] Shapes = ["alone", "consequence", "joined", "happened_after", "happened_before"];

    private static readonly (string User, string Name)[] Senders = [("u_zhang", "张伟"), ("u_liu", "刘洋"), ("u_zhao", "赵敏"), ("u_sun", "孙磊"), ("u_chen", "陈静")];

    /// <summary>Short names of ledger units (tests/data/ledger.csv), each unambiguous.</summary>
    private static readonly (string Short, string Full)[] Units =
    [
        ("云启科技", "深圳市云启科技有限公司"), ("顺达快递", "深圳市顺达快递服务有限公司"), ("青禾文化", "深圳市青禾文化传媒有限公司"),
        ("恒信建筑", "深圳市恒信建筑工程有限公司"), ("佳和餐饮", "深圳市佳和餐饮管理有限公司"), ("瑞康医疗", "深圳市瑞康医疗器械有限公司"),
        ("智联物流", "深圳市智联物流有限公司"), ("微光软件", "深圳市微光软件有限公司"), ("鹏城数据", "深圳市鹏城数据服务有限公司"),
        ("安捷电子", "深圳市安捷电子有限公司"), ("优品超市", "深圳市优品连锁超市有限公司"), ("汇通汽车", "深圳市汇通汽车服务有限公司"),
        ("仁爱医院", "深圳市龙岗区仁爱医院"), ("阳光社工", "深圳市龙岗区阳光社工服务中心"), ("明德实验学校", "深圳市龙华区明德实验学校"),
        ("电子商务协会", "深圳市龙岗区电子商务协会"), ("手造咖啡", "深圳市坂田手造咖啡有限公司"), ("德润物业", "深圳市德润物业管理有限公司"),
    ];

    private static readonly string[] Fillers = ["嗯", "那个", "就是", "呃", "反正", "怎么说呢"];

    private static readonly string[] Colleagues = ["老赵", "老郑", "小何", "街道的吴干事", "社区的钱书记", "网格员小邓", "街道办的老黄"];

    private static readonly string[] Conditions = ["如果", "假如", "要是", "万一", "倘若", "假设"];
    private static readonly string[] Consequences = ["就能单独建支部了", "覆盖率就上来了", "我们就好办了", "那就省事了", "到时候再跟你报", "就可以考虑成立党总支了"];
    private static readonly string[] Wishes = ["希望", "真希望", "巴不得", "但愿", "就盼着"];
    private static readonly string[] Guesses = ["估计", "估摸着", "说不定", "八成", "好像", "可能", "兴许", "没准"];
    private static readonly string[] Prospects = ["回头", "改天", "过两天", "年后", "打算", "准备"];
    private static readonly string[] Hearsay = ["听说", "据说", "据社区网格员反映", "听街道的人讲", "听罗岗社区的小何说"];
    private static readonly string[] Closers = ["但", "但是", "不过", "倒是", "结果"];
    private static readonly string[] Joined = ["也能把工会建起来", "还能把团支部建起来", "就能跟街道交差了", "也就不用愁了"];

    public sealed record Case(string Id, string Operator, string Kind, string Shape, string User, DateTimeOffset Now, string Text, JsonObject Gold)
    {
        public JsonObject Row() => new()
        {
            ["id"] = Id, ["user"] = User, ["now"] = Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), ["text"] = Text,
            ["gold"] = Gold.DeepClone(),
        };
    }

    /// <summary><paramref name="perCell"/> messages for each operator × kind × shape that the grammar has, distinct texts only.</summary>
    public static IReadOnlyList<Case> Generate(int perCell, int seed)
    {
        var random = new Random(seed);
        var cases = new List<Case>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in Operators)
        {
            foreach (var kind in Kinds)
            {
                foreach (var shape in Shapes)
                {
                    for (int i = 0, tries = 0; i < perCell && tries < perCell * 5; tries++)
                    {
                        var g = new Builder(random);
                        if (g.Build(op, kind, shape) is not { } built || !seen.Add(built.Text))
                        {
                            continue;
                        }

                        cases.Add(new Case($"mg-{op}-{kind}-{shape}-{i:D3}", op, kind, shape, g.Sender.User, g.Now, built.Text,
                            new JsonObject { ["actions"] = built.Actions, ["missing"] = new JsonArray() }));
                        i++;
                    }
                }
            }
        }

        return cases;
    }

    private sealed class Builder(Random random)
    {
        // 2026-12-16 is a Wednesday; the messages are sent Wednesday to Friday of that week, in the evening.
        public DateTimeOffset Now { get; } = new DateTimeOffset(2026, 12, 16, 18, 20, 0, TimeSpan.FromHours(8)).AddDays(random.Next(3));

        public (string User, string Name) Sender { get; } = Senders[random.Next(Senders.Length)];

        private DateOnly Today => DateOnly.FromDateTime(Now.Date);

        private readonly bool voice = random.NextDouble() < 0.5;

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private bool Chance(double p) => random.NextDouble() < p;

        private (string Word, DateOnly Date) PastDay() => random.Next(4) switch
        {
            0 => ("昨天", Today.AddDays(-1)),
            1 => ("前天", Today.AddDays(-2)),
            _ => ("今天", Today),
        };

        /// <summary>A small count of members: typed 2名/两名, voice 俩/两个/仨/三个.</summary>
        private string Count(int n) => voice
            ? n switch { 2 => Pick(["俩", "两个"]), 3 => Pick(["仨", "三个"]), _ => "一二三四五六"[n - 1] + "个" }
            : Chance(0.5) ? $"{n}名" : "一两三四五六"[n - 1] + "名";

        private string Members(int n, string? category) => Count(n) + (category ?? "") + "党员";

        public (string Text, JsonArray Actions)? Build(string op, string kind, string shape)
        {
            var u = Pick(Units);
            var other = Pick(Units.Where(x => x != u).ToArray());
            var actions = new JsonArray();
            string? frame = op switch
            {
                "conditional" => Conditional(kind, u, shape == "consequence"),
                "optative" => Optative(kind, u),
                "estimative" => Estimative(kind, u),
                "prospective" => Prospective(kind, u),
                "hearsay" => Heard(kind, u),
                "other_agent" => Anothers(kind, u),
                "negation" => Negated(kind, u),
                _ => Companion(kind, u, actions),
            };
            if (frame is null)
            {
                return null;
            }

            var parts = new List<string>();
            switch (shape)
            {
                case "alone":
                case "consequence":
                    parts.Add(frame);
                    break;
                case "joined":
                    if (op is "negation" or "other_agent" or "companion" or "hearsay")
                    {
                        return null; // a joined consequence belongs to the frames that look ahead
                    }

                    parts.Add(frame);
                    parts.Add(Pick(Joined));
                    break;
                case "happened_after":
                    parts.Add(frame);
                    parts.Add(Pick(Closers) + Happened(kind == "pairing" ? "visit" : kind, other, actions));
                    break;
                default:
                    parts.Add(Happened(kind == "pairing" ? "visit" : kind, other, actions));
                    parts.Add(frame);
                    break;
            }

            return (Join(parts), actions);
        }

        private string Join(List<string> parts)
        {
            if (!voice)
            {
                return string.Join("，", parts) + (Chance(0.6) ? "。" : "");
            }

            var said = new List<string>();
            foreach (var part in parts)
            {
                if (Chance(0.35))
                {
                    said.Add(Pick(Fillers));
                }

                said.Add(part.Replace("，", " ", StringComparison.Ordinal));
            }

            return string.Join(" ", said);
        }

        // ---- the frames: a base fact under an operator, gold nothing ----

        private string? Conditional(string kind, (string Short, string Full) u, bool consequence)
        {
            var core = kind switch
            {
                "visit" => Pick(["明天去{0}走访一趟", "下周去{0}看看", "能去{0}走一趟"]),
                "member_discovery" => Pick(["{0}能再排查出" + Members(random.Next(1, 4), null), "{0}再冒出来" + Members(random.Next(2, 4), null), "{0}还能找到" + Members(random.Next(1, 4), "流动")]),
                "formation" => Pick(["{0}单独成立党支部", "{0}把党支部建起来", "{0}能单独组建党支部"]),
                "pairing" => Pick(["我来一对一帮扶{0}组建党组织", "让我一对一帮扶{0}"]),
                "org_update" => Pick(["{0}党员能到" + Count(random.Next(3, 7)), "{0}职工能有八十人"]),
                _ => Pick(["{0}成立了工会", "{0}能把团支部建起来", "{0}把妇联成立起来"]),
            };
            var said = Pick(Conditions) + string.Format(CultureInfo.InvariantCulture, core, u.Short);
            return consequence || Chance(0.5) ? said + "，" + Pick(Consequences) : said + "的话，" + Pick(Consequences);
        }

        private string Optative(string kind, (string Short, string Full) u)
        {
            var core = kind switch
            {
                "visit" => Pick(["这周能去{0}走访一趟", "能抽空去{0}看看"]),
                "member_discovery" => Pick(["{0}能再找到" + Members(random.Next(1, 4), null), "{0}再多几个党员"]),
                "formation" => Pick(["{0}早点单独成立党支部", "{0}年底前把党支部建起来"]),
                "pairing" => Pick(["街道让我一对一帮扶{0}", "我能一对一帮扶{0}组建党组织"]),
                "org_update" => Pick(["{0}党员能到" + Count(random.Next(3, 7)), "{0}党员能多几个"]),
                _ => Pick(["{0}明年能成立工会", "{0}能把团支部搞起来"]),
            };
            var body = string.Format(CultureInfo.InvariantCulture, core, u.Short);
            return Chance(0.35) ? "要是" + body + "就好了" : Pick(Wishes) + body;
        }

        private string Estimative(string kind, (string Short, string Full) u)
        {
            var g = Pick(Guesses);
            var core = kind switch
            {
                "visit" => Pick(["我{1}上个月去过{0}", "{0}{1}已经有人去过了"]),
                "member_discovery" => Pick(["{0}那边{1}还有" + Members(random.Next(2, 4), "隐形"), "我{1}{0}还能排查出" + Members(random.Next(1, 4), null)]),
                "formation" => Pick(["{0}{1}已经单独成立党支部了", "{0}的党支部{1}建起来了"]),
                "pairing" => Pick(["{1}会安排我一对一帮扶{0}", "{0}{1}会让我去一对一帮扶"]),
                "org_update" => Pick(["{0}党员{1}有" + Count(random.Next(2, 6)), "{0}{1}有" + Count(random.Next(2, 6)) + "党员"]),
                _ => Pick(["{0}{1}已经成立了工会", "{0}的团支部{1}建起来了"]),
            };
            return string.Format(CultureInfo.InvariantCulture, core, u.Short, g);
        }

        private string Prospective(string kind, (string Short, string Full) u)
        {
            var p = Pick(Prospects);
            var core = kind switch
            {
                "visit" => Pick(["{1}去{0}走访一趟", "{1}再去{0}看看"]),
                "member_discovery" => Pick(["{1}去{0}排查排查党员", "{1}到{0}摸一摸党员底数"]),
                "formation" => Pick(["{0}{1}单独成立党支部", "{0}{1}跟别家联合组建党支部"]),
                "pairing" => Pick(["我{1}一对一帮扶{0}组建党组织", "{1}安排我一对一帮扶{0}"]),
                "org_update" => Pick(["{1}去{0}核一下党员人数", "{1}把{0}的职工人数报上来"]),
                _ => Pick(["{0}{1}成立工会", "{0}{1}把团支部建起来"]),
            };
            return string.Format(CultureInfo.InvariantCulture, core, u.Short, p);
        }

        private string Heard(string kind, (string Short, string Full) u)
        {
            var h = Pick(Hearsay);
            var (day, _) = PastDay();
            var core = kind switch
            {
                "visit" => Pick(["{2}{1}去了{0}", "{0}{1}有人去走访过了"]),
                "member_discovery" => Pick(["{0}{1}新发现了" + Members(random.Next(1, 4), null), "{0}{1}排查出" + Members(random.Next(1, 4), "流动")]),
                "formation" => Pick(["{0}{1}单独成立了党支部", "{0}的党支部{1}建起来了"]),
                "pairing" => Pick(["{2}一对一帮扶{0}组建党组织了", "{0}已经有书记一对一帮扶了"]),
                "org_update" => Pick(["{0}现在党员有" + Count(random.Next(2, 6)), "{0}职工一百二十人"]),
                _ => Pick(["{0}{1}成立了工会", "{0}{1}把团支部建起来了"]),
            };
            return h + (h.Length > 2 ? "，" : "") + string.Format(CultureInfo.InvariantCulture, core, u.Short, day, Pick(Colleagues));
        }

        private string? Anothers(string kind, (string Short, string Full) u)
        {
            var (day, _) = PastDay();
            var c = Pick(Colleagues);
            var core = kind switch
            {
                "visit" => Pick(["{2}{1}自己去了趟{0}，我没去", "{0}是{2}去的，不是我", "{1}去{0}的是{2}，我没去"]),
                "member_discovery" => Pick(["{2}{1}去{0}排查出" + Members(random.Next(1, 4), null), "{0}的党员是{2}{1}找到的，不是我"]),
                _ => null, // a unit's own acts and a pairing's named secretary are records whoever tells them
            };
            return core is null ? null : string.Format(CultureInfo.InvariantCulture, core, u.Short, day, c);
        }

        private string Negated(string kind, (string Short, string Full) u)
        {
            var (day, _) = PastDay();
            var core = kind switch
            {
                "visit" => Pick(["{1}没去{0}", "{1}哪也没去，{0}也没顾上去", "{1}没出去，{0}改天再说"]),
                "member_discovery" => Pick(["{0}{1}一个党员也没找到", "{0}{1}没发现党员"]),
                "formation" => Pick(["{0}的党支部还没建起来", "{0}还没成立党支部"]),
                "pairing" => Pick(["我还没一对一帮扶{0}", "{0}的一对一帮扶还没落实"]),
                "org_update" => Pick(["{0}的党员人数还没核", "{0}的职工人数还没统计"]),
                _ => Pick(["{0}的工会还没成立", "{0}团支部还没建起来"]),
            };
            return string.Format(CultureInfo.InvariantCulture, core, u.Short, day);
        }

        /// <summary>"我跟老赵一起去的顺达快递": the sender went, with someone: the sender's record.</summary>
        private string? Companion(string kind, (string Short, string Full) u, JsonArray actions)
        {
            if (kind is not ("visit" or "member_discovery"))
            {
                return null;
            }

            var (day, date) = PastDay();
            var c = Pick(["老赵", "老郑", "街道的吴干事", "社区的钱书记", "刘主任"]);
            actions.Add(new JsonObject { ["kind"] = "visit", ["organization"] = u.Full, ["date"] = Iso(date) });
            var visit = string.Format(CultureInfo.InvariantCulture, Pick(["{1}我跟{2}一起去的{0}", "{1}我和{2}一块去了{0}", "{1}陪{2}去了趟{0}"]), u.Short, day, c);
            if (kind == "visit")
            {
                return visit;
            }

            var n = random.Next(1, 4);
            actions.Add(new JsonObject { ["kind"] = "member_discovery", ["organization"] = u.Full, ["date"] = Iso(date), ["count"] = n });
            return visit + "，" + "新发现了" + Members(n, null);
        }

        // ---- the happened fact and its gold ----

        private string Happened(string kind, (string Short, string Full) u, JsonArray actions)
        {
            var (day, date) = PastDay();
            var n = random.Next(1, 4);
            switch (kind)
            {
                case "visit":
                    actions.Add(new JsonObject { ["kind"] = "visit", ["organization"] = u.Full, ["date"] = Iso(date) });
                    return string.Format(CultureInfo.InvariantCulture, Pick(["{1}去了{0}", "{1}走访了{0}", "{1}到{0}走了一趟"]), u.Short, day);
                case "member_discovery":
                    actions.Add(new JsonObject { ["kind"] = "member_discovery", ["organization"] = u.Full, ["date"] = Iso(date), ["count"] = n });
                    return string.Format(CultureInfo.InvariantCulture, Pick(["{0}{1}新排查出{2}", "{0}{1}新找到{2}"]), u.Short, day, Members(n, null));
                case "formation":
                    actions.Add(new JsonObject { ["kind"] = "formation", ["organization"] = u.Full, ["date"] = Iso(date), ["method"] = "single", ["level"] = "branch" });
                    return string.Format(CultureInfo.InvariantCulture, Pick(["{0}{1}单独成立了党支部", "{0}{1}单独组建了党支部"]), u.Short, day);
                case "org_update":
                    var total = random.Next(2, 7);
                    actions.Add(new JsonObject { ["kind"] = "org_update", ["organization"] = u.Full, ["party_members"] = total });
                    return string.Format(CultureInfo.InvariantCulture, Pick(["{0}现在党员{1}", "{0}目前党员{1}"]), u.Short, Count(total));
                default:
                    actions.Add(new JsonObject { ["kind"] = "work_coverage", ["organization"] = u.Full, ["date"] = Iso(date), ["measure"] = "trade_union" });
                    return string.Format(CultureInfo.InvariantCulture, Pick(["{0}{1}成立了工会", "{0}的工会{1}成立了"]), u.Short, day);
            }
        }

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
