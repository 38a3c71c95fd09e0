using System.Globalization;
using System.Text.Json.Nodes;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A generative grammar of voice input as it arrives from 企业微信/钉钉 speech-to-text: no punctuation, fillers between
/// phrases, spoken numerals (俩, 仨, 一百七, 二百零五), relative days, short names of ledger units, run-ons of several
/// facts and self-corrections. Each message is built from a frame (what the instructor reports) and slots drawn from
/// word lists written from the users' world (DOMAIN.md, the seeds, how people speak), not from vocabulary.json; the
/// gold is computed from the slots, never from the parser. Deterministic for a seed.
/// </summary>
internal static class VoiceGrammar
{
    public const string User = "u_zhang";
    public const string Sender = "张伟";

    public static readonly string[] Frames =
        ["visit", "discovery", "formation", "coverage", "org_update", "plan", "others_visit", "correction"];

    /// <summary>Short names people say for ledger units (tests/data/ledger.csv), each unambiguous in the ledger.</summary>
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

    private static readonly string[] Fillers = ["那个", "就是", "嗯", "然后", "反正", "呃", "就是说", "这个", "怎么说呢", "对"];

    private static readonly string[] VisitAfterDay = ["去{0}跑了一趟", "去了一趟{0}", "去{0}转了转", "去{0}坐了坐", "到{0}走了一圈", "去{0}看了看", "去了{0}", "上{0}那边去了一下"];
    private static readonly string[] VisitStay = ["在{0}待了大半天", "在{0}那边坐了一下午", "在{0}蹲了一上午"];
    private static readonly string[] VisitOrgFirst = ["{0} {1}去的", "{0}那边 {1}过去的", "{0} {1}去看了", "{0} {1}上门走访了"];
    private static readonly string[] DayParts = ["", "", "", "上午", "下午", "晚上"];

    private static readonly string[] StaffNouns = ["员工", "职工", "工人", "师傅", "阿姨", "店员", "快递员", "程序员", "老师", "护士", "律师", "保安"];
    private static readonly string[] HeadCountLeads = ["他们现在", "现在", "人事说现在", "老板说", "一共"];

    private static readonly (string Word, string Key)[] Categories =
        [("流动", "flowing"), ("口袋", "pocket"), ("隐形", "hidden"), ("预备", "probationary")];
    private static readonly string[] FindVerbs = ["发现", "找着", "找到", "排查出", "摸排出", "又找着", "新找到"];

    private static readonly string[] Surnames = ["王", "李", "刘", "陈", "杨", "黄", "周", "吴", "徐", "马", "朱", "胡", "郭", "何", "高", "罗", "梁", "谢", "宋", "唐", "韩", "冯", "曹", "彭"];
    private static readonly string[] GivenNames = ["芳", "建国", "晓燕", "志强", "丽", "海涛", "文", "秀英", "玉兰", "静怡", "俊杰", "红梅", "国华", "明", "小军", "丽娟", "春生", "雪梅"];
    private static readonly string[] Titles = ["", "", "", "行政主管", "人事经理", "办公室主任", "副总", "财务主管"];
    private static readonly string[] FormedVerbs = ["成立了", "建起来了", "挂牌了", "弄好了", "批下来了"];

    private static readonly (string Word, string Key)[] Measures =
        [("工会", "trade_union"), ("团支部", "youth_league"), ("团委", "youth_league"), ("妇联", "women_federation"), ("妇委会", "women_federation")];
    private static readonly string[] CoverageVerbs = ["建起来了", "成立了", "挂牌了", "弄起来了"];

    private static readonly string[] Colleagues = ["孙磊", "刘洋", "赵敏", "陈静"];
    private static readonly string[] LeaveToThem = ["这个他自己会报", "他自己报", "让他自己报吧", "他那边会报的", "不用我报"];
    private static readonly string[] CorrectionMarkers = ["哦不对", "不是不是", "说错了", "不对不对", "哦说错了"];

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
                var g = new Builder(random);
                var (text, actions) = g.Build(frame);
                cases.Add(new Case($"vg-{frame}-{i:D4}", frame, g.Now, text, new JsonObject { ["actions"] = actions, ["missing"] = new JsonArray() }));
            }
        }

        return cases;
    }

    /// <summary>
    /// The campaign's and everyday words of the grammar's phrases that speech recognition and pinyin IMEs write with
    /// another character of the same sound (the grammar's own words, not vocabulary.json's).
    /// </summary>
    private static readonly string[] SlipWords =
    [
        "党员", "职工", "员工", "发现", "找到", "排查出", "摸排出", "流动", "口袋", "隐形", "预备", "成立", "党支部", "支部",
        "联合", "单独", "组建", "功能型", "书记", "工会", "团支部", "团委", "妇联", "妇委会", "指导员", "注销", "空壳", "僵尸",
        "招聘", "走访", "看看", "转了转", "跑了一趟", "坐了坐",
    ];

    /// <summary>
    /// Slip injection: each occurrence of a <see cref="SlipWords"/> word outside a unit's or a person's name is, with
    /// probability <paramref name="share"/>, written with one character replaced by another of the same toneless reading
    /// (the Pinyin table: 党员 → 当员, 工会 → 公会). The gold stays: the slip means the same word. Deterministic for a seed.
    /// </summary>
    public static IReadOnlyList<Case> WithSlips(IReadOnlyList<Case> cases, double share, int seed) => WithSlips(cases, share, seed, SlipWords);

    /// <summary>
    /// As <see cref="WithSlips(IReadOnlyList{Case}, double, int)"/>, with the slips drawn from <paramref name="slipWords"/>
    /// (in their order: e.g. every term of every class of the vocabulary, longest first, so a slip falls in the longest term said).
    /// </summary>
    public static IReadOnlyList<Case> WithSlips(IReadOnlyList<Case> cases, double share, int seed, IEnumerable<string> slipWords)
    {
        var wordsToSlip = slipWords.Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).ToArray();
        var random = new Random(seed);
        var sameSound = new Dictionary<string, char[]>(StringComparer.Ordinal);
        var names = Units.Select(u => u.Short).Concat(Colleagues)
            .Concat(Surnames.SelectMany(s => GivenNames.Select(g => s + g))).OrderByDescending(n => n.Length).ToArray();
        return [.. cases.Select(c => c with { Text = Slip(c.Text) })];

        string Slip(string text)
        {
            var kept = new bool[text.Length];
            foreach (var name in names)
            {
                for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
                {
                    Array.Fill(kept, true, at, name.Length);
                }
            }

            var slipped = text.ToCharArray();
            foreach (var word in wordsToSlip)
            {
                for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
                {
                    if (kept.AsSpan(at, word.Length).Contains(true) || random.NextDouble() >= share)
                    {
                        continue;
                    }

                    var i = random.Next(word.Length);
                    var readings = InstructorBot.Knowledge.Answering.Pinyin.Readings(word[i]);
                    if (readings.Count == 0)
                    {
                        continue;
                    }

                    if (!sameSound.TryGetValue(readings[0], out var others))
                    {
                        sameSound[readings[0]] = others = [.. InstructorBot.Knowledge.Answering.Pinyin.WithReading(readings[0]).Order()];
                    }

                    var choices = others.Where(o => o != word[i]).ToArray();
                    if (choices.Length > 0)
                    {
                        slipped[at + i] = choices[random.Next(choices.Length)];
                        Array.Fill(kept, true, at, word.Length);
                    }
                }
            }

            return new string(slipped);
        }
    }

    private sealed class Builder(Random random)
    {
        // 2026-12-14 is a Monday; the messages are sent Monday to Friday of that week, in the evening.
        public DateTimeOffset Now { get; } = new DateTimeOffset(2026, 12, 14, 18, 20, 0, TimeSpan.FromHours(8)).AddDays(random.Next(5));

        private DateOnly Today => DateOnly.FromDateTime(Now.Date);

        private readonly List<string> phrases = [];

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private bool Chance(double p) => random.NextDouble() < p;

        private void Say(string phrase)
        {
            if (Chance(0.35))
            {
                phrases.Add(Pick(Fillers));
            }

            phrases.Add(phrase);
        }

        public (string Text, JsonArray Actions) Build(string frame)
        {
            var actions = new JsonArray();
            switch (frame)
            {
                case "visit": Visit(actions, corrected: false); break;
                case "discovery": Discovery(actions, Pick(Units), day: null); break;
                case "formation": Formation(actions, correctName: false); break;
                case "coverage": Coverage(actions, Pick(Units), day: null); break;
                case "org_update": OrgUpdate(actions); break;
                case "plan": Plan(); break;
                case "others_visit": OthersVisit(); break;
                default: Correction(actions); break;
            }

            var text = new System.Text.StringBuilder();
            foreach (var phrase in phrases)
            {
                if (text.Length > 0)
                {
                    text.Append(Chance(0.85) ? " " : "");
                }

                text.Append(phrase);
            }

            return (text.ToString(), actions);
        }

        // ---- days ----

        /// <summary>A past day said relatively (今天, 前天, 上周五, 这周一, 上礼拜四, 12号) and the date it means.</summary>
        private (string Word, DateOnly Date) PastDay()
        {
            var weekday = ((int)Today.DayOfWeek + 6) % 7; // Monday 0
            var monday = Today.AddDays(-weekday);
            string[] dayNames = ["一", "二", "三", "四", "五"];
            switch (random.Next(7))
            {
                case 0:
                case 1: return ("今天", Today);
                case 2: return ("昨天", Today.AddDays(-1));
                case 3: return Chance(0.7) ? ("前天", Today.AddDays(-2)) : ("大前天", Today.AddDays(-3));
                case 4:
                {
                    var d = random.Next(5);
                    return ((Chance(0.5) ? "上周" : Chance(0.5) ? "上礼拜" : "上星期") + dayNames[d], monday.AddDays(d - 7));
                }

                case 5 when weekday > 0:
                {
                    var d = random.Next(weekday);
                    return ((Chance(0.5) ? "这周" : "这礼拜") + dayNames[d], monday.AddDays(d));
                }

                default:
                {
                    var d = Today.AddDays(-random.Next(1, 6));
                    return d.Month == Today.Month ? ($"{d.Day}号", d) : ("昨天", Today.AddDays(-1));
                }
            }
        }

        // ---- numerals ----

        private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

        /// <summary>A spoken small count before a measure word or noun: 两个/俩, 三个/仨, 五个.</summary>
        private (string Text, bool HasMeasure) SmallCount(int n) => n switch
        {
            2 => Chance(0.4) ? ("俩", false) : ("两个", true),
            3 => Chance(0.4) ? ("仨", false) : ("三个", true),
            _ => (Spoken(n, abbreviate: false) + "个", true),
        };

        /// <summary>A number said in full (一百八十五, 二百零五, 三十二, 两百) or, when <paramref name="abbreviate"/>, shortened (一百七 for 170).</summary>
        private string Spoken(int n, bool abbreviate)
        {
            if (n < 10)
            {
                return Digits[n];
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
            if (tens == 0 && ones == 0)
            {
                return hundreds + "百";
            }

            if (tens == 0)
            {
                return hundreds + "百零" + Digits[ones];
            }

            if (ones == 0 && abbreviate)
            {
                return hundreds + "百" + Digits[tens];
            }

            return hundreds + "百" + Digits[tens] + "十" + (ones == 0 ? "" : Digits[ones]);
        }

        private int HeadCount() => Chance(0.3) ? random.Next(12, 100) : random.Next(10, 60) * 10 + (Chance(0.5) ? 0 : random.Next(1, 10));

        /// <summary>A head count phrase (员工一百七, 他们现在一百八十五个人, 四十个阿姨, 人数二百零五) for <paramref name="n"/>.</summary>
        private string HeadCountPhrase(int n) => random.Next(6) switch
        {
            0 => Pick(["员工", "职工", "人数"]) + Spoken(n, abbreviate: true),
            1 => Pick(HeadCountLeads) + Spoken(n, abbreviate: false) + "个人",
            2 => Spoken(n, abbreviate: false) + "个" + Pick(StaffNouns),
            3 => Pick(["员工", "职工"]) + Spoken(n, abbreviate: false) + "个",
            4 => Spoken(n, abbreviate: false) + "个人",
            _ => Pick(["现在", "他们"]) + Spoken(n, abbreviate: false) + "号人",
        };

        /// <summary>A party member count phrase (党员四个, 俩党员, 有三个党员, 党员还是六个, 还是没有党员) for <paramref name="n"/>.</summary>
        private string MemberPhrase(int n)
        {
            if (n == 0)
            {
                return Pick(["还是没有党员", "一个党员都没有", "党员还是没有"]);
            }

            var (count, measured) = SmallCount(n);
            return random.Next(4) switch
            {
                0 when measured => "党员" + count,
                1 when measured => "党员还是" + count,
                2 => "有" + count + "党员",
                _ => count + "党员",
            };
        }

        private string Person() => Pick(Surnames) + Pick(GivenNames);

        private static JsonObject Act(string kind, string? organization, params (string Key, JsonNode? Value)[] fields)
        {
            var o = new JsonObject { ["kind"] = kind, ["organization"] = organization };
            foreach (var (k, v) in fields)
            {
                o[k] = v;
            }

            return o;
        }

        private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // ---- frames ----

        /// <summary>A visit with a head count and members, said in one of three orders; sometimes a discovery or a coverage follows.</summary>
        private void Visit(JsonArray actions, bool corrected)
        {
            var unit = Pick(Units);
            var (dayWord, date) = PastDay();
            var part = Pick(DayParts);
            var shape = random.Next(3);
            if (corrected)
            {
                // 去了A 哦不对 是B: the unit said after the marker is the one visited.
                var wrong = Pick(Units.Where(u => u != unit).ToList());
                Say($"{dayWord}{part}去了{wrong.Short}");
                Say(Pick(CorrectionMarkers));
                Say($"是{unit.Short}");
            }
            else if (shape == 0)
            {
                Say(dayWord + part + string.Format(CultureInfo.InvariantCulture, Pick(VisitAfterDay), unit.Short));
            }
            else if (shape == 1)
            {
                Say(dayWord + part + string.Format(CultureInfo.InvariantCulture, Pick(VisitStay), unit.Short));
            }
            else
            {
                Say(string.Format(CultureInfo.InvariantCulture, Pick(VisitOrgFirst), unit.Short, dayWord + part));
            }

            actions.Add(Act("visit", unit.Full, ("date", Iso(date))));
            var update = Act("org_update", unit.Full);
            if (Chance(0.7))
            {
                var n = HeadCount();
                Say(HeadCountPhrase(n));
                update["employees"] = n;
            }

            if (Chance(0.7))
            {
                var m = random.Next(0, 13);
                Say(MemberPhrase(m));
                update["party_members"] = m;
            }

            if (update.Count > 2)
            {
                actions.Add(update);
            }

            if (Chance(0.25))
            {
                Discovery(actions, unit, (dayWord, date), sayUnit: false);
            }
        }

        /// <summary>N members found, by category (流动, 口袋, 隐形, 预备, 招聘来的), said as one category or split (仨党员 俩是流动的 一个是口袋的).</summary>
        private void Discovery(JsonArray actions, (string Short, string Full) unit, (string Word, DateOnly Date)? day, bool sayUnit = true)
        {
            var (dayWord, date) = day ?? PastDay();
            if (sayUnit)
            {
                Say(unit.Short + Pick(["", "那边", "那里"]));
                Say(dayWord);
            }

            var categories = new JsonObject();
            int total;
            if (Chance(0.2))
            {
                total = random.Next(1, 4);
                Say(Pick(["招聘进来", "新招进来", "招聘会上招了"]) + SmallCount(total).Text + "党员");
                categories["hired"] = total;
            }
            else if (Chance(0.3))
            {
                var a = random.Next(1, 3);
                var b = random.Next(1, 3);
                total = a + b;
                var (first, second) = (random.Next(Categories.Length), 0);
                second = (first + 1 + random.Next(Categories.Length - 1)) % Categories.Length;
                Say(Pick(FindVerbs) + SmallCount(total).Text + "党员");
                Say(SmallCount(a).Text + "是" + Categories[first].Word + "的");
                Say((Chance(0.5) ? "还有" : "") + SmallCount(b).Text + "是" + Categories[second].Word + "党员");
                categories[Categories[first].Key] = a;
                categories[Categories[second].Key] = b;
            }
            else
            {
                total = random.Next(1, 5);
                var category = Pick(Categories);
                Say(Pick(FindVerbs) + SmallCount(total).Text + category.Word + "党员");
                categories[category.Key] = total;
            }

            actions.Add(Act("member_discovery", unit.Full, ("date", Iso(date)), ("count", total), ("categories", categories)));
        }

        /// <summary>A party branch formed: single, functional or joint with a second unit; date, members and secretary in any order.</summary>
        private void Formation(JsonArray actions, bool correctName)
        {
            var unit = Pick(Units);
            var (dayWord, date) = PastDay();
            var method = random.Next(3);
            var action = Act("formation", unit.Full, ("date", Iso(date)));
            if (method == 0)
            {
                Say($"{unit.Short}党支部");
                Say(dayWord + Pick(FormedVerbs));
                Say(Pick(["单独建的", "是单独组建的", "自己单独建的"]));
                action["method"] = "single";
            }
            else if (method == 1)
            {
                Say(unit.Short);
                Say($"功能型党支部{dayWord}{Pick(FormedVerbs)}");
                action["method"] = "functional";
            }
            else
            {
                var other = Pick(Units.Where(u => u != unit).ToList());
                Say($"{unit.Short}{Pick(["和", "跟"])}{other.Short}");
                Say($"{dayWord}联合党支部{Pick(FormedVerbs)}");
                action["method"] = "joint";
                action["units"] = new JsonArray(unit.Full, other.Full);
            }

            action["level"] = "branch";
            var members = random.Next(3, 13);
            var secretary = Person();
            var title = Pick(Titles);
            void SayMembers() => Say(MemberPhrase(members));
            void SaySecretary()
            {
                if (correctName)
                {
                    var wrong = Chance(0.5) ? Person() : Pick(Surnames) + Pick(["总", "老师", "经理"]);
                    Say($"书记是{wrong}");
                    Say(Pick(CorrectionMarkers));
                    Say($"是{title}{secretary}");
                }
                else
                {
                    Say($"书记是{title}{secretary}");
                }
            }

            if (Chance(0.5))
            {
                SayMembers();
                SaySecretary();
            }
            else
            {
                SaySecretary();
                SayMembers();
            }

            action["members"] = members;
            action["secretary"] = secretary;
            actions.Add(action);
        }

        /// <summary>A work coverage measure (工会, 团支部, 妇联, 党建指导员), sometimes followed by a head count with a staff noun.</summary>
        private void Coverage(JsonArray actions, (string Short, string Full) unit, (string Word, DateOnly Date)? day)
        {
            var (dayWord, date) = day ?? PastDay();
            if (Chance(0.2))
            {
                Say($"{dayWord}给{unit.Short}派了个党建指导员");
                actions.Add(Act("work_coverage", unit.Full, ("measure", "instructor"), ("date", Iso(date))));
            }
            else
            {
                var measure = Pick(Measures);
                if (Chance(0.5))
                {
                    Say(unit.Short);
                    Say($"{dayWord}把{measure.Word}{Pick(CoverageVerbs)}");
                }
                else
                {
                    Say($"{unit.Short}{measure.Word}{dayWord}{Pick(CoverageVerbs)}");
                }

                actions.Add(Act("work_coverage", unit.Full, ("measure", measure.Key), ("date", Iso(date))));
            }

            if (Chance(0.4))
            {
                var n = HeadCount();
                var update = Act("org_update", unit.Full, ("employees", n));
                Say(Spoken(n, abbreviate: false) + "个" + Pick(StaffNouns));
                if (Chance(0.5))
                {
                    var m = random.Next(0, 6);
                    Say(MemberPhrase(m));
                    update["party_members"] = m;
                }

                actions.Add(update);
            }
        }

        /// <summary>New figures or an operating status for a unit, no visit.</summary>
        private void OrgUpdate(JsonArray actions)
        {
            var unit = Pick(Units);
            Say(unit.Short + Pick(["", "那边", "的情况"]));
            if (Chance(0.3))
            {
                var (words, key) = Pick<(string, string)>(
                [
                    ("工商那边说已经注销了", "deregistered"), ("早就注销了", "deregistered"), ("就是个空壳 根本没人办公", "shell"),
                    ("查了一下是个空壳公司", "shell"), ("好久不经营了 就是个僵尸企业", "zombie"),
                ]);
                Say(words);
                actions.Add(Act("org_update", unit.Full, ("status", key)));
                return;
            }

            var n = HeadCount();
            var m = random.Next(0, 13);
            Say(Pick(["员工", "职工", "人数"]) + Pick(["现在是", "现在", "变成"]) + Spoken(n, abbreviate: false) + Pick(["个", "个了", "了"]));
            Say(MemberPhrase(m));
            actions.Add(Act("org_update", unit.Full, ("employees", n), ("party_members", m)));
        }

        /// <summary>What will be done (a day ahead, a deadline, an intention): nothing is recorded.</summary>
        private void Plan()
        {
            var unit = Pick(Units);
            var when = Pick(["明天", "后天", "下周", "下礼拜", "这个月底之前", "年底前", "下个月", "过两天", "月底前"]);
            if (Chance(0.5))
            {
                Say(Pick(["我", "我们", "我这边"]));
                Say(when + Pick([$"打算去{unit.Short}看看", $"准备去一趟{unit.Short}", $"要去{unit.Short}走访", $"想去{unit.Short}那边摸排一下党员"]));
            }
            else
            {
                Say(unit.Short);
                Say(Pick(["老板说", $"{Pick(Surnames)}总说", "他们说", "我们"]));
                Say(when + Pick(["把支部建起来", "争取把党支部建起来", "把工会弄起来", "要成立党支部", "准备把团支部建起来"]));
            }

            if (Chance(0.3))
            {
                Say(Pick(["到时候再跟你说", "顺便问问建支部的事", "看看情况再说"]));
            }
        }

        /// <summary>A colleague's visit, left to them to report: nothing is recorded.</summary>
        private void OthersVisit()
        {
            var unit = Pick(Units);
            var (dayWord, _) = PastDay();
            Say($"{Pick(Colleagues)}{dayWord}去了{unit.Short}");
            Say(Pick(LeaveToThem));
            if (Chance(0.4))
            {
                Say(Pick(["我这边今天没出去", "我今天一直在办公室整材料", "我今天没跑"]));
            }
        }

        /// <summary>A figure, a day, a name or a unit said, denied with a marker and said again: the second holds.</summary>
        private void Correction(JsonArray actions)
        {
            switch (random.Next(4))
            {
                case 0:
                {
                    var unit = Pick(Units);
                    var (dayWord, date) = PastDay();
                    Say(unit.Short);
                    Say($"{dayWord}去的");
                    var wrong = random.Next(1, 10);
                    var right = (wrong + random.Next(1, 5)) % 12 + 1;
                    var (w, measured) = SmallCount(wrong);
                    var (r, _) = SmallCount(right);
                    Say(measured ? $"党员{w}" : $"{w}党员");
                    Say(Pick(CorrectionMarkers));
                    Say(Chance(0.5) ? r : $"是{r}");
                    actions.Add(Act("visit", unit.Full, ("date", Iso(date))));
                    actions.Add(Act("org_update", unit.Full, ("party_members", right)));
                    break;
                }

                case 1:
                {
                    var unit = Pick(Units);
                    var (wrongDay, _) = PastDay();
                    var (rightDay, date) = PastDay();
                    while (rightDay == wrongDay)
                    {
                        (rightDay, date) = PastDay();
                    }

                    Say(unit.Short);
                    Say(wrongDay);
                    Say(Pick(CorrectionMarkers));
                    Say($"是{rightDay}去的");
                    actions.Add(Act("visit", unit.Full, ("date", Iso(date))));
                    break;
                }

                case 2:
                    Formation(actions, correctName: true);
                    break;

                default:
                    Visit(actions, corrected: true);
                    break;
            }
        }
    }
}
