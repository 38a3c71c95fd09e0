using System.Text.RegularExpressions;
using InstructorBot.Knowledge.Ingestion;

namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// Reads the facts a question states about a unit (N名党员, 职工N人, 没有党员, 流动党员, 机关事业单位, its kind) and
/// whether it asks how that unit should form its party organisation. Approximate figures ("200多人") are left out.
/// </summary>
public static partial class FactExtractor
{
    /// <summary>
    /// A count, exact ("6", "一百零五", "一百二") or approximate ("五十多", "六十好几", "三十来": group <c>approx</c>); the
    /// patterns that need an exact figure skip the approximate ones (<see cref="First"/>), those of the unit's members and
    /// staff keep them as a range (<see cref="Figure"/>).
    /// </summary>
    private const string Count = @"(?<![约近上百千几\d])(?<n>\d+|[零一二两三四五六七八九十百千]+)(?<approx>好几|出头|左右|多|余|来|几)?(?![多余来几\d])";

    /// <summary>Where a figure said without its unit ends ("党员俩，", "党员六十多了", "员工二百一 建支部").</summary>
    private const string FigureEnd = @"(?=$|[\s，,。？?！!；;了啦呢])";

    /// <summary>The nouns a unit is called by, as a kind ("一个社工机构", "有家制衣厂", "律所三十五个人").</summary>
    private const string UnitNouns = "基地|平台|驿站|工地|项目部|公司|企业|工厂|厂|超市|快递|物业|商店|门店|店|集团|酒店|餐馆|餐厅|饭店|工作室|商行|协会|商会|学会|研究会|联合会|促进会|基金会|校友会|同乡会|联谊会|老乡会|俱乐部|事务所|律所|学校|医院|幼儿园|养老院|诊所|药房|机构|中心|研究院|社会组织|网点|站点|单位";

    public static OrganizationFacts Extract(string question)
    {
        // A clause telling what the ledger says ("台账上还写着2个") gives the old figure: the question's others are newer.
        var read = Read(question);
        var text = LedgerSays().Replace(read, "，");
        // Members said to have come since ("又转进来两个正式党员", "新招了4个退伍军人，都是正式党员"): read apart, so that
        // their figure is not taken for the unit's whole count.
        int? added = null;
        if (AddedMembers().Match(text) is { Success: true } arrival && !arrival.Groups["approx"].Success && ParseNumber(arrival.Groups["n"].Value) is { } came)
        {
            added = came;
            text = string.Concat(text.AsSpan(0, arrival.Index), "，", text.AsSpan(arrival.Index + arrival.Length));
        }

        var flowingSaid = Figure(text, FlowingMembers());
        int? flowing = flowingSaid?.Exact;
        int? full = First(text, FullMembers());
        // "大多数商户都没有党员" tells of a class of units, not of the unit asked about.
        // "之前一个党员都没有，这个月排查出两个党员": none said as the earlier state, a count after it is now's.
        var none = NoMembers().Matches(text).Any(m => !SomeOf().IsMatch(text[..m.Index]) && !(EarlierNone(text, m) && Figure(text[(m.Index + m.Length)..], PartyMembers()) is not null));

        // "原来有3名党员…现在只剩1名党员": the count the question ends on is the unit's now.
        // "新来了一个党员，加上原来的一共三个了": a sum the question arrives at is the unit's count now.
        // Several counts of the members ("从4个发展到了五十三个", "过百了，一百零八个"): the last said is the count now.
        var total = Figure(text, RemainingMembers()) ?? (read.Contains("党员", StringComparison.Ordinal) ? Figure(text, AddedUpMembers()) : null);
        var stated = total ?? (none ? (0, null) : Figure(text, PartyMembers(), last: true));
        // "正式党员一百一十多个" with no other count: the 正式 ones, roughly, are the least the unit's members can be, enough
        // for the method and the level's bound.
        if (stated is null && full is null && Figure(text, FullMembers()) is { About: { } fullAbout })
        {
            stated = (null, fullAbout);
        }

        int? members = stated?.Exact ?? (stated?.About is null ? Listed(text) ?? (OneMember().IsMatch(text) ? 1 : null) : null);
        if (members is not null && full is not null && members == full)
        {
            members = null;
        }

        // "有五六个是党员，关系都还在老家": a rough count of members whose relations are all elsewhere is a rough count of flowing ones.
        var flowingAbout = flowingSaid?.About is { Low: > 0 } saidRange ? saidRange : null;
        if (flowing is null && flowingAbout is null && members is null && stated?.About is { Low: > 0 } roughly && AllFlowing().IsMatch(text))
        {
            flowingAbout = roughly;
        }

        // "4名党员，都是流动党员": every member counted is a flowing one.
        if (flowing is null && members is > 0 && AllFlowing().IsMatch(text))
        {
            flowing = members;
        }

        // "…都是党员，正式的": every member counted is a full one.
        if (full is null && members is > 0 && AllFull().IsMatch(text))
        {
            full = members;
        }

        // "正式党员七个、预备党员一个": the members are the sum of both.
        if (members is null && stated?.About is null && full is not null && First(text, ProbationaryMembers()) is { } more)
        {
            members = full + more;
        }

        // Members who came since are added to an earlier count ("原来有1个党员，今年又转进来两个"), but a count said as now's
        // or a total ("一共三个了") already holds them.
        if (added is not null && (total is not null || ((members is not null || full is not null) && !Earlier().IsMatch(text))))
        {
            added = null;
        }

        // 预备党员 do not count towards the 3 正式党员 a unit needs to form its own organisation (002 §一).
        if (full is null && members is > 0 && First(text, ProbationaryMembers()) is { } probationary && probationary <= members)
        {
            full = members - probationary;
        }

        var staff = Figure(text, Employees());
        return new OrganizationFacts(
            Name: Name(text),
            Type: SocialOrgWords().IsMatch(text) ? OrganizationType.SocialOrg : EnterpriseWords().IsMatch(text) ? OrganizationType.Enterprise : null,
            Employees: staff?.Exact,
            PartyMembers: members,
            FullMembers: full,
            FlowingMembers: flowing,
            MostlyPublicStaff: PublicStaff().IsMatch(text) ? true : null,
            CurrentOrganization: InJoint().IsMatch(text) ? FormationMethod.Joint : null,
            Dormant: DormantWords().IsMatch(text) ? true : null,
            Deregistered: DeregisteredWords().IsMatch(text) ? true : null,
            PartyMembersAbout: members is null ? stated?.About : null,
            EmployeesAbout: staff?.About,
            FlowingMembersAbout: flowingAbout,
            AddedMembers: added);
    }

    /// <summary>
    /// True when the question asks how a given or described unit (named, "这家/一家/我们公司", or known from the ledger)
    /// should form its organisation, rather than what the rules say for a class of units.
    /// </summary>
    public static bool AsksForAdvice(string question, bool namedInLedger)
    {
        var text = Read(question);
        // "一个党员都没有，下一步走哪条路？": a way asked with no formation word, of a unit whose members are told.
        if (!AdviceIntent().IsMatch(text) && !Clauses().Split(text).Any(AsksAboutFormation) && !AsksWayAfterPurpose(text) && !(WayAsk().IsMatch(text) && KnowsMembers(text)))
        {
            return false;
        }

        // A message that asks nothing ("下周准备帮它们联合组建党支部。") reports a plan; one that asks when, who, or how a
        // unit was formed ("当初是哪年单独组建的") asks a past fact. Neither asks which way fits.
        // Asking about something beside the method ("先建个工会行不行", "挑搭伙的单位有啥讲究") is a policy question.
        if (!AsksSomething().IsMatch(text) || AsksBeside().IsMatch(text) || AsksBesideTheMethod(text) || AsksTimeOrPerson().IsMatch(text) || AsksThreshold().IsMatch(AskingSentence(text)) || PastFormation().IsMatch(text))
        {
            return false;
        }

        // Facts said of several units describe a class, unless the question asks for them to be formed together ("三家…能不能放
        // 一起建一个支部"): then they are the one joint organisation asked about. A plan told before another question ("想把五家
        // 拢到一起搞一个联合支部。一个联合的能带这么多家吗？") asks that other question.
        // Units counted one by one ("有一家面馆、一家修车铺、一家小超市，每家都只有一个党员") are the ones asked about, together.
        if (!namedInLedger && SeveralUnits().IsMatch(text) && !Together().IsMatch(AskingSentence(text)) && !EnumeratedUnits().IsMatch(text))
        {
            return false;
        }

        return namedInLedger || Name(text) is not null || Deictic().IsMatch(text) || (IntroducedUnit().IsMatch(text) && KnowsMembers(text)) || DescribedByMembers(text) || OpensWithMembers().IsMatch(text)
            || (OpensWithUnit().Match(text) is { Success: true } unit && !GenericStart().IsMatch(unit.Groups["opening"].Value) && KnowsMembers(text));
    }

    /// <summary>
    /// A clause that asks which form, whether, or which of two a formation takes: a formation word (建, 支部, 联合, 单独,
    /// 功能型, 覆盖…) with a which-kind word ("建啥样的", "建哪种合适"), a yes/no ("能不能升格成党委", "支部够不够用",
    /// "可以单独成立支部吗") or a choice ("自己建还是跟别家联建").
    /// </summary>
    private static bool AsksAboutFormation(string clause) =>
        FormationWord().IsMatch(clause) && (KindAsk().IsMatch(clause) || YesNoAsk().IsMatch(clause) || clause.Contains("还是", StringComparison.Ordinal));

    /// <summary>
    /// A which-way clause right after the clause that names the forming ("想建组织，走哪条路合适"): the purpose told, then
    /// the way asked. Only a which-kind ask carries over; a bare yes/no belongs to its own clause.
    /// </summary>
    private static bool AsksWayAfterPurpose(string text)
    {
        var clauses = Clauses().Split(text);
        for (var i = 1; i < clauses.Length; i++)
        {
            if (KindAsk().IsMatch(clauses[i]) && FormationWord().IsMatch(clauses[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last sentence (after the last 。？！ before the end): where a message puts its question.</summary>
    private static string AskingSentence(string text)
    {
        var body = text.TrimEnd('。', '？', '?', '！', '!', ' ');
        var cut = body.LastIndexOfAny(['。', '？', '?', '！', '!']);
        return cut < 0 ? body : body[(cut + 1)..];
    }

    private static bool KnowsMembers(string text) =>
        NoMembers().IsMatch(text) || PublicStaff().IsMatch(text) || Figure(text, PartyMembers()) is not null || First(text, FullMembers()) is not null || Figure(text, FlowingMembers()) is not null; // "流动党员有五六个": a range counts

    /// <summary>
    /// "华鼎精密有12名党员，该建支部还是总支？": a unit the question opens with (not a class such as "党员不足3名的企业")
    /// whose party members it counts, even when its name carries no 公司/协会 suffix.
    /// </summary>
    private static bool DescribedByMembers(string text)
    {
        var m = NamePrefix().Match(text);
        if (!m.Success || GenericStart().IsMatch(m.Groups["name"].Value) || !HanName().IsMatch(m.Groups["name"].Value))
        {
            return false;
        }

        return KnowsMembers(text);
    }

    private static string? Name(string text)
    {
        var m = NamePrefix().Match(text);
        if (m.Success && OrgSuffix().IsMatch(m.Groups["name"].Value) && !GenericStart().IsMatch(m.Groups["name"].Value))
        {
            return m.Groups["name"].Value;
        }

        // A name anywhere in the question: "请问德润物业该怎么建？" → 德润物业.
        var named = NamedUnit().Match(text);
        if (!named.Success)
        {
            return null;
        }

        var name = LeadingFiller().Replace(named.Groups["name"].Value, string.Empty);
        return name.Length >= 4 && !GenericStart().IsMatch(name) ? name : null;
    }

    /// <summary>
    /// The question as the patterns read it: a space between two Chinese characters is a clause break, as a phone user
    /// types ("工人三百多 党员五十好几个"), then normalised, with counting numerals folded.
    /// </summary>
    private static string Read(string question) => FoldNumerals(TextCleaner.Normalize(SpokenBreak().Replace(question.Trim(), "，")));

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\s+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex SpokenBreak();

    /// <summary>"财务和两个业务员都是党员": one named person and a count of others, all members.</summary>
    private static int? Listed(string text) => First(text, ListedMembers()) is { } others ? others + 1 : null;

    /// <summary>The first exact count the pattern finds; approximate ones ("200多人") are left out.</summary>
    private static int? First(string text, Regex pattern)
    {
        foreach (Match m in pattern.Matches(text))
        {
            if (!m.Groups["approx"].Success && ParseNumber(m.Groups["n"].Value) is { } n)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>
    /// The first (or <paramref name="last"/>) count the pattern finds, exact or as the range an approximate one ("五十好几个")
    /// certainly lies in.
    /// </summary>
    private static (int? Exact, CountRange? About)? Figure(string text, Regex pattern, bool last = false)
    {
        var matches = pattern.Matches(text).Cast<Match>();
        foreach (Match m in last ? matches.Reverse() : matches)
        {
            if (ParseNumber(m.Groups["n"].Value) is not { } n)
            {
                // "五六个", "三四个", "一两个": two neighbouring digits say a range.
                if (!m.Groups["approx"].Success && AdjacentDigits(m.Groups["n"].Value) is { } range)
                {
                    return (null, range);
                }

                continue;
            }

            if (!m.Groups["approx"].Success)
            {
                return (n, null);
            }

            if (CountRange.Of(n, m.Groups["approx"].Value, m.Groups["n"].Value + m.Groups["approx"].Value) is { } about)
            {
                return (null, about);
            }
        }

        return null;
    }

    /// <summary>"五六" → 5–6, "一两" → 1–2: two neighbouring digits said together, a spoken range.</summary>
    private static CountRange? AdjacentDigits(string value)
    {
        const string digits = "零一二三四五六七八九";
        var folded = value.Replace('两', '二');
        if (folded.Length != 2 || digits.IndexOf(folded[0], StringComparison.Ordinal) is not (> 0 and var low) || digits.IndexOf(folded[1], StringComparison.Ordinal) != low + 1)
        {
            return null;
        }

        return new CountRange(low, low + 1, value);
    }

    /// <summary>
    /// Financial (大写) numerals and 仨/俩 where they count ("党员贰名", "职工捌拾陆人", "仨党员") in the ordinary forms the
    /// patterns read; elsewhere (a name such as 陆家) the text is left alone.
    /// </summary>
    private static string FoldNumerals(string text) =>
        FinancialCount().Replace(SpokenPair().Replace(text, m => m.Value == "俩" ? "两个" : "三个"), m => string.Concat(m.Value.Select(c => c switch
        {
            '壹' => '一', '贰' or '貳' => '二', '叁' or '仨' => '三', '肆' => '四', '伍' => '五', '陆' => '六', '柒' => '七',
            '捌' => '八', '玖' => '九', '拾' => '十', '佰' => '百', '仟' => '千', '俩' => '两', _ => c,
        })));

    /// <summary>俩 and 仨 are 两个 and 三个, classifier included ("就俩党员", "也是俩"): read so wherever no classifier follows.</summary>
    [GeneratedRegex(@"[俩仨](?![个名位])")]
    private static partial Regex SpokenPair();

    [GeneratedRegex(@"(?<=(党员|职工|员工|从业人员|人数)(有|共|共有|为|是)?)[零壹贰貳叁肆伍陆柒捌玖拾佰仟仨俩一二两三四五六七八九十百]+|[零壹贰貳叁肆伍陆柒捌玖拾佰仟仨俩一二两三四五六七八九十百]+(?=(名|个|位|人|党员))")]
    private static partial Regex FinancialCount();

    /// <summary>
    /// A count in digits or Chinese numerals, spoken forms included: 一百零五 = 105, 一百二十 = 120, and 一百二 = 120,
    /// 一千二 = 1200 (a digit after 百/千 with nothing between is the next place down).
    /// </summary>
    private static int? ParseNumber(string value)
    {
        if (int.TryParse(value, out var n))
        {
            return n;
        }

        const string digits = "零一二三四五六七八九";
        int total = 0, current = 0, lastPlace = 1;
        bool zero = false, pending = false;
        foreach (var c in value.Replace('两', '二'))
        {
            var d = digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0 && pending)
            {
                // Two digits with no place between ("五六") are no one number: a range, read by AdjacentDigits.
                return null;
            }

            if (d >= 0)
            {
                zero |= d == 0;
                current = d;
                pending = d > 0;
                continue;
            }

            var place = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (place == 0 || (current == 0 && place > 10))
            {
                return null;
            }

            total += (current == 0 ? 1 : current) * place;
            (current, lastPlace, zero, pending) = (0, place, false, false);
        }

        return total + (pending && !zero && lastPlace >= 100 ? current * lastPlace / 10 : current);
    }

    [GeneratedRegex(Count + @"(名|个|位)?(是)?流动党员|流动党员" + MemberAdverbs + "(有|共|共有)?" + Count + "(名|个|位|人)")]
    private static partial Regex FlowingMembers();

    [GeneratedRegex(Count + @"(名|个|位)?(还|也|都)?(是)?预备(党员|的)|预备党员(有|共|共有)?" + Count + "(名|个|位|人)")]
    private static partial Regex ProbationaryMembers();

    [GeneratedRegex(Count + @"(名|个|位)正式党员|正式党员" + MemberAdverbs + "(已有|有|够|满|达到|共|共有)?(了)?" + Count + "(名|个|位|人)")]
    private static partial Regex FullMembers();

    /// <summary>
    /// A count of the unit's members, the figure before or after its noun: "6名党员", "有6个党员", "党员（其实/现在/已经…）
    /// （只剩/有/达到…）6个", "党员从4个发展到了五十三个" (the second), "党员已经过百了，一百零八个" (in the next clause),
    /// "6个人是党员", "4个退伍军人，都是党员". 预备/流动/正式党员 are counted by their own patterns.
    /// </summary>
    [GeneratedRegex(@"(?<!预备|流动|正式)党员[^，,。？?\d零一二两三四五六七八九十]{0,6}?从" + Count + @"(名|个|位)?[^，,。？?\d]{0,6}?到(了)?" + Count + "((名|个|位|人)|" + FigureEnd + ")"
        + "|" + Count + @"(名|个|位)(党员|中共党员)|有" + Count + @"个?党员|(?<!预备|流动|正式)党员" + MemberAdverbs + @"(已经有|已有|有|够|满|共|共有|一共|总共|只有|就有|才有|还有|就|才|只剩下|只剩|就剩|还剩|剩下|剩|人数|人数为|数为|增加到|达到|发展到|增长到|涨到|增至|变成|到了|是|为)?(了)?" + Count + "((名|个|位|人)(?!以上|以下)|" + FigureEnd + ")"
        + "|" + Count + @"(个人|个|人|名|位)((?![都全也均])\p{IsCJKUnifiedIdeographs}){0,3}?是(中共)?(正式)?党员|(?<!预备|流动)党员[^，,。？?]{0,16}[，,]" + MemberAdverbs + @"(有|共|一共|共有|是|就|才|只有|大概|大约)?" + Count + @"(个|名|位|人)(?!\p{IsCJKUnifiedIdeographs})"
        + "|" + @"(?<!预备|流动|正式)党员[^，,。？?\d]{0,12}?" + Count + @"(个人|人|个|名|位)(?=$|[，,。？?！!；;])"
        + "|" + Count + @"(个|名|位)\p{IsCJKUnifiedIdeographs}{1,6}[，,](都|全|全部|均)(是|为)(中共)?(正式)?党员")]
    private static partial Regex PartyMembers();

    /// <summary>The nouns a way of forming is asked by ("走哪条路", "用啥法子", "何种方式"): vocabulary, one list.</summary>
    private const string WayNouns = "路子|路数|路|办法|方法|法子|方式|模式|形式|招儿|招|门路";

    /// <summary>
    /// Public bodies said together, one of them a 机关 or 事业单位 in all but name ("机关和学校", "街道、学校", "学校和机关"): whose
    /// serving or retired staff make up a body that a 功能型 organisation fits (003 §二(四)4). A school alone is no such list.
    /// </summary>
    private const string PublicBodies = "((机关|事业单位|街道|政府)(和|或|、|及|跟)(学校|医院|机关|事业单位|街道|社区)|(学校|医院)(和|或|、|及|跟)(机关|事业单位|街道|政府))";

    /// <summary>Adverbs between the members' noun and their figure ("党员其实现在只剩两个").</summary>
    private const string MemberAdverbs = "(其实|现在|目前|已经|如今|实际上|实际|眼下|还|也|都|大概|大约|差不多|估计)*";

    /// <summary>
    /// Members who came since, the figure with 党员, with a noun they are then said all to be, or with the noun left out at the
    /// clause's end (the members being the topic): "又转进来两个正式党员", "新招了4个退伍军人，都是正式党员", "原来有1个党员，
    /// 后来又转进来两个". A count of staff hired ("新招了20个工人") is no member.
    /// </summary>
    [GeneratedRegex(@"(又|新|刚|再|另外|今年|最近|陆续|后来)[^，,。？?\d]{0,4}?(转进来|转进|转入|转来|调来|调入|调进|进了|进来了|进来|来了|招了|招进来|招进|招来|发展了|吸收了|加入了|入职了)(了)?" + Count + @"(名|个|位)((中共)?(正式)?党员|\p{IsCJKUnifiedIdeographs}{1,6}[，,](都|全|全部|均)(是|为)(中共)?(正式)?党员|(?=$|[，,。？?！!；;了]))")]
    private static partial Regex AddedMembers();

    /// <summary>A count marked as the earlier one ("原来有1个党员", not "原来挂在…"), to which members who came since are added.</summary>
    [GeneratedRegex(@"(原来|本来|之前|以前|原有|过去|去年)(就|只|一共|共)?(有|是|只有)?(\d+|[零一二两三四五六七八九十百千]+)(名|个|位)|党员(原来|本来|之前|以前|原有|过去|去年)")]
    private static partial Regex Earlier();

    /// <summary>A clause telling what the ledger (台账) or the system records: the older figure.</summary>
    [GeneratedRegex(@"[^，,。？?！!；;]*(台账|系统里|系统上|表上|表里|登记表)[^，,。？?！!；;]*")]
    private static partial Regex LedgerSays();

    /// <summary>Something is asked: a question mark, a question word or particle, a modal of advice, or a plea to look.</summary>
    [GeneratedRegex(@"[？?]|吗|么|呢|怎|咋|啥|什么|哪|如何|能否|能不能|可不可以|是否|是不是|还是|行不行|要不要|需不需要|该|合适|适合|够不够|好不好|可否|看看|建议|请问|想问|问一下|咨询|不知道|(不|没|可以|行)$")]
    private static partial Regex AsksSomething();

    /// <summary>
    /// Asking about something beside the formation method: mass organisations set up first ("先把工会、团支部搞起来", 004 §二(四)),
    /// or the principle of choosing partners ("有啥讲究", "按什么原则凑").
    /// </summary>
    [GeneratedRegex(@"讲究|原则|注意什么|注意哪些|先[^，,。？?！!]{0,6}(工会|团支部|群团|妇联|妇委会|共青团|团组织|团委)")]
    private static partial Regex AsksBeside();

    /// <summary>Asking when or who rather than which way: "哪年", "什么时候", "谁来牵头".</summary>
    [GeneratedRegex(@"哪年|哪一年|什么时候|啥时候|何时|几时|哪天|几月|哪个月|多久|多长时间|谁")]
    private static partial Regex AsksTimeOrPerson();

    /// <summary>Asking for a threshold or condition of a rule ("多到什么程度可以成立总支", "要多少党员"), not a unit's way.</summary>
    [GeneratedRegex(@"多少|什么程度|啥程度|什么条件|啥条件|哪些条件|几(个|名|家)[^，,。]{0,4}[？?]?$")]
    private static partial Regex AsksThreshold();

    /// <summary>
    /// Asking how a unit was formed in the past or whether it is done: "当初是…组建的", "去年那家…是单独建的还是联合建的",
    /// "后来建起来了没有".
    /// </summary>
    [GeneratedRegex(@"(当初|当时|去年|前年|以前|之前|那会儿|那时)[^。？?]{0,16}(建|组建|成立)的|(建|组建|成立)(起来|好|成|完)了(没有|没|吗|么)")]
    private static partial Regex PastFormation();

    /// <summary>"有个物流园，…": a unit introduced by 有个 and a noun phrase closing its clause, its facts told after.</summary>
    [GeneratedRegex(@"(?<![所没])有(一)?[个家](?!党员)\p{IsCJKUnifiedIdeographs}{1,8}[，,]")]
    private static partial Regex IntroducedUnit();

    /// <summary>Several units to be formed together: then they are the one (joint) organisation asked about.</summary>
    [GeneratedRegex(@"一起|一块|合起来|合在一起|放一起|凑一起|凑在一起|合建|抱团|共同(建|组建|成立)")]
    private static partial Regex Together();

    /// <summary>"只剩1名党员", "现在只有2个党员", "党员原来八个，…，现在剩五个": the count after a change.</summary>
    [GeneratedRegex(@"((就|只|仅|还)剩(下)?|剩下|现在(就|只)?(只有|就有|有)?|现只有|目前(只有|有)?)" + Count + @"(名|个|位)?(正式)?党员(?!(都|也)?(还)?" + Negation + ")"
        + @"|(?<!预备|流动)党员[^。？?]*?[，,](现在|目前|如今)?(就|只|仅|还)?(剩下|剩)(了)?" + Count + @"(名|个|位)?(?!\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex RemainingMembers();

    /// <summary>"加上原来的一共三个了", "算上他一共4名", a clause opening with a total ("，一共三个了"): the sum the question arrives at.</summary>
    [GeneratedRegex(@"(加上|算上|连上|连同|加起来|合起来)[^，,。？?]{0,8}?(一共|总共|共|合计|就|才)?(是|有)?" + Count + @"(名|个|位)(党员)?(?!人|员工|职工)"
        + @"|(?<=^|[，,])(现在|目前|这样)?(一共|总共|合计|共计)(是|有)?" + Count + @"(名|个|位)(党员)?(?!人|员工|职工|流动|预备|正式)")]
    private static partial Regex AddedUpMembers();

    /// <summary>A quantifier that makes what follows a statement about some units of a class ("大多数商户都没有党员").</summary>
    [GeneratedRegex(@"(大多数|多数|大部分|部分|有的|一些|很多|好多|许多|不少|少数|个别)[^，,。？?]{0,8}$")]
    private static partial Regex SomeOf();

    /// <summary>"有个党员", "就他一个党员", "就他一个": one member, said without a figure.</summary>
    [GeneratedRegex(@"有个(中共)?党员|(就|只有|仅有|只)(他|她)(一个|一名|一位|1个|1名)")]
    private static partial Regex OneMember();

    /// <summary>空壳 / 僵尸 / 影子 units are struck from the 党建基数 rather than formed (003 §三(二)).</summary>
    [GeneratedRegex(@"空壳(企业|公司|单位)|僵尸(企业|公司|单位)|影子(企业|公司)|是(个|一家)?(空壳|僵尸)|久不运转|长期停业|长期停产|长期歇业|有名无实|多重注册")]
    private static partial Regex DormantWords();

    /// <summary>A unit that has been deregistered (注销), not one asking about deregistration in general.</summary>
    [GeneratedRegex(@"已(经)?注销|注销了|被注销")]
    private static partial Regex DeregisteredWords();

    /// <summary>
    /// No member: "没有党员", "一个党员都没有", said with any of the negations people write, standard or dialect/phone
    /// (没有, 没, 木有, 冇, 莫有, 没得, 无): "一个X都木有" is zero, not one. The count is folded to a digit first ("1个党员").
    /// </summary>
    private const string Negation = @"(没有|木有|莫有|没得|冇|无(?![法论])|没(?=$|[\s，,。？?！!了呢啊呀哦咋怎]))"; // bare 没 only at a clause end: "也没用" is not one

    [GeneratedRegex(@"(没有|木有|莫有|没得|没|冇|无)(中共)?党员|(一个|一名|一位|1个|1名|1位)(中共)?党员(都|也)?(还)?" + Negation + @"|党员" + EarlierWords + "?(一个|1个)(都|也)?(还)?" + Negation + @"|党员(人数)?(为|是)?(0|零)(?![\d一二三四五六七八九十])|(?<!\d)0名党员|零党员|党员(一个|1个)(都|也)?(还)?" + Negation + @"|党员(都|也|还|目前|现在)?(还)?(没有|木有|莫有|没得|冇)(?=$|[\s，,。？?！!了呢啊呀])")]
    private static partial Regex NoMembers();

    [GeneratedRegex(@"(教职工|职工|员工|从业人员|从业|工人|雇员|工作人员|专职人员|员工人数|职工人数|老师)(有|共|共有|一共|总共|加起来|人数|数|达|达到)?" + Count + "((人|名|个|号人)|" + FigureEnd + ")|" + Count + "(名|个|位|号)?(职工|员工|从业人员|工人|雇员|律师|工作人员)"
        + "|(?<=(" + UnitNouns + "))(有|共|一共|共有)?" + Count + "(个人|人|号人)(?!是|都是)")]
    private static partial Regex Employees();

    [GeneratedRegex(@"协会|商会|学会|基金会|校友会|同乡会|联谊会|老乡会|俱乐部|事务所|民办|学校|医院|幼儿园|培训中心|研究会|联合会|促进会|社会组织|社团|民非|服务中心|研究院")]
    private static partial Regex SocialOrgWords();

    [GeneratedRegex(@"公司|企业|厂|超市|快递|物业|商店|门店|集团|科技|餐饮|酒店|工作室|商行|网络|电商|物流|制造|店")]
    private static partial Regex EnterpriseWords();

    /// <summary>Members who are (or were) 机关事业单位 staff: a 功能型 organisation fits them (003 §二(四)4).</summary>
    [GeneratedRegex(@"机关(和|或|、|及)?事业单位|(离休|退休)前[^，,。]{0,3}(机关|事业单位)|机关干部|(机关|事业单位)(离退休|退休|在职)?(人员|职工|干部)|(机关|事业单位)[^，,。]{0,3}(离退休|退休|退下来)|公务员|(离)?退休(的)?(干部|老干部|公务员|教师)|老干部|" + PublicBodies + @"[^，,。]{0,6}(在职|退休|离退休|离休|退下来|干部|人员|职工|老师|教师)")]
    private static partial Regex PublicStaff();

    /// <summary>"3名党员但有1名是预备党员，怎么建": an exact count of one unit's members, not a class ("3名以上…的企业").</summary>
    [GeneratedRegex(@"^(有|共有|现有|只有)?(\d+|[一二两三四五六七八九十]+)(名|个|位)(正式)?党员(?!以上|以下|及以上|的)")]
    private static partial Regex OpensWithMembers();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})(和|跟|及|还有)" + Count + @"(个|名|位)\p{IsCJKUnifiedIdeographs}{1,4}?(都|全|均)(是|为)(中共)?(正式)?党员")]
    private static partial Regex ListedMembers();

    [GeneratedRegex(@"(都|全|全部|均)(是|为)?正式(党员|的)|党员[，,](都是)?正式的")]
    private static partial Regex AllFull();

    [GeneratedRegex(@"(都|全|全部|均)(是|为)流动党员|(组织)?关系(都|全|全部|均)(还)?(在原单位|在原来(的)?单位|在各自(的)?\p{IsCJKUnifiedIdeographs}{0,4}?(单位|企业|公司|学校|老家)|在(自己|各自|本人)?(的)?工作单位|在(外地|外省|外市|原籍)?(的)?老家|在外地|在外省|在原籍|不在(本单位|本地|本市|这边|这里|深圳))|党员(都|全|全部|均)(是|为)?[^，,。？?]{0,6}流动")]
    private static partial Regex AllFlowing();

    /// <summary>Facts said of several units at once ("每家就一两个党员", "好多小企业一个党员都没有"): a class, not one unit.</summary>
    [GeneratedRegex(@"每家|各家|好多|许多|这些(企业|单位|公司|社会组织)")]
    private static partial Regex SeveralUnits();

    /// <summary>Units counted one by one: "一家面馆、一家修车铺", "一家奶茶店，一家打印店".</summary>
    [GeneratedRegex(@"(一|1)家[^，,、。？?！!]{1,10}[、，,](还有|和|跟)?(一|1)家")]
    private static partial Regex EnumeratedUnits();

    /// <summary>A way asked for by its noun, with or without a formation word ("走哪条路", "该用啥法子", "采取何种方式").</summary>
    [GeneratedRegex(@"(走|用|选|采取|采用|使)(哪|啥|什么|何种)(条|一条|种|个|一个)?(" + WayNouns + ")")]
    private static partial Regex WayAsk();

    /// <summary>Words marking a state as the earlier one ("之前", "原来"): a later count is the unit's now.</summary>
    private const string EarlierWords = "(之前|原来|以前|本来|过去|原先|早先|去年|一开始)";

    [GeneratedRegex(EarlierWords)]
    private static partial Regex EarlierMarker();

    /// <summary>"之前一个党员都没有", "党员原来一个没有": none said in a clause marked as the earlier state.</summary>
    private static bool EarlierNone(string text, Match none)
    {
        var start = none.Index == 0 ? 0 : text.LastIndexOfAny(['，', ',', '。', '？', '?', '！', '!', '；', ';'], none.Index - 1) + 1;
        return EarlierMarker().IsMatch(text.AsSpan(start, none.Index + none.Length - start));
    }

    [GeneratedRegex(@"[，,。？?！!；;\s]+")]
    private static partial Regex Clauses();

    /// <summary>Words of forming a party organisation: not 党建/基建/建议, not 团支部, not a post (支部书记, 党委委员).</summary>
    [GeneratedRegex(@"(?<![党基])建(?!议)|成立|(弄|搞|整)(个|一个)[^，,。？?]{0,2}组织|(?<!团)(支部|总支)(?!书记|副书记|委员)|党委(?!书记|副书记|委员)|联合|单独|功能型|覆盖|挂靠|升格")]
    private static partial Regex FormationWord();

    [GeneratedRegex(@"啥样|什么样|哪种|哪类|哪一种|哪样|什么形式|啥形式|什么方式|啥方式|什么级别|哪一级|哪个级别|什么类型|(哪|何)(条|一条|个|一个|种)?(" + WayNouns + @")|(什么|啥|何种)(" + WayNouns + @")|何种|(建|成立|组建)(个|一个)?(啥|什么)|(啥|什么|哪种|哪个)\p{IsCJKUnifiedIdeographs}{0,4}?(合适|适合|比较好|更好|好)")]
    private static partial Regex KindAsk();

    [GeneratedRegex(@"能不能|能否|可不可以|可以|要不要|需不需要|该不该|应不应该|够不够|行不行|是否|是不是[^，,。？?]{0,6}(建|成立|单独|联合|组建|挂靠|升格|覆盖|分出来|拆出来)|(吗|么|不|没|不行)$")]
    private static partial Regex YesNoAsk();

    /// <summary>"律所三十五个人 党员零": a question opening with a kind of unit and, right after it, the unit's figures.</summary>
    [GeneratedRegex(@"^(?<opening>\p{IsCJKUnifiedIdeographs}{0,10}?(" + UnitNouns + @"))(有|共|一共|共有|现在|目前)?(\d|[零一二两三四五六七八九十百千])")]
    private static partial Regex OpensWithUnit();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{2,12}$")]
    private static partial Regex HanName();

    /// <summary>Already in a joint organisation ("挂靠在社区联合党支部", "在联合党支部里"), not asking to join one ("挂靠到…行不行").</summary>
    [GeneratedRegex(@"(?<!挂靠到|加入|建立|成立|组建)(联合党组织|联合党支部|联合支部|联建)|挂靠在|已(经)?挂靠")]
    private static partial Regex InJoint();

    [GeneratedRegex(@"(给|出|提)(个|一个|点)?(建议|主意|意见)|怎么建|怎样建|如何建|咋建|该建|怎么组建|如何组建|怎样组建|怎么成立|如何成立|怎么覆盖|如何覆盖|实现覆盖|适合|什么方式|哪种方式|什么形式|哪种形式|单独建|单独组建|单独成立|联合组建|能不能建|能否建|可以建|可不可以建|要不要建|需不需要建|需要建|能建|建什么|成立什么|建支部|成立支部|成立党支部|建总支|建党总支|成立总支|成立党总支|建党委|成立党委|能成立|可以成立|能不能成立|建党支部|建党组织|怎么办|怎么弄|怎么搞|怎么整|怎么做|如何做|(怎么|如何|咋)(开展|推进|入手|下手|起步)|(怎么|如何|咋|怎样)(才能|才)?(把|让)?([这那该][家个]的?)?(党的工作|党建工作|党建|党组织)[^，,。？?]{0,3}(做|开展|建|覆盖|搞|推|带|延伸)(进去|进来|起来|到位|过去)|咋(建|组建|成立|覆盖|办|弄|搞|整|做)|(该|要|需要|要不要|需不需要|应该|应不应该|怎么|如何|咋|怎样)(怎么|如何|咋|怎样)?调整|(从哪|从哪里|从哪儿|从哪头|从何)(下手|入手|着手|起步)|(怎么|如何|咋|怎样)(来)?(设置|设立|设(?![计备施立置定])|安排)|(怎么|如何|咋|怎样)(帮|给|替|带)(他们|她们|它们|人家|他|她|它|这家|那家)?(搞|弄|建|整|做|覆盖)|行不行|挂靠|(要|需要|要不要|需不需要)(覆盖|组建)|(一起|一块儿|一块|合起来|放一起|凑一起)(弄|搞|建|整|办)(吗|么|不|行不行|可以吗|行吗)|单独出来|分出来|(还|仍)(要|得|需要|能|可以|用)[^，,。？?]{0,14}(吗|不|么)[？?]?$")]
    private static partial Regex AdviceIntent();

    [GeneratedRegex(@"这家|那家|一家|(?<=[开来进])了家|(?<![所没])有(一)?家|有(一)?个\p{IsCJKUnifiedIdeographs}{0,8}?(" + UnitNouns + @")|(一|这|那)个\p{IsCJKUnifiedIdeographs}{0,6}?(" + UnitNouns + @")|某(一)?(家|个)?\p{IsCJKUnifiedIdeographs}{0,6}?(组织|" + UnitNouns + @")|该(企业|公司|单位|协会|组织)|我们(公司|单位|企业|协会|学校|医院|这|有|现在|目前|已经|一共|共有)|咱们|我(公司|单位)|本(公司|单位|企业)|这种情况|这种情形|这个情况|这样的情况")]
    private static partial Regex Deictic();

    [GeneratedRegex(@"^(?<name>[^，,。？?！!：:；;]{2,30}?)(现在|目前|已经|现有|共有|一共|只有|还没有|没有|有|职工|员工|从业人员|的党员|党员|里|中|(?=(\d+|[零一二两三四五六七八九十百千]+)(多|来|几|余)?(个|号)?人))")]
    private static partial Regex NamePrefix();

    [GeneratedRegex(@"(?<name>[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{2,16}?(有限公司|公司|物业|快递|超市|事务所|协会|商会|学会|基金会|学校|医院|幼儿园|集团|中心|酒店|餐厅|工作室|研究院|文化|传媒|贸易|商贸|实业|咨询|装饰|药房|诊所|餐馆|养老院))")]
    private static partial Regex NamedUnit();

    [GeneratedRegex(@"^(请问|我想问|想问|问一下|咨询|关于|那么|那|这家|那家|该)+")]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"公司|企业|厂|超市|快递|物业|店|集团|科技|餐饮|酒店|工作室|商行|协会|商会|学会|基金会|事务所|学校|医院|幼儿园|中心|研究院|研究会|联合会|促进会|物流|电商|网络|律所|文化|传媒|贸易|商贸|实业|咨询|装饰|药房|诊所|餐馆|养老院")]
    private static partial Regex OrgSuffix();

    [GeneratedRegex(@"^(党员|企业|公司|非公|社会组织|两新|一个|如果|假如|对于|没有|一般|所有|哪些|什么|小微|民营|私营|外资|规模|律师事务所|会计师事务所|税务师事务所|民办|辖区|园区|社区|街道|楼宇|商圈)")]
    private static partial Regex GenericStart();
}
