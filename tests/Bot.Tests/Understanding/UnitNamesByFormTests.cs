using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 19, branch r19-unames: which units a message names, read by the form of a name. Each class over names the branch
/// batch (tests/data/understanding-r19-unames.jsonl) and the development batches do not use: a name the ledger lacks ends
/// with a head noun of business names (<c>unit_head_nouns</c>: 面馆, 托育中心; a one-character head of
/// <c>unit_head_characters</c> only where its stretch ends: 聚贤阁) or an industry word (<c>unit_trade_words</c>: 汽配);
/// lists go on after 跟, 还有, a blank (voice input) and a pause before 还有; a head noun after a ledger unit's proper part
/// names another unit; generic places and nouns stay out and the bot asks, and so do a time or a place with 里 before a
/// kind (<c>unit_name_leading_rejects</c>: 同日学校) and a kind of ownership (外包公司, in <c>unit_name_rejects</c>).
/// </summary>
public sealed class UnitNamesByFormTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 17, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Names the ledger lacks, each ending with a head noun or industry word (none of them in the batches).</summary>
    public static readonly TheoryData<string> Names = new()
    {
        { "老李面馆" },
        { "聚贤阁" },
        { "春晖托育中心" },
        { "顺风汽配" },
        { "百草堂" },
        { "明记车行" },
    };

    private static UnderstandingResult Read(string text) => Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now);

    private static void Visited(string text, params string[] names)
    {
        var result = Read(text);
        var visits = result.Actions.Where(a => a.Kind == ActionKind.Visit).Select(a => a.Organization).ToList();
        Assert.Equal(names, visits);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_ending_with_a_head_noun_is_a_unit(string name)
    {
        Visited($"今天去了{name}，没有党员", name);
        Visited($"{name}今天走访了一趟", name);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Units_listed_after_gen_haiyou_or_a_blank_are_all_named(string name)
    {
        Visited($"今天走访了汇通汽车跟{name}", "深圳市汇通汽车服务有限公司", name);
        Visited($"上午去了汇通汽车、宏图贸易，还有{name}", "深圳市汇通汽车服务有限公司", "深圳市宏图贸易有限公司", name);
        Visited($"今天跑了 {name} 汇通汽车", name, "深圳市汇通汽车服务有限公司");
    }

    [Fact]
    public void A_one_character_head_ends_a_name_only_where_its_stretch_ends()
    {
        Visited("今天去了康乐健身馆，馆长说有2名党员", "康乐健身馆");
        var result = Read("今天去了聚贤阁吃饭");
        Assert.DoesNotContain(result.Actions, a => a.Organization is not null);
    }

    [Theory]
    [InlineData("今天去了写字楼，发现1名党员")]
    [InlineData("今天去了西坑社区，了解了一下情况")]
    [InlineData("今天去了厂里，员工50人")]
    [InlineData("今天又去了那边，老板说有2个党员")]
    public void Generic_places_and_nouns_are_no_units_and_the_bot_asks(string text)
    {
        var result = Read(text);
        Assert.All(result.Actions, a => Assert.Null(a.Organization));
        Assert.Equal(["organization"], result.Missing);
    }

    [Theory]
    [InlineData("今天走访了仁爱医院，当天医院成立了工会", "当天")]
    [InlineData("园区里好多小公司都没有党员，按规定该怎么建？", "园区里")]
    [InlineData("汇通汽车员工80人，保安是外资公司派来的不算", "外资")]
    public void A_time_a_place_with_li_or_a_kind_of_ownership_starts_no_name(string text, string word) =>
        Assert.DoesNotContain(Read(text).Actions, a => a.Organization?.Contains(word, StringComparison.Ordinal) == true);

    [Theory]
    [InlineData("今天去了星辰酒楼", "星辰酒楼")]
    [InlineData("今天去了仁爱读书会", "仁爱读书会")]
    public void A_head_noun_after_a_ledger_units_proper_part_names_another_unit(string text, string name) => Visited(text, name);

    [Theory]
    [InlineData("今天去了佳和餐厅", "深圳市佳和餐饮管理有限公司")]
    [InlineData("今天去了手造咖啡馆", "深圳市坂田手造咖啡有限公司")]
    public void A_kind_word_or_a_head_after_a_ledger_units_trade_words_keeps_the_unit(string text, string name) => Visited(text, name);

    [Fact]
    public void A_joint_formation_of_units_the_ledger_lacks_lists_them_all()
    {
        var result = Read("老李面馆和春晖托育中心今天联合成立了党支部，党员3名");
        var formation = Assert.Single(result.Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal("老李面馆", formation.Organization);
        Assert.Equal(["老李面馆", "春晖托育中心"], formation.Units);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        // 0.929 through the CLI after (first run on main's code 0.393); un19-08 and un19-14 miss: 万家福 holds 家 after a
        // numeral, which the count rejects (两家, 几家) need (docs/understanding.md, round 19, r19-unames).
        var score = UnderstandingScorer.EvaluateFile("understanding-r19-unames.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.92, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
