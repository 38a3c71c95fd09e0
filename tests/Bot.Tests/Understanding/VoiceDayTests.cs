using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 12, branch r12-uvoice: a day told in one voice message (docs/understanding.md, round 12). Each class is read over
/// units and wordings it was not written from: a range of days said by its two ends in words; a day's stops with the verb said
/// once; a count of places after a list; a list going on after a pause and 还有那个; none said after 党员 with 还 or a particle;
/// 党员就他自己一个; a name right after a count noun's figure starting the next fact; a unit first named after a host's 说
/// beside a visit to another unit; a kind noun with 那边 referring to the unit named before it.
/// </summary>
public sealed class VoiceDayTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 17, 20, 0, 0, TimeSpan.FromHours(8)); // a Thursday
    private static readonly DateOnly Today = new(2026, 12, 17);

    /// <summary>Two units of the sender's street each (short name, ledger name) and the sender.</summary>
    public static readonly TheoryData<string, string, string, string, string> Pairs = new()
    {
        { "u_zhang", "金桥投资", "深圳市金桥投资发展有限公司", "手造咖啡", "深圳市坂田手造咖啡有限公司" },
        { "u_liu", "宏图贸易", "深圳市宏图贸易有限公司", "佳和餐饮", "深圳市佳和餐饮管理有限公司" },
        { "u_zhao", "智联物流", "深圳市智联物流有限公司", "恒信建筑", "深圳市恒信建筑工程有限公司" },
        { "u_sun", "书画家协会", "深圳市龙岗区书画家协会", "微光软件", "深圳市微光软件有限公司" },
    };

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user) =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    private static IEnumerable<string?> Visited(IReadOnlyList<UnderstoodAction> actions) =>
        actions.Where(a => a.Kind == ActionKind.Visit && a.Date == Today).Select(a => a.Organization);

    [Theory]
    [InlineData("从这个月一号到昨天", "2026-12-01", "2026-12-16")]
    [InlineData("上礼拜三到这礼拜二", "2026-12-09", "2026-12-15")]
    [InlineData("十一月二十号到月底", "2026-11-20", "2026-11-30")]
    [InlineData("上个月到现在", "2026-11-01", "2026-12-17")]
    [InlineData("12月3号一直到今天", "2026-12-03", "2026-12-17")]
    public void A_range_said_by_its_two_ends_in_words_is_that_range(string said, string from, string to)
    {
        var window = TimeWindow.Find($"{said}全区走访了多少家", Today);
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (window?.From, window?.To));
    }

    [Fact]
    public void A_range_asked_by_the_sender_names_the_sender_and_a_day_before_到过_stays_a_day()
    {
        var query = Assert.Single(Read("我十二月二号到八号跑了几家", "u_sun"), a => a.Kind == ActionKind.ProgressQuery);
        Assert.Equal(("孙磊", (DateOnly?)new DateOnly(2026, 12, 2), (DateOnly?)new DateOnly(2026, 12, 8)), (query.Person, query.From, query.To));
        Assert.Equal("孙磊", Assert.Single(Read("我到底走访了几家", "u_sun"), a => a.Kind == ActionKind.ProgressQuery).Person);
        Assert.Null(TimeWindow.Find("前天到过几家", Today)); // 到过 is a visit verb, no range
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_stop_after_a_stop_said_with_its_verb_is_a_visit_too(string user, string first, string firstName, string second, string secondName)
    {
        Assert.Equal(((string?[])[firstName, secondName]).Order(StringComparer.Ordinal), Visited(Read($"上午去了{first} 下午{second}那边", user)).Order(StringComparer.Ordinal));
        Assert.Equal(((string?[])[firstName, secondName]).Order(StringComparer.Ordinal), Visited(Read($"今天上午跑了一趟{first} 下午{second}", user)).Order(StringComparer.Ordinal));
        // Control: the second stop has a record verb of its own, so it is read by that verb, not as a visit.
        Assert.DoesNotContain(secondName, Visited(Read($"上午去了{first} 下午{second}成立了工会", user)));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_count_of_places_after_a_list_counts_the_list(string user, string first, string firstName, string second, string secondName)
    {
        Assert.Equal(((string?[])[firstName, secondName]).Order(StringComparer.Ordinal), Visited(Read($"今天{first} {second}俩地方都跑了一遍", user)).Order(StringComparer.Ordinal));
        Assert.Equal(((string?[])[firstName, secondName]).Order(StringComparer.Ordinal), Visited(Read($"今天{first}、{second}两家都去了", user)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_list_goes_on_after_a_pause_and_还有那个(string user, string first, string firstName, string second, string secondName)
    {
        var other = first == "宏图贸易" ? ("德润物业", "深圳市德润物业管理有限公司") : ("阳光社工", "深圳市龙岗区阳光社工服务中心");
        Assert.Equal(((string?[])[firstName, secondName, other.Item2]).Order(StringComparer.Ordinal), Visited(Read($"今天走了三家，{first}、{second}，还有那个{other.Item1}。", user)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void None_said_after_党员_with_还_or_a_particle_is_zero(string user, string first, string firstName, string second, string secondName)
    {
        _ = (second, secondName);
        foreach (var none in (string[])["党员还没有", "党员嘛还是没有", "现在党员都还没有"])
        {
            Assert.Contains(Read($"今天去了{first} {none}", user), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 0 } && a.Organization == firstName);
        }

        // Control: 还没有 followed by a verb is no figure ("党员还没有转过来").
        Assert.DoesNotContain(Read($"今天去了{first} 党员还没有转过来", user), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 0 });
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_one_member_said_by_who_it_is_is_one(string user, string first, string firstName, string second, string secondName)
    {
        _ = (second, secondName);
        foreach (var one in (string[])["党员就他自己一个", "党员就老板一个", "党员只有店长自己一个"])
        {
            Assert.Contains(Read($"今天去了{first} 二十个人 {one}", user), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 1 } && a.Organization == firstName);
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_name_after_a_count_nouns_figure_starts_the_next_fact(string user, string first, string firstName, string second, string secondName)
    {
        var read = Read($"{first}昨天去了职工三百二党员三个{second}今天去的党员一个都没有", user);
        Assert.Single(read, a => a.Kind == ActionKind.Visit && a.Organization == secondName);
        Assert.Contains(read, a => a is { Kind: ActionKind.Visit } && a.Organization == secondName && a.Date == Today);
        Assert.Contains(read, a => a is { Kind: ActionKind.OrgUpdate, Employees: 320, PartyMembers: 3 } && a.Organization == firstName);
        Assert.Contains(read, a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 0 } && a.Organization == secondName);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_unit_a_host_speaks_of_beside_a_visit_to_another_gets_no_figures(string user, string first, string firstName, string second, string secondName)
    {
        var read = Read($"{first}今天去了 老板说{second}那边已经有九个党员了 {first}自己还是两个", user);
        Assert.DoesNotContain(read, a => a.Kind == ActionKind.OrgUpdate && a.Organization == secondName);
        // Control: the visited unit's own figures, said by its host, are its facts.
        Assert.Contains(Read($"今天去了{first} 老板说他们现在四十个人 党员两个", user), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 2 } && a.Organization == firstName);
        // Control: with no visit to another unit, a unit named after 说 keeps its figures.
        Assert.Contains(Read($"社区书记说{second}现在有九个党员了", user), a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 9 } && a.Organization == secondName);
    }

    [Theory]
    [InlineData("u_liu", "诚信会计所", "会计所", "深圳市诚信会计师事务所")]
    [InlineData("u_liu", "启航外国语学校", "学校", "深圳市龙岗区启航外国语学校")]
    [InlineData("u_sun", "仁爱医院", "医院", "深圳市龙岗区仁爱医院")]
    [InlineData("u_zhang", "正衡律所", "律所", "广东正衡律师事务所")]
    public void A_kind_noun_with_那边_is_the_unit_named_before_it_that_holds_it(string user, string name, string kind, string ledgerName)
    {
        var other = user == "u_liu" ? "顺达快递" : user == "u_sun" ? "微光软件" : "金桥投资";
        var read = Read($"今天去了{other}和{name}。{other}就是常规回访。{kind}那边负责人说他们现在一共三十个人", user);
        Assert.Contains(read, a => a is { Kind: ActionKind.OrgUpdate, Employees: 30 } && a.Organization == ledgerName);
    }
}
