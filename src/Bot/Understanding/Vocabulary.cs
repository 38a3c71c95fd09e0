using System.Reflection;
using System.Text.Json;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The words the understanding rules work from: verbs, categories, modes, abbreviations, plan and negation markers.
/// Shipped as the embedded <c>vocabulary.json</c>; a deployment adds words with an extra file
/// (configuration <c>Understanding:VocabularyFile</c>): lists are joined, map entries added or replaced.
/// </summary>
public sealed record Vocabulary
{
    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public IReadOnlyList<string> RegionPrefixes { get; init; } = [];
    public IReadOnlyList<string> LegalForms { get; init; } = [];
    public IReadOnlyList<string> GenericWords { get; init; } = [];
    public IReadOnlyDictionary<string, List<string>> Abbreviations { get; init; } = new Dictionary<string, List<string>>();
    public IReadOnlyList<string> AliasStopwords { get; init; } = [];
    public IReadOnlyList<string> NameBoundaries { get; init; } = [];
    public IReadOnlyList<string> NameRejects { get; init; } = [];
    public IReadOnlyList<string> NameLeadingFillers { get; init; } = [];
    public IReadOnlyList<string> ShortNameStops { get; init; } = [];
    public IReadOnlyList<string> GenericOrganizationPhrases { get; init; } = [];

    public IReadOnlyList<string> VisitVerbs { get; init; } = [];
    public IReadOnlyList<string> MotionVerbs { get; init; } = [];
    public IReadOnlyList<string> DiscoveryVerbs { get; init; } = [];
    public IReadOnlyList<string> HireVerbs { get; init; } = [];
    public IReadOnlyList<string> DiscoveryAfterVerbs { get; init; } = [];
    public IReadOnlyDictionary<string, string> MemberCategories { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> CategoryShortWords { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> FormationVerbs { get; init; } = [];
    public IReadOnlyDictionary<string, string> PartyOrganizationWords { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> SingleWords { get; init; } = [];
    public IReadOnlyList<string> JointWords { get; init; } = [];
    public IReadOnlyList<string> FunctionalWords { get; init; } = [];
    public IReadOnlyDictionary<string, string> JointModes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> LeaderMarkers { get; init; } = [];

    public IReadOnlyDictionary<string, string> MassOrganizations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> MassFormationVerbs { get; init; } = [];
    public IReadOnlyList<string> InstructorWords { get; init; } = [];
    public IReadOnlyList<string> InstructorVerbs { get; init; } = [];

    public IReadOnlyDictionary<string, string> Statuses { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> PairingVerbs { get; init; } = [];

    public IReadOnlyList<string> NegationMarkers { get; init; } = [];
    public IReadOnlyList<string> PlanMarkers { get; init; } = [];
    public IReadOnlyList<string> QuestionMarkers { get; init; } = [];
    public IReadOnlyList<string> ApproximationPrefixes { get; init; } = [];
    public IReadOnlyList<string> ApproximationSuffixes { get; init; } = [];
    public IReadOnlyList<string> SequenceWords { get; init; } = [];

    public IReadOnlyList<string> EmployeeWords { get; init; } = [];
    public IReadOnlyList<string> MemberTotalVerbs { get; init; } = [];

    public IReadOnlyList<string> HelpPhrases { get; init; } = [];
    public IReadOnlyList<string> HelpWords { get; init; } = [];
    public IReadOnlyList<string> UndoWords { get; init; } = [];
    public IReadOnlyList<string> UndoPhrases { get; init; } = [];
    public IReadOnlyList<string> ExportPhrases { get; init; } = [];
    public IReadOnlyList<string> LookupPhrases { get; init; } = [];
    public IReadOnlyList<string> LookupObjects { get; init; } = [];
    public IReadOnlyList<string> AdvicePhrases { get; init; } = [];
    public IReadOnlyList<string> AdviceWithFiguresPhrases { get; init; } = [];
    public IReadOnlyList<string> HowMarkers { get; init; } = [];
    public IReadOnlyList<string> InstitutionSuffixes { get; init; } = [];
    public IReadOnlyList<string> ClassNouns { get; init; } = [];
    public IReadOnlyList<string> Titles { get; init; } = [];
    public IReadOnlyList<string> RespectivelyMarkers { get; init; } = [];
    public IReadOnlyList<string> VisitNounFollowers { get; init; } = [];
    public IReadOnlyList<string> PolicyDefinitionPhrases { get; init; } = [];

    /// <summary>Word classes of what a message does (speech acts): see <see cref="SpeechActWords"/>.</summary>
    public IReadOnlyDictionary<string, List<string>> SpeechActs { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>Word classes of asking (mood and the object asked for): see <see cref="AskingWords"/>.</summary>
    public IReadOnlyDictionary<string, List<string>> Asking { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>Words said while speaking that mean nothing (嗯, 那个, 就是): taken out before reading.</summary>
    public IReadOnlyList<string> SpokenFillers { get; init; } = [];

    /// <summary>Words that correct what was just said only when a pause follows them ("不是 是大前天").</summary>
    public IReadOnlyList<string> PauseCorrectionMarkers { get; init; } = [];

    /// <summary>从/在 before an organisation …</summary>
    public IReadOnlyList<string> VisitPlaceMarkers { get; init; } = [];

    /// <summary>… and 回来/待了 after it: a visit said without a visit verb ("刚从蓝海电商回来", "在仁爱医院待了一上午").</summary>
    public IReadOnlyList<string> VisitStayVerbs { get; init; } = [];

    /// <summary>"从联合党支部里分出来": the form named before these words is the one left.</summary>
    public IReadOnlyList<string> SplitMarkers { get; init; } = [];

    /// <summary>
    /// Head nouns of Chinese business names beyond <see cref="InstitutionSuffixes"/> (酒楼, 食府, 小厨, 中医馆, 服务部, 校友会):
    /// a name the ledger lacks may end with one, after a proper part of its own (福满楼酒楼, 川湘小厨).
    /// </summary>
    public IReadOnlyList<string> UnitHeadNouns { get; init; } = [];

    /// <summary>One-character heads (馆, 铺, 楼, 轩, 坊, 社, 行): they end a name only where its stretch of characters ends.</summary>
    public IReadOnlyList<string> UnitHeadCharacters { get; init; } = [];

    /// <summary><see cref="UnitHeadCharacters"/> as characters (its one-character entries), for the readers that test a name's last one.</summary>
    public HashSet<char> UnitHeadCharacterSet() => [.. UnitHeadCharacters.Where(h => h.Length == 1).Select(h => h[0])];

    /// <summary>Words a name never starts with besides pointers: a time (同日, 当天) or a place with 里 (社区里, 园区里): "同日学校成立了…".</summary>
    public IReadOnlyList<string> UnitNameLeadingRejects { get; init; } = [];

    /// <summary>把, 将, 被: function words that never begin a name; a name read where one stands starts after it ("，把鑫源五金厂和…").</summary>
    public IReadOnlyList<string> UnitNameFunctionLeads { get; init; } = [];

    /// <summary>楼里的, 那栋楼里的, 园区里的: said after a unit's name and before units, they make the first a place, no unit.</summary>
    public IReadOnlyList<string> UnitPlaceLinks { get; init; } = [];

    /// <summary>先, 就, 这次, 主动: adverbs between the sender's 我 and a pairing verb ("我先认领三家"): the sender still claims it.</summary>
    public IReadOnlyList<string> SelfClaimAdverbs { get; init; } = [];

    /// <summary>Industry words that end short names without a head (汽修, 口腔, 烘焙, 洗衣: 金达汽修), besides <see cref="GenericWords"/>.</summary>
    public IReadOnlyList<string> UnitTradeWords { get; init; } = [];

    /// <summary>Words that are no proper name before an organisation word (小公司, 皮包公司, 整个单位).</summary>
    public IReadOnlyList<string> UnitNameRejects { get; init; } = [];

    /// <summary>"一共70个人": words that make the figure after them a head count.</summary>
    public IReadOnlyList<string> TotalWords { get; init; } = [];
    public IReadOnlyList<string> PeopleMeasures { get; init; } = [];

    /// <summary>呢/就剩/涨到: words that may stand between a count noun and its figure besides <see cref="FactFillers"/> (token layer).</summary>
    public IReadOnlyList<string> FigureParticles { get; init; } = [];

    /// <summary>那边/这边: "at that one", a topic of its own; a head count after it is the employees' (token layer).</summary>
    public IReadOnlyList<string> TopicPlaceWords { get; init; } = [];
    public IReadOnlyList<string> FactFillers { get; init; } = [];
    public IReadOnlyList<string> FactChanges { get; init; } = [];

    /// <summary>现在/目前: said between a count noun and its figure, the figure is the total now (an org_update), not a new body's members.</summary>
    public IReadOnlyList<string> TotalStateWords { get; init; } = [];

    /// <summary>、/和/与/以及: words that join the members of a list ("妇委会、团支部均于今日成立").</summary>
    public IReadOnlyList<string> ListJoiners { get; init; } = [];
    public IReadOnlyList<string> AllMarkers { get; init; } = [];
    public IReadOnlyList<string> AllTogetherMarkers { get; init; } = [];
    public IReadOnlyList<string> HostMarkers { get; init; } = [];
    public IReadOnlyList<string> ListIntroMarkers { get; init; } = [];

    /// <summary>Words that end a report's title (走访记录：, 工作日志, 情况更新：): the title names the report, it asks nothing.</summary>
    public IReadOnlyList<string> ReportHeadingWords { get; init; } = [];
    public IReadOnlyList<string> ClassDescriptionMarkers { get; init; } = [];
    public IReadOnlyList<string> SingularMarkers { get; init; } = [];
    public IReadOnlyDictionary<string, string> OrgTypeWords { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> LookupQuestions { get; init; } = [];

    /// <summary>请问/问一下/帮我查: the clause they start asks for something rather than reports it.</summary>
    public IReadOnlyList<string> RequestMarkers { get; init; } = [];

    /// <summary>不对/说错了: what follows (是前天, 是3名, 是云启网络科技) replaces the day, figure or name said before.</summary>
    public IReadOnlyList<string> CorrectionMarkers { get; init; } = [];

    /// <summary>应该是/是: words between a correction marker and the replacement.</summary>
    public IReadOnlyList<string> CorrectionLeads { get; init; } = [];

    /// <summary>升级为/调整为: formation verbs that change an organisation's form; the words after them say the new one.</summary>
    public IReadOnlyList<string> ChangeVerbs { get; init; } = [];

    /// <summary>能不能/可以/麻烦 right before 帮我查…: they ask with the request.</summary>
    public IReadOnlyList<string> RequestModals { get; init; } = [];

    /// <summary>"1名没亮明身份的党员": a description before 的党员 and the category it names.</summary>
    public IReadOnlyDictionary<string, string> MemberDescriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Member categories by their definitions' parts, each with its source (round 12, r12-ucats): <see cref="MemberDefinition"/>.</summary>
    public IReadOnlyList<MemberDefinition> MemberDefinitions { get; init; } = [];

    /// <summary>三点水, 草字头, 木字旁: radicals a speaker tells a name's character by ("是三点水的汪刚"), round 12.</summary>
    public IReadOnlyList<string> CharacterGlossRadicals { get; init; } = [];

    /// <summary>有个/有家/有所: words that bring a unit into a report; a unit's name may follow ("爱联那边有个鑫达五金厂"), round 12.</summary>
    public IReadOnlyList<string> UnitIntroducers { get; init; } = [];

    /// <summary>
    /// Prepositions and coverbs whose object may be a unit ("帮利民便利店把工会建起来", "给金鼎装饰工程部派了指导员", "在华安诊所坐了半天"):
    /// a name the ledger lacks may start after one; the word is never part of the name (round 20, branch r20-uunits).
    /// </summary>
    public IReadOnlyList<string> UnitObjectPrepositions { get; init; } = [];

    /// <summary>Words that hold a <see cref="UnitObjectPrepositions"/> character and are no preposition (帮扶, 现在, 因为, 一对一).</summary>
    public IReadOnlyList<string> PrepositionCompounds { get; init; } = [];

    /// <summary>隔壁/对面/楼下: where a unit stands, said before its name and no part of it ("隔壁德衡税务师事务所"), round 17.</summary>
    public IReadOnlyList<string> UnitPositionModifiers { get; init; } = [];

    /// <summary>说反了/弄反了: a repair saying two figures were said the wrong way round; also correction markers (round 12).</summary>
    public IReadOnlyList<string> ReversalMarkers { get; init; } = [];

    /// <summary>The words of a figure corrected about an earlier report, by class (times, addressees, verbs, tails, errors, truths), round 12.</summary>
    public IReadOnlyDictionary<string, List<string>> EarlierReports { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>Words of a figure's time and sum (now, left, before, adds, excludes): <see cref="MemberFigureWords"/>, round 16.</summary>
    public IReadOnlyDictionary<string, List<string>> MemberFigures { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>顺便/另外/对了: the message turns to another matter here.</summary>
    public IReadOnlyList<string> TopicShiftMarkers { get; init; } = [];
    public IReadOnlyList<string> ConditionalMarkers { get; init; } = [];

    /// <summary>他们/这家/该单位: in a request after a report, the organisation just reported on.</summary>
    public IReadOnlyList<string> OrganizationPronouns { get; init; } = [];

    /// <summary>你好/谢谢/在吗/好的 and their kind (greeting, thanks, presence, ack, laugh): a message of only these asks for nothing.</summary>
    public IReadOnlyDictionary<string, string> SmallTalk { get; init; } = new Dictionary<string, string>();

    /// <summary>Words that may stand beside small talk without making it a request (小助手, 啊, 了).</summary>
    public IReadOnlyList<string> SmallTalkFillers { get; init; } = [];

    /// <summary>Per metric, patterns "a|b+c|d": one word of each group, in that order.</summary>
    public IReadOnlyDictionary<string, List<string>> ProgressMetrics { get; init; } = new Dictionary<string, List<string>>();
    public IReadOnlyList<string> OwnScopeWords { get; init; } = [];
    public IReadOnlyList<string> ScopeSuffixes { get; init; } = [];

    public string Surnames { get; init; } = "";
    public IReadOnlyList<string> CompoundSurnames { get; init; } = [];
    public IReadOnlyList<string> NameStopwords { get; init; } = [];

    /// <summary>Words that may follow a person's name and are never its given characters (这回, 自己, 兼任, 当): branch r9-upeople.</summary>
    public IReadOnlyList<string> NameClosingWords { get; init; } = [];

    /// <summary>Place and unit words a person's name may follow (社区, 党委, 党建办); no name starts on their last character.</summary>
    public IReadOnlyList<string> NamePrecedingWords { get; init; } = [];

    /// <summary>Keys of a form line whose value is a person ("帮扶人：本人", "指导员：我").</summary>
    public IReadOnlyList<string> PersonRoleKeys { get; init; } = [];

    /// <summary>Verbs of being elected to a post ("章正衡被选为书记"): their subject holds it.</summary>
    public IReadOnlyList<string> ElectedVerbs { get; init; } = [];

    // ---- word classes of the issue-11 kinds work (branch r3-kinds)

    /// <summary>A part of a unit said after its name (项目部, 车间, 工地): "人在恒信建筑项目部" is a stay at the unit (branch r6-ukinds).</summary>
    public IReadOnlyList<string> UnitPartNouns { get; init; } = [];

    /// <summary>一直/一整天/都 before 在 + an organisation closing the clause: a stay there, so a visit ("一整天都在瑞康医疗").</summary>
    public IReadOnlyList<string> StayAdverbs { get; init; } = [];

    /// <summary>派人/安排人 before 到/去: someone else went there, the sender made no visit.</summary>
    public IReadOnlyList<string> SendingVerbs { get; init; } = [];

    /// <summary>A mention, then one of these ("星辰半导体带着…", "瑞康医疗党支部派人到…帮建"): the leading or helping organisation, no unit.</summary>
    public IReadOnlyList<string> LeaderFollowVerbs { get; init; } = [];

    /// <summary>Status phrases that describe (人去楼空, 停业); a status word said for the same organisation (空壳, 僵尸) names it instead.</summary>
    public IReadOnlyList<string> StatusDescriptions { get; init; } = [];

    /// <summary>"指导员定了", "书记选好了": the person is named next (就是我, 叫吴刚).</summary>
    public IReadOnlyList<string> SettledWords { get; init; } = [];

    /// <summary>"我来负责", "由我": the sender does the verb of the clause.</summary>
    public IReadOnlyList<string> SelfAgentPhrases { get; init; } = [];

    /// <summary>担任/兼任: a person named before it takes the post (书记由…副书记黄志强兼任).</summary>
    public IReadOnlyList<string> SecretaryServeVerbs { get; init; } = [];

    /// <summary>"一个党员没有": after 一 + measure (and 党员), these closing the clause say none.</summary>
    public IReadOnlyList<string> NoneAfterOne { get; init; } = [];

    /// <summary>"列个名单我看看", "列给我看看": words that only ask to be shown what the request before them asked for.</summary>
    public IReadOnlyList<string> ShowFollowups { get; init; } = [];

    /// <summary>"都耗在德润物业了", "我人在正衡律所": a verb of spending time (or the sender's presence) right before the place.</summary>
    public IReadOnlyList<string> StayPlaceVerbs { get; init; } = [];

    /// <summary>"在德润物业跟经理核了一遍台账", "在安捷电子搞了个亮身份活动": an activity later in the stretch after 在 + a unit (a visit).</summary>
    public IReadOnlyList<string> VisitActivityVerbs { get; init; } = [];

    /// <summary>"昨天的足迹：": after a day, a title that announces the places of the day's round listed after it.</summary>
    public IReadOnlyList<string> RoundHeadingWords { get; init; } = [];

    /// <summary>"新来的研发总监是党员": a modifier of the person said to be a member that makes him one newly hired.</summary>
    public IReadOnlyList<string> NewcomerMarkers { get; init; } = [];

    /// <summary>"有个股东也是党员 今天核实了": a word after a person said to be a member that makes him newly found.</summary>
    public IReadOnlyList<string> ConfirmationMarkers { get; init; } = [];

    /// <summary>"两个运营", "三个程序员", "有个股东": nouns of a unit's staff, a person or people said to be members.</summary>
    public IReadOnlyList<string> StaffNouns { get; init; } = [];

    /// <summary>这个/那个/该 before a class noun (协会, 公司): an organisation pointed at, not named.</summary>
    public IReadOnlyList<string> Demonstratives { get; init; } = [];

    /// <summary>早就/早已 before a formation verb: an organisation that exists, not one set up now ("支部早就建了").</summary>
    public IReadOnlyList<string> LongDoneMarkers { get; init; } = [];

    // ---- word classes of round 4 (branch r4-vocab): each class widened from the campaign documents and the ways people say it

    /// <summary>搞定/弄起来/挂上牌: verbs that say a thing is set up and done; they count as formation verbs for party bodies
    /// and for 工会/团支部/妇联 alike (derived into <see cref="FormationVerbs"/> and <see cref="MassFormationVerbs"/>).</summary>
    public IReadOnlyList<string> CompletionVerbs { get; init; } = [];

    /// <summary>厂/店/所/院/站/公司: kinds of workplace said as a place ("厂里一百二十人", "所里三十二个人"): with 里/里头/里面 or
    /// 全/整个 in front they are staff words, never an organisation's name (derived into <see cref="EmployeeWords"/> and
    /// <see cref="UnitNameRejects"/>).</summary>
    public IReadOnlyList<string> UnitPlaceNouns { get; init; } = [];

    /// <summary>他们/人家/咱们/这/该: pronouns and pointers; a name the ledger lacks never starts with one ("他们物业公司").</summary>
    public IReadOnlyList<string> NameLeadingPointers { get; init; } = [];

    /// <summary>没有/无/没得/冇: words that say none right before 党员 ("没得党员" = 0).</summary>
    public IReadOnlyList<string> NoneWords { get; init; } = [];

    /// <summary>这几/过几天/前几天/跟几…: words holding 几 as "a few" (these few, in a few days, with a few), never the
    /// question word 几 ("how many"); see <see cref="UnderstandingRules.IsFew"/>.</summary>
    public IReadOnlyList<string> FewWords { get; init; } = [];

    /// <summary>可能/打算/估计/下个月/明年…: words of likelihood, intention or a time ahead; a 几 after one in its clause is
    /// "a few" ("店长说下个月可能再招几个人"), unless a modal that asks stands between (<see cref="FewQuestionModals"/>).</summary>
    public IReadOnlyList<string> FewContexts { get; init; } = [];

    /// <summary>能/可以/需要/差/够: a modal between a context word and 几 asks ("下个月能建几个").</summary>
    public IReadOnlyList<string> FewQuestionModals { get; init; } = [];

    /// <summary>一样/没变/同上次…: a figure said as the same as before ("党员人数跟上次报的一样 还是三个"): the words between
    /// the count noun and the figure compare it with an earlier report, and the figure is still the noun's.</summary>
    public IReadOnlyList<string> SameAsBeforeWords { get; init; } = [];

    /// <summary>也/都/已经: adverbs that may stand between 指导员 and the word saying the post is settled ("指导员也定了").</summary>
    public IReadOnlyList<string> SettledAdverbs { get; init; } = [];

    // ---- word classes of round 5 (branch r5-udisc)

    /// <summary>其实/原来/竟然: before 是党员, the member is news: a find, not a fact known before ("有个电工其实是党员").</summary>
    public IReadOnlyList<string> RevelationMarkers { get; init; } = [];

    /// <summary>有个/有一名/一位: one person said by a measure word ("有个保安说他是党员").</summary>
    public IReadOnlyList<string> OnePersonMarkers { get; init; } = [];

    /// <summary>副书记/组织委员/主席: titles in a party or mass body; the last word of a chain of titles before a name
    /// ("书记是罗岗社区党委副书记李娜").</summary>
    public IReadOnlyList<string> ChainTitles { get; init; } = [];

    // ---- word classes of round 5 (branch r5-u2g)

    /// <summary>他们/公司/说/讲: the unit said as a pronoun or a noun, or a report of what someone said, right before a head
    /// count (N个人, with 现在/一共 between): the head count is the employees' ("他们现在一百五十六个人", "人事说现在二百六十个人").</summary>
    public IReadOnlyList<string> HeadCountLeads { get; init; } = [];

    /// <summary>上午/晚上/我/过: words that may stand between a past day and 去的/来的 of a visit said after the facts
    /// ("昨天晚上去的", "上礼拜四我过去的").</summary>
    public IReadOnlyList<string> VisitDayGapWords { get; init; } = [];

    /// <summary>以前/原来/之前: a clause opening with one of these says the unit's old form ("以前挂在社区的联合党支部里").</summary>
    public IReadOnlyList<string> FormerStateMarkers { get; init; } = [];

    /// <summary>书记, 负责人, 联系人…: roles said with 是 and a name ("书记是墨老师"), whose name a correction may replace.</summary>
    public IReadOnlyList<string> PredicateRoleNouns { get; init; } = [];

    /// <summary>打电话, 电话联系, 微信联系…: contact that is no visit; a repair "不是走访 是电话联系的" replaces the visit verb (round 10).</summary>
    public IReadOnlyList<string> ContactVerbs { get; init; } = [];

    /// <summary>没去成, 没去…: a visit that did not happen, said as a repair of the visit verb ("去了… 哦不对 没去成").</summary>
    public IReadOnlyList<string> UnrealizedVisitWords { get; init; } = [];

    /// <summary>这周, 上周, 这个月, 上个月…: periods of a request, a slot class a repair can name ("这个月 哦不对 上个月").</summary>
    public IReadOnlyList<string> PeriodWords { get; init; } = [];

    /// <summary>都是, 全是…: a repair said over a whole group of member categories ("一个流动的一个预备的 哦不对 俩都是流动的").</summary>
    public IReadOnlyList<string> RepairGroupLeads { get; init; } = [];

    /// <summary>叫, 名叫: a naming word whose name a repair says again ("叫李明 不对 叫李明华").</summary>
    public IReadOnlyList<string> NamingVerbs { get; init; } = [];

    /// <summary>名字, 全名, 全称: nouns of a unit's name; "人家全名叫…", "名字叫做…" introduce the name and are no part of it.</summary>
    public IReadOnlyList<string> UnitNameNouns { get; init; } = [];

    // ---- word class of round 7 (branch r7-uhomo)

    /// <summary>The campaign's terms a sound-alike slip is read as (当员 → 党员, 复盖 → 覆盖), beside the word classes the
    /// rules key on (<see cref="SoundAlikes.Targets"/>).</summary>
    public IReadOnlyList<string> SoundAlikeTerms { get; init; } = [];

    // ---- word classes of round 8 (branch r8-uagent): who did it (<see cref="AgentWords"/>)

    /// <summary>我/本人/咱: the sender as the one who did a verb.</summary>
    public IReadOnlyList<string> SelfAgentWords { get; init; } = [];

    /// <summary>他/她/有人/网格员/同志/委员: someone other than the sender as the one who did a verb.</summary>
    public IReadOnlyList<string> OtherAgentWords { get; init; } = [];

    /// <summary>陪/跟/带着: the person after it went along (陪刘洋去了: the sender went; 网格员带我去了: so did the sender).</summary>
    public IReadOnlyList<string> CompanionMarkers { get; init; } = [];

    /// <summary>替/代/帮: the person after it is the one stood in for (孙委员替我去了: the sender did not go).</summary>
    public IReadOnlyList<string> StandInMarkers { get; init; } = [];

    /// <summary>不是/并非 before 我: the sender says it was not him or her.</summary>
    public IReadOnlyList<string> NotSelfMarkers { get; init; } = [];

    /// <summary>讲/提起: with 听 before the one who said it, the sender heard of it (听街道办同志讲…).</summary>
    public IReadOnlyList<string> HeardFromVerbs { get; init; } = [];

    /// <summary>新来了/新增/发展了: discovery verbs whose subject is the member or the unit, not a finder.</summary>
    public IReadOnlyList<string> FinderlessDiscoveryVerbs { get; init; } = [];

    /// <summary>说自己/承认自己/自称: right before 是党员, people declare themselves members (a find, round 20).</summary>
    public IReadOnlyList<string> SelfDeclarationVerbs { get; init; } = [];

    /// <summary>
    /// Members found said as a part of a total (round 21): <c>leads</c> of a part (其中), <c>earlier_times</c> that make the
    /// part an earlier find when right before its verb, <c>transfer_verbs</c> (调来) whose members take a relation category said
    /// of them all instead of hired.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> PartsFound { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>
    /// The account of a message's figures (round 22, r22-ufind; <see cref="FigureTable"/>): <c>state_words</c> that make the
    /// figure after them a total (还是, 就, 总数, 现在), <c>sum_words</c> that close a count said in parts (一共, 加起来), and
    /// <c>none_states</c> that make a none said right after them a total of none (还是没有党员), <c>part_adders</c> (加上, 算上)
    /// that add a part of a count, <c>also_words</c> (还有, 也是) that add one more, <c>all_words</c> (都, 全) said of a whole count.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> FigureAccount { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>刚才/前面/所报/发的: opens a reference to a record the sender sent before ("刚才所报顺达快递走访一条").</summary>
    public IReadOnlyList<string> EarlierRecordOpeners { get; init; } = [];

    /// <summary>不好意思/抱歉/对不起: an apology that may open a message before what it says of an earlier record (round 21).</summary>
    public IReadOnlyList<string> Apologies { get; init; } = [];

    /// <summary>重记/重新登记/重新记为: after an undo, says that the record as meant follows (or was just said) (round 21).</summary>
    public IReadOnlyList<string> RestatementLeads { get; init; } = [];

    /// <summary>一条/那条/记录: closes a reference to an earlier record.</summary>
    public IReadOnlyList<string> RecordNouns { get; init; } = [];

    /// <summary>撤回/作废/不算/删除: said of an earlier record, takes it back.</summary>
    public IReadOnlyList<string> RetractionVerbs { get; init; } = [];

    /// <summary>担任/当/任: the post a person is appointed to follows ("派他当诚信的党建指导员").</summary>
    public IReadOnlyList<string> ServeVerbs { get; init; } = [];

    /// <summary>街道/社区/区里: who appoints, said between the post and the word that settles it ("指导员街道定了张伟").</summary>
    public IReadOnlyList<string> AppointerWords { get; init; } = [];

    /// <summary>看看/问问/谈谈/看能不能: a clause opened by one says what a planned trip is for ("…去趟顺达 看能不能把…定下来").</summary>
    public IReadOnlyList<string> PurposeVerbs { get; init; } = [];

    /// <summary>顺便/再/回头: may stand before a purpose verb.</summary>
    public IReadOnlyList<string> PurposeLeads { get; init; } = [];

    /// <summary>帮我/请问/你: the message asks the bot something.</summary>
    public IReadOnlyList<string> BotRequestMarkers { get; init; } = [];

    /// <summary>
    /// Round 10 (branch r10-umood): the operators that say a fact did not happen or is not the sender's to report, by class
    /// (conditional, optative_before, optative_after, estimative, prospective, hearsay, hearsay_frames as "opener|closer|…"),
    /// and the grammar of their scope (scope_closers, scope_joiners), with universal_negation (啥也没) and negated_going (没出去).
    /// Read by <see cref="AgentWords"/>.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> MoodOperators { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>
    /// Round 13 (branch r13-uroles): the grammar of a phrase that names a post's holder after the post word or the task:
    /// links (叫, 是, 就是) that go on after a pause, nickname_prefixes (小/老/阿 + the surname: 小谭 before 谭志远),
    /// handing_verbs (交给, 交由: the task handed to a person) and change_links (换成, 改为: the post given to another).
    /// Read by <see cref="PersonNames"/> and the slots that hold a person.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> HolderPhrases { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>
    /// Round 15 (branch r15-uform): how writers say forming, assigning and pairing in other words. cut_nouns and
    /// cut_post_nouns: a party body or a post cut short (党支, 联合党支, 指导), each read as the shortest word of its class it
    /// begins (党支部, 指导员) where the cut is no other word (cut_follows, cut_post_leads, cut_post_follows: <see cref="CutNouns"/>);
    /// host_links: what stands between a host and the body a unit attaches to (恒信建筑的党支部, 社区党委下面的联合党支部);
    /// relation_pronouns + relation_nouns: a unit named as another's member or supplier (和它的会员单位鹏远货运);
    /// post_holder_gaps: a motion word between the post and its holder (派党建指导员过去 就是我).
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> FormingPhrases { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>
    /// Round 11 (branch r11-safety): the words of the signals that a recording action may be wrong, so that it is asked
    /// about before it is written (<see cref="RecordDoubts"/>): unverified, realis_markers, day_words, none_gaps, none_closers.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> WriteDoubts { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>
    /// Round 18 (branch r18-uextra): the words of records the user did not mean: failed_outcomes (未能成行: a plan not
    /// kept), talk_verbs (聊聊/商量: a formation named as the topic of a talk), attendance_verbs (参加/都到了: a count of those
    /// present, not a total), no_progress_after (没动静: an intended set-up not done), question_subordinators (以后/的时候:
    /// a clause leading into a question is part of it). Read by <see cref="UnmeantWords"/>.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> UnmeantRecords { get; init; } = new Dictionary<string, List<string>>();

    // ---- word classes of round 9 (branch r9-uforms): notes written as forms (<see cref="FormNotes"/>)

    /// <summary>A form's keys (单位, 时间, 走访人, 职工人数, 备注) and the slot each fills: organization, date, agent, figure
    /// (said as key and value: 党员3名) or remark (its value only).</summary>
    public IReadOnlyDictionary<string, string> FormKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>A heading's frame words (走访, 排查, 帮扶) and the sentence each opens ({agent} and {org} filled by the slots).</summary>
    public IReadOnlyDictionary<string, string> FormFrames { get; init; } = new Dictionary<string, string>();

    /// <summary>The nouns that end a form's heading and only say it is a note (记录, 情况, 结果, 登记表).</summary>
    public IReadOnlyList<string> FormHeadingNouns { get; init; } = [];

    /// <summary>A form's empty values ((未填), 无, 空, 待核实): the slot is not filled.</summary>
    public IReadOnlyList<string> FormEmptyValues { get; init; } = [];

    /// <summary>The suffixes that make a workplace noun a staff word (厂里, 店里头, 所里面).</summary>
    public static readonly IReadOnlyList<string> PlaceSuffixes = ["里", "里头", "里面", "内"];

    /// <summary>The prefixes that make a workplace noun a staff word (全厂, 整个店).</summary>
    public static readonly IReadOnlyList<string> WholePrefixes = ["全", "整个"];

    /// <summary>
    /// This vocabulary with the forms derived from its classes: completion verbs join the formation verbs of both kinds;
    /// each workplace noun with a place suffix or a whole prefix joins the staff words and the words that are no names.
    /// Idempotent; <see cref="Default"/> and <see cref="ExtendedWith"/> return derived vocabularies.
    /// </summary>
    public Vocabulary WithDerivedForms()
    {
        var placeWords = UnitPlaceNouns.SelectMany(n => PlaceSuffixes.Select(s => n + s).Concat(WholePrefixes.Select(p => p + n))).ToList();
        return this with
        {
            FormationVerbs = [.. FormationVerbs.Concat(CompletionVerbs).Distinct()],
            MassFormationVerbs = [.. MassFormationVerbs.Concat(CompletionVerbs).Distinct()],
            EmployeeWords = [.. EmployeeWords.Concat(placeWords).Distinct()],
            UnitNameRejects = [.. UnitNameRejects.Concat(placeWords).Distinct()],
        };
    }

    /// <summary>The shipped vocabulary (embedded <c>vocabulary.json</c>).</summary>
    public static Vocabulary Default()
    {
        using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream("InstructorBot.Bot.Understanding.vocabulary.json")
            ?? throw new InvalidOperationException("embedded vocabulary.json is missing");
        return (JsonSerializer.Deserialize<Vocabulary>(stream, FileOptions) ?? throw new InvalidOperationException("vocabulary.json is empty")).WithDerivedForms();
    }

    /// <summary>Parses a vocabulary file's text (same shape as <c>vocabulary.json</c>, any subset of the keys).</summary>
    public static Vocabulary Parse(string json) =>
        JsonSerializer.Deserialize<Vocabulary>(json, FileOptions) ?? new Vocabulary();

    /// <summary>The shipped vocabulary extended with a deployment's file, when one is given.</summary>
    public static Vocabulary Load(string? extraFile) =>
        string.IsNullOrWhiteSpace(extraFile) ? Default() : Default().ExtendedWith(Parse(File.ReadAllText(extraFile)));

    /// <summary>This vocabulary with <paramref name="extra"/>'s words added: lists joined, map entries added or replaced.</summary>
    public Vocabulary ExtendedWith(Vocabulary extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var merged = this with { };
        foreach (var property in typeof(Vocabulary).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var mine = property.GetValue(this);
            var theirs = property.GetValue(extra);
            object? value = (mine, theirs) switch
            {
                (string a, string b) => a + b,
                (IReadOnlyList<string> a, IReadOnlyList<string> b) => a.Concat(b).Distinct().ToList(),
                (IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) => Merge(a, b),
                (IReadOnlyDictionary<string, List<string>> a, IReadOnlyDictionary<string, List<string>> b) => MergeLists(a, b),
                _ => mine,
            };
            property.SetValue(merged, value);
        }

        return merged.WithDerivedForms();
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        var result = a.ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, value) in b)
        {
            result[key] = value;
        }

        return result;
    }

    private static Dictionary<string, List<string>> MergeLists(
        IReadOnlyDictionary<string, List<string>> a, IReadOnlyDictionary<string, List<string>> b)
    {
        var result = a.ToDictionary(p => p.Key, p => p.Value.ToList());
        foreach (var (key, value) in b)
        {
            result[key] = result.TryGetValue(key, out var list) ? [.. list.Concat(value).Distinct()] : [.. value];
        }

        return result;
    }
}
