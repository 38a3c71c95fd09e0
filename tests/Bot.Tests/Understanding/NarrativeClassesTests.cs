using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 14, branch r14-unarr (docs/understanding.md): a day told as a story. A formation verb said of what was already so
/// (去年就建起来了), of paperwork (建支部的材料), of approval awaited (还在等批复) or of a step ahead (争取…把支部建起来) records no
/// formation (MessageParser.Aspect.cs); a question's window is its question sentence's (QuestionSentences.cs); members said
/// by comparison (党员比上次多了两个) are a discovery, or the total after it an update (MessageParser.Comparisons.cs); an
/// alternative question over ways of forming or covering a unit is advice and records neither alternative
/// (MessageParser.Alternatives.cs); a unit's ledger card asked with its fields listed is one lookup
/// (MessageParser.CardQuestions.cs). Cases generated over units, times and wordings other than the batches the classes
/// were read from (af, the branch batch), plus the branch batch (tests/data/understanding-r14-unarr.jsonl).
/// </summary>
public sealed class NarrativeClassesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations())
    {
        KnownPeople = () => ["张伟", "刘洋", "赵敏", "孙磊", "陈静", "王强"],
    };

    private static readonly DateTimeOffset Now = new(2026, 12, 16, 17, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_zhang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static string Show(IReadOnlyList<UnderstoodAction> actions) =>
        string.Join("; ", actions.Select(a => $"{a.Kind} {a.Organization} m={a.PartyMembers} c={a.Count} {a.From}-{a.To}"));

    private static readonly string[] Units = ["云启科技", "星辰半导体", "德润物业", "正衡律师事务所", "金桥投资", "宏图贸易"];

    private static readonly string[] Backgrounds =
    [
        "他们支部去年就建起来了", "党支部早在2018年就成立了", "他们的党支部是前年成立的", "他们是联合党支部 多年前就组建了",
    ];

    [Fact]
    public void A_formation_told_as_background_is_no_formation_and_the_news_beside_it_stays()
    {
        var misses = new List<string>();
        foreach (var (unit, k) in Units.Select((u, k) => (u, k)))
        {
            foreach (var background in Backgrounds)
            {
                var text = $"下午去了{unit} {background} 今天核对了一下 现在一共{k + 5}个党员";
                var actions = Read(text);
                if (actions.Any(a => a.Kind == ActionKind.Formation) || !actions.Any(a => a.Kind == ActionKind.Visit)
                    || !actions.Any(a => a.Kind == ActionKind.OrgUpdate && a.PartyMembers == k + 5))
                {
                    misses.Add($"{text} → {Show(actions)}");
                }
            }
        }

        Assert.True(misses.Count == 0, string.Join("\n", misses));
    }

    [Theory]
    [InlineData("宏图贸易建支部的申请已经报上去了，今天先报一下他们职工60人")]
    [InlineData("金桥投资成立党支部的材料昨天送到街道了")]
    [InlineData("正衡律师事务所组建党支部的请示已经递交了，还在等批复")]
    [InlineData("星辰半导体的党总支今天开了选举大会，材料报到区里了，批复还没下来")]
    [InlineData("德润物业争取下个月把支部建起来")]
    [InlineData("云启科技力争元旦前把党支部建起来 这家由我跟进")]
    [InlineData("今天陪社区党委书记王建军去了宏图贸易 看了看他们的活动室")]
    public void A_formation_of_paperwork_approval_awaited_or_a_step_ahead_is_no_formation(string text) =>
        Assert.DoesNotContain(Read(text), a => a.Kind == ActionKind.Formation);

    [Theory]
    [InlineData("宏图贸易今天成立了党支部，3名党员，书记是赵平")]
    [InlineData("金桥投资今天把党支部建起来了，党员4名")]
    [InlineData("正衡律师事务所的党支部今天正式成立，党员3名")]
    public void A_formation_said_done_today_stays_a_formation(string text) =>
        Assert.Contains(Read(text), a => a.Kind == ActionKind.Formation);

    [Theory]
    [InlineData("坂田街道9月份一共走访了多少家？我想跟本月的比一比。", "2026-09-01", "2026-09-30")]
    [InlineData("民治街道上个月新建了几个党组织？明天开会要跟这周的放一起看。", "2026-11-01", "2026-11-30")]
    [InlineData("刘洋十月份走访了几家？我要跟今年的总数对一下。", "2026-10-01", "2026-10-31")]
    public void A_questions_window_is_the_one_of_its_question_sentence(string text, string from, string to)
    {
        var query = Assert.Single(Read(text, "u_wang"), a => a.Kind == ActionKind.ProgressQuery);
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (query.From, query.To));
    }

    [Fact]
    public void A_window_in_a_question_alone_is_read_as_before()
    {
        var query = Assert.Single(Read("这个月坂田街道一共走访了多少家？", "u_wang"), a => a.Kind == ActionKind.ProgressQuery);
        Assert.Equal(new DateOnly(2026, 12, 1), query.From);
    }

    private static readonly string[] References = ["上次", "上回", "上个月", "十月份", "原来"];

    [Fact]
    public void Members_more_than_before_are_a_discovery_of_the_difference()
    {
        var misses = new List<string>();
        foreach (var (unit, k) in Units.Take(4).Select((u, k) => (u, k)))
        {
            foreach (var reference in References)
            {
                var text = $"{unit}今天又去了一趟 党员比{reference}多了{k + 1}个";
                var actions = Read(text);
                if (actions.SingleOrDefault(a => a.Kind == ActionKind.MemberDiscovery) is not { } found || found.Count != k + 1
                    || actions.Any(a => a.Kind == ActionKind.OrgUpdate && a.PartyMembers is not null))
                {
                    misses.Add($"{text} → {Show(actions)}");
                }
            }
        }

        Assert.True(misses.Count == 0, string.Join("\n", misses));
    }

    [Theory]
    [InlineData("金桥投资今天去坐了坐 党员比上回多了两个 现在一共五个", 5)]
    [InlineData("宏图贸易党员比原来多出一个，目前是3个", 3)]
    public void Members_more_than_before_with_the_total_after_are_the_total(string text, int total)
    {
        var actions = Read(text);
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.MemberDiscovery);
        Assert.Contains(actions, a => a.Kind == ActionKind.OrgUpdate && a.PartyMembers == total);
    }

    [Theory]
    [InlineData("星辰半导体三个党员，是自己单独建，还是跟华鼎精密联合建？")]
    [InlineData("德润物业一个党员都没有，先派指导员还是先建工会")]
    [InlineData("宏图贸易两个正式党员 八十个员工 是挂靠社区党委 还是找别的单位联合建比较好？")]
    public void An_alternative_question_over_ways_of_forming_is_advice_and_records_neither(string text)
    {
        var actions = Read(text);
        Assert.Contains(actions, a => a.Kind == ActionKind.FormationAdvice);
        Assert.DoesNotContain(actions, a => a.IsRecord);
    }

    [Theory]
    [InlineData("德润物业党员还是3个，跟上次一样", 3)]
    public void Still_the_same_figure_is_no_alternative(string text, int members) =>
        Assert.Contains(Read(text), a => a.Kind == ActionKind.OrgUpdate && a.PartyMembers == members);

    [Theory]
    [InlineData("诚信会计师事务所在台账里登记的是什么情况？党员几个、有没有建组织")]
    [InlineData("帮我看看星辰半导体台账上登记的情况，职工多少、党员几个、有没有建党组织？")]
    public void A_units_card_asked_with_its_fields_is_one_lookup(string text)
    {
        var actions = Read(text, "u_liu");
        Assert.Equal(ActionKind.OrgLookup, Assert.Single(actions).Kind);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r14-unarr.jsonl", Understanding);
        // 0.560 through the CLI (with the second opinion); 0.520 here, where na14's visit after a plan not kept is the second opinion's.
        Assert.True(score.CaseExact >= 0.52, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
