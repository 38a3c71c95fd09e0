using System.Globalization;
using System.Text.Json.Nodes;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A generative grammar of self-repairs (round 10): a base fact of each action kind, one slot of it said wrong and then
/// repaired — reparandum, marker, optional echo of the wrong value (with or without 不是), optional lead, repair — in
/// mid-message, at the end, or as a later message (更正一下, 改一下, X改成Y, 应为), as voice (blanks, fillers, spoken
/// numerals) or typed (commas, digits). Slots: days, organisations, figures of each noun, member categories and a count
/// over a category group (俩都是X), joint mode, level, coverage measure, org type, secretary, periods of a request, the
/// action itself (走访 → 电话), and repairs that change nothing. Word lists are written from the users' world (DOMAIN.md,
/// CLI.md), not from vocabulary.json; the gold is computed from the slots. Deterministic for a seed.
/// </summary>
internal static class RepairGrammar
{
    public static readonly string[] Frames =
    [
        "day", "organization", "employees", "party_members", "category", "category_group", "joint_mode", "level",
        "measure", "org_type", "secretary", "action", "unchanged", "later_message", "period",
    ];

    public sealed record Case(string Id, string Frame, string User, DateTimeOffset Now, string Text, JsonObject Gold)
    {
        public JsonObject Row() => new()
        {
            ["id"] = Id, ["user"] = User, ["now"] = Now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), ["text"] = Text,
            ["gold"] = Gold.DeepClone(),
        };
    }

    private static readonly (string Short, string Full)[] Units =
    [
        ("云启科技", "深圳市云启科技有限公司"), ("华鼎精密", "深圳市华鼎精密制造有限公司"), ("顺达快递", "深圳市顺达快递服务有限公司"),
        ("青禾文化", "深圳市青禾文化传媒有限公司"), ("蓝海跨境", "深圳市蓝海跨境电子商务有限公司"), ("恒信建筑", "深圳市恒信建筑工程有限公司"),
        ("佳和餐饮", "深圳市佳和餐饮管理有限公司"), ("瑞康医疗", "深圳市瑞康医疗器械有限公司"), ("智联物流", "深圳市智联物流有限公司"),
        ("星辰半导体", "深圳市星辰半导体有限公司"), ("德润物业", "深圳市德润物业管理有限公司"), ("微光软件", "深圳市微光软件有限公司"),
        ("鹏城数据", "深圳市鹏城数据服务有限公司"), ("安捷电子", "深圳市安捷电子有限公司"), ("美好时光家政", "深圳市美好时光家政服务有限公司"),
        ("优品超市", "深圳市优品连锁超市有限公司"), ("汇通汽车", "深圳市汇通汽车服务有限公司"), ("云启网络", "深圳市云启网络科技有限公司"),
        ("华鼎物流", "深圳市华鼎物流有限公司"), ("启航外国语学校", "深圳市龙岗区启航外国语学校"), ("仁爱医院", "深圳市龙岗区仁爱医院"),
        ("诚信会计师事务所", "深圳市诚信会计师事务所"), ("电子商务协会", "深圳市龙岗区电子商务协会"), ("阳光社工", "深圳市龙岗区阳光社工服务中心"),
        ("明德实验学校", "深圳市龙华区明德实验学校"), ("手造咖啡", "深圳市坂田手造咖啡有限公司"),
    ];

    private static readonly (string User, string Name)[] Senders = [("u_zhang", "张伟"), ("u_liu", "刘洋"), ("u_zhao", "赵敏"), ("u_sun", "孙磊"), ("u_chen", "陈静")];
    private static readonly (string Word, int Back)[] Days = [("今天", 0), ("昨天", 1), ("前天", 2), ("大前天", 3)];
    private static readonly string[] Fillers = ["那个", "就是", "嗯", "然后", "呃", "这个"];
    private static readonly string[] VoiceMarkers = ["哦不对", "不对不对", "不是不是", "说错了", "哦说错了", "我重说", "啊不对", "刚才那个不对", "不对 我重说一下"];
    private static readonly string[] TypedMarkers = ["不对，", "说错了，", "哦不对，", "更正一下，", "我说错了，", "不好意思，"];
    private static readonly string[] Leads = ["", "是", "应该是"];
    private static readonly (string Word, string Key)[] Categories = [("流动", "flowing"), ("口袋", "pocket"), ("隐形", "hidden"), ("预备", "probationary")];
    private static readonly (string Word, string Key)[] JointModes =
        [("片区联建", "regional"), ("区域联建", "regional"), ("同业共建", "industry"), ("行业共建", "industry"), ("挂靠组建", "affiliated"), ("派驻帮建", "dispatched"), ("龙头带建", "leading")];
    private static readonly (string Word, string Key)[] Levels = [("党支部", "branch"), ("党总支", "general_branch"), ("党委", "committee")];
    private static readonly (string Word, string Key)[] Measures = [("工会", "trade_union"), ("团支部", "youth_league"), ("妇联", "women_federation"), ("妇委会", "women_federation")];
    private static readonly (string Word, string Key)[] OrgTypes = [("企业", "enterprise"), ("公司", "enterprise"), ("社会组织", "social_org"), ("协会", "social_org")];
    private static readonly string[] Surnames = ["王", "李", "陈", "杨", "黄", "周", "吴", "徐", "马", "朱", "郭", "何", "罗", "梁", "宋"];
    private static readonly string[] GivenNames = ["芳", "建国", "晓燕", "志强", "海涛", "秀英", "玉兰", "俊杰", "红梅", "国华", "小军", "雪梅"];
    private static readonly string[] PhoneWords = ["打电话问的", "电话联系的", "微信上问的", "打了个电话"];
    private static readonly string[] StaffNouns = ["职工", "员工"];
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static IReadOnlyList<Case> Generate(int perFrame, int seed)
    {
        var cases = new List<Case>();
        var random = new Random(seed);
        foreach (var frame in Frames)
        {
            for (var i = 0; i < perFrame; i++)
            {
                var g = new Builder(random, voice: i % 2 == 0);
                var (text, actions, missing) = g.Build(frame);
                var gold = new JsonObject { ["actions"] = actions, ["missing"] = missing ? new JsonArray("organization") : new JsonArray() };
                cases.Add(new Case($"rg-{frame}-{i:D4}", frame, g.Sender.User, g.Now, text, gold));
            }
        }

        return cases;
    }

    private sealed class Builder(Random random, bool voice)
    {
        public (string User, string Name) Sender { get; } = Senders[random.Next(Senders.Length)];

        public DateTimeOffset Now { get; } = new DateTimeOffset(2026, 12, 9 + random.Next(0, 10), 17, 30, 0, TimeSpan.FromHours(8));

        private DateOnly Today => DateOnly.FromDateTime(Now.Date);

        private T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];

        private bool Chance(double p) => random.NextDouble() < p;

        private string Sep => voice ? " " : "，";

        /// <summary>A separator, sometimes with a filler in voice input.</summary>
        private string Gap => voice && Chance(0.25) ? " " + Pick(Fillers) + " " : Sep;

        private string Marker => voice ? Pick(VoiceMarkers) : Pick(TypedMarkers).TrimEnd('，');

        private string Start => voice && Chance(0.3) ? Pick(Fillers) + " " : "";

        private string Num(int n) => voice ? Spoken(n) : n.ToString(CultureInfo.InvariantCulture);

        private string Day(int back) => Today.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private (string Short, string Full)[] TwoUnits()
        {
            var a = Pick(Units);
            var b = Pick(Units);
            while (b.Full == a.Full || b.Short.StartsWith(a.Short[..2], StringComparison.Ordinal))
            {
                b = Pick(Units);
            }

            return [a, b];
        }

        private (T, T) TwoOf<T>(IReadOnlyList<T> list, Func<T, string> key)
        {
            var a = Pick(list);
            var b = Pick(list);
            while (key(b) == key(a))
            {
                b = Pick(list);
            }

            return (a, b);
        }

        /// <summary>The repair after a marker: optional echo of the wrong value (不是X), optional lead, the right value.</summary>
        private string Repair(string wrong, string right, bool echoAllowed = true)
        {
            var echo = echoAllowed && Chance(0.35) ? "不是" + wrong + Sep : "";
            var lead = echo.Length > 0 ? "是" : Pick(Leads);
            return Marker + Sep + echo + lead + right;
        }

        private static JsonObject Act(string kind, params (string Key, JsonNode? Value)[] fields)
        {
            var o = new JsonObject { ["kind"] = kind };
            foreach (var (k, v) in fields)
            {
                o[k] = v;
            }

            return o;
        }

        public (string Text, JsonArray Actions, bool Missing) Build(string frame)
        {
            var u = Pick(Units);
            var d = Pick(Days);
            return frame switch
            {
                "day" => DayRepair(u),
                "organization" => OrgRepair(d),
                "employees" or "party_members" => FigureRepair(u, d, frame),
                "category" => CategoryRepair(u, d),
                "category_group" => GroupRepair(u, d),
                "joint_mode" => JointRepair(d),
                "level" => LevelRepair(u, d),
                "measure" => MeasureRepair(u, d),
                "org_type" => OrgTypeRepair(),
                "secretary" => SecretaryRepair(u, d),
                "action" => ActionRepair(u, d),
                "unchanged" => Unchanged(u, d),
                "later_message" => LaterMessage(u),
                "period" => PeriodRepair(),
                _ => throw new ArgumentOutOfRangeException(nameof(frame)),
            };
        }

        private (string, JsonArray, bool) DayRepair((string Short, string Full) u)
        {
            var (w, r) = TwoOf(Days, x => x.Word);
            var visit = Act("visit", ("organization", u.Full), ("date", Day(r.Back)));
            var text = random.Next(3) switch
            {
                0 => Start + w.Word + Gap + Repair(w.Word, r.Word) + Gap + "去了" + u.Short,
                1 => Start + w.Word + "去了" + u.Short + Gap + Repair(w.Word, r.Word) + (Chance(0.5) ? "去的" : ""),
                _ => Start + w.Word + "走访了" + u.Short + Gap + Marker + Sep + "不是" + w.Word + Sep + "是" + r.Word,
            };
            return (text, [visit], false);
        }

        private (string, JsonArray, bool) OrgRepair((string Word, int Back) d)
        {
            var two = TwoUnits();
            var (w, r) = (two[0], two[1]);
            var staff = 20 + random.Next(300);
            var withFigure = Chance(0.4);
            var tail = withFigure ? Gap + Pick(StaffNouns) + Num(staff) + (voice ? "个" : "人") : "";
            var text = random.Next(2) switch
            {
                0 => Start + d.Word + "去了" + w.Short + Gap + Repair(w.Short, r.Short) + tail,
                _ => Start + d.Word + "走访的是" + w.Short + Gap + Marker + Sep + "是" + r.Short + tail,
            };
            var actions = new JsonArray(Act("visit", ("organization", r.Full), ("date", Day(d.Back))));
            if (withFigure)
            {
                actions.Add(Act("org_update", ("organization", r.Full), ("employees", staff)));
            }

            return (text, actions, false);
        }

        private (string, JsonArray, bool) FigureRepair((string Short, string Full) u, (string Word, int Back) d, string frame)
        {
            var employees = frame == "employees";
            var w = employees ? 20 + random.Next(400) : 1 + random.Next(30);
            var r = w + 1 + random.Next(employees ? 40 : 5);
            var other = employees ? 1 + random.Next(9) : 40 + random.Next(300);
            var noun = employees ? Pick(StaffNouns) : "党员";
            var otherNoun = employees ? "党员" : Pick(StaffNouns);
            var unit = voice ? "个" : employees ? "人" : "名";
            var nounAgain = Chance(0.3) ? noun + "是" : "";
            var repair = nounAgain.Length > 0 ? Marker + Sep + nounAgain + Num(r) + unit : Repair(Num(w) + unit, Num(r) + unit);
            var text = Start + d.Word + "去了" + u.Short + Gap + noun + Num(w) + unit + Gap + repair + Gap + otherNoun + Num(other) + unit;
            var update = employees
                ? Act("org_update", ("organization", u.Full), ("employees", r), ("party_members", other))
                : Act("org_update", ("organization", u.Full), ("employees", other), ("party_members", r));
            return (text, [Act("visit", ("organization", u.Full), ("date", Day(d.Back))), update], false);
        }

        private (string, JsonArray, bool) CategoryRepair((string Short, string Full) u, (string Word, int Back) d)
        {
            var (w, r) = TwoOf(Categories, x => x.Key);
            var text = Start + u.Short + d.Word + (voice ? "找到一个" : "发现一名") + w.Word + "党员" + Gap + Repair(w.Word + "党员", r.Word + "党员", echoAllowed: true);
            var categories = new JsonObject { [r.Key] = 1 };
            return (text, [Act("member_discovery", ("organization", u.Full), ("date", Day(d.Back)), ("count", 1), ("categories", categories))], false);
        }

        private (string, JsonArray, bool) GroupRepair((string Short, string Full) u, (string Word, int Back) d)
        {
            var (a, b) = TwoOf(Categories, x => x.Key);
            var r = Pick(Categories);
            var count = voice && Chance(0.5) ? "俩" : voice ? "两个" : "2名";
            var both = voice ? Pick(new[] { "俩都是", "两个都是", "都是" }) : Pick(new[] { "两名都是", "都是", "2名都是" });
            var text = Start + d.Word + u.Short + "排查出" + count + "党员" + Gap + "一个" + a.Word + "的一个" + b.Word + "的" + Gap + Marker + Sep + both + r.Word + "的";
            var categories = new JsonObject { [r.Key] = 2 };
            return (text, [Act("member_discovery", ("organization", u.Full), ("date", Day(d.Back)), ("count", 2), ("categories", categories))], false);
        }

        private (string, JsonArray, bool) JointRepair((string Word, int Back) d)
        {
            var two = TwoUnits();
            var (w, r) = TwoOf(JointModes, x => x.Key);
            var secretary = Pick(Surnames) + Pick(GivenNames);
            var members = 3 + random.Next(6);
            var echoWord = Chance(0.5) ? w.Word[..2] : w.Word; // 不是片区 for 片区联建
            var repair = Chance(0.5) ? Marker + Sep + "不是" + echoWord + Sep + "是" + r.Word : Marker + Sep + Pick(Leads) + r.Word;
            var text = Start + two[0].Short + "和" + two[1].Short + d.Word + "成立了联合党支部" + Gap + w.Word + Gap + repair + Gap + "党员" + Num(members) + (voice ? "个" : "名") + Gap + "书记" + secretary;
            var formation = Act("formation", ("organization", two[0].Full), ("date", Day(d.Back)), ("method", "joint"), ("joint_mode", r.Key), ("level", "branch"),
                ("members", members), ("secretary", secretary), ("units", new JsonArray(two[0].Full, two[1].Full)));
            return (text, [formation], false);
        }

        private (string, JsonArray, bool) LevelRepair((string Short, string Full) u, (string Word, int Back) d)
        {
            var (w, r) = TwoOf(Levels, x => x.Key);
            var members = 5 + random.Next(60);
            var text = Start + u.Short + d.Word + "单独成立了" + w.Word + Gap + Repair(w.Word, r.Word) + Gap + "党员" + Num(members) + (voice ? "个" : "名");
            return (text, [Act("formation", ("organization", u.Full), ("date", Day(d.Back)), ("method", "single"), ("level", r.Key), ("members", members))], false);
        }

        private (string, JsonArray, bool) MeasureRepair((string Short, string Full) u, (string Word, int Back) d)
        {
            var (w, r) = TwoOf(Measures, x => x.Key);
            var text = Start + u.Short + d.Word + "成立了" + w.Word + Gap + Repair(w.Word, r.Word);
            return (text, [Act("work_coverage", ("organization", u.Full), ("date", Day(d.Back)), ("measure", r.Key))], false);
        }

        private (string, JsonArray, bool) OrgTypeRepair()
        {
            var (w, r) = TwoOf(OrgTypes, x => x.Key);
            var staff = 20 + random.Next(100);
            var members = 1 + random.Next(2);
            var text = Start + "有个" + w.Word + Gap + Repair(w.Word, r.Word) + Gap + "职工" + Num(staff) + "人" + Gap + "党员" + Num(members) + (voice ? "个" : "名") + Gap + (voice ? "该怎么建" : "建议用什么方式建党组织");
            return (text, [Act("formation_advice", ("organization", null), ("employees", staff), ("party_members", members), ("org_type", r.Key))], false); // advice about a described unit writes nothing: nothing to ask (round 17's convention)
        }

        private (string, JsonArray, bool) SecretaryRepair((string Short, string Full) u, (string Word, int Back) d)
        {
            var w = Pick(Surnames) + Pick(GivenNames);
            var r = Pick(Surnames) + Pick(GivenNames);
            while (r[0] == w[0])
            {
                r = Pick(Surnames) + Pick(GivenNames);
            }

            var members = 3 + random.Next(20);
            var repair = Chance(0.5) ? Marker + Sep + "书记是" + r : Marker + Sep + Pick(Leads) + r;
            var text = Start + u.Short + d.Word + "单独成立了党支部" + Gap + "书记" + w + Gap + repair + Gap + "党员" + Num(members) + (voice ? "个" : "名");
            return (text, [Act("formation", ("organization", u.Full), ("date", Day(d.Back)), ("method", "single"), ("level", "branch"), ("members", members), ("secretary", r))], false);
        }

        private (string, JsonArray, bool) ActionRepair((string Short, string Full) u, (string Word, int Back) d)
        {
            var staff = 20 + random.Next(300);
            if (Chance(0.5))
            {
                var text = Start + d.Word + "走访了" + u.Short + Gap + Marker + Sep + "不是走访" + Sep + "是" + Pick(PhoneWords) + Gap + Pick(StaffNouns) + Num(staff) + (voice ? "个" : "人");
                return (text, [Act("org_update", ("organization", u.Full), ("employees", staff))], false);
            }

            var later = Pick(new[] { "改到明天了", "改到下周了", "明天再去" });
            return (Start + d.Word + "去了" + u.Short + Gap + Marker + Sep + "没去成" + Gap + later, [], false);
        }

        private (string, JsonArray, bool) Unchanged((string Short, string Full) u, (string Word, int Back) d)
        {
            var text = random.Next(2) switch
            {
                0 => Start + d.Word + "去了" + u.Short + Gap + Marker + Sep + "我说的是" + u.Short,
                _ => Start + d.Word + "走访了" + u.Short + Gap + Marker + Sep + "是" + d.Word + "去的",
            };
            return (text, [Act("visit", ("organization", u.Full), ("date", Day(d.Back)))], false);
        }

        private (string, JsonArray, bool) LaterMessage((string Short, string Full) u)
        {
            var employees = Chance(0.5);
            var w = employees ? 20 + random.Next(300) : 1 + random.Next(20);
            var r = w + 1 + random.Next(employees ? 30 : 4);
            var noun = employees ? Pick(StaffNouns) : "党员";
            var unit = employees ? "人" : voice ? "个" : "名";
            var text = random.Next(4) switch
            {
                0 => (voice ? "更正一下 " : "更正一下：") + u.Short + noun + "不是" + Num(w) + Sep + "是" + Num(r),
                1 => u.Short + noun + "人数改一下" + Sep + "是" + Num(r) + unit + Sep + "不是" + Num(w),
                2 => (voice ? "改一下 " : "改一下，") + u.Short + noun + Num(w) + "改成" + Num(r),
                _ => (voice ? "更正一下 " : "更正一下：") + u.Short + "的" + noun + "人数应为" + Num(r) + unit,
            };
            var update = employees
                ? Act("org_update", ("organization", u.Full), ("employees", r))
                : Act("org_update", ("organization", u.Full), ("party_members", r));
            return (text, [update], false);
        }

        private (string, JsonArray, bool) PeriodRepair()
        {
            var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
            var month = new DateOnly(Today.Year, Today.Month, 1);
            (string Word, DateOnly From, DateOnly To)[] periods =
            [
                ("这周", monday, Today), ("上周", monday.AddDays(-7), monday.AddDays(-1)),
                ("这个月", month, Today), ("上个月", month.AddMonths(-1), month.AddDays(-1)),
            ];
            var (w, r) = TwoOf(periods, x => x.Word);
            var scope = Pick(new[] { "坂田街道", "布吉街道", "横岗街道", "龙城街道" });
            var text = Start + w.Word + Gap + Marker + Sep + r.Word + scope + "走访了多少家";
            var query = Act("progress_query", ("scope", scope), ("metric", "visits"),
                ("from", r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return (text, [query], false);
        }

        private string Spoken(int n)
        {
            if (n < 10)
            {
                return n == 2 && Chance(0.3) ? "两" : Digits[n];
            }

            if (n < 20)
            {
                return "十" + (n % 10 == 0 ? "" : Digits[n % 10]);
            }

            if (n < 100)
            {
                return Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]);
            }

            var hundreds = n / 100 == 2 && Chance(0.5) ? "两" : Digits[n / 100];
            var tens = n / 10 % 10;
            var ones = n % 10;
            return tens == 0 && ones == 0 ? hundreds + "百"
                : tens == 0 ? hundreds + "百零" + Digits[ones]
                : hundreds + "百" + Digits[tens] + "十" + (ones == 0 ? "" : Digits[ones]);
        }
    }
}
