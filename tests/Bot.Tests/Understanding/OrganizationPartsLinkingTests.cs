using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A ledger unit named by the parts of its name (<see cref="OrganizationLinker"/>): the proper part kept whole, trade words
/// dropped or shortened, a kind or legal form said or not, a pointer between. Generated over the fixture ledger's units
/// except those the branch batch (understanding-r13-ulink.jsonl) and the development cases were written from.
/// </summary>
public sealed class OrganizationPartsLinkingTests
{
    // Proper parts of the units the batch and the development cases name: the generated cases leave them out.
    private static readonly string[] WrittenFrom = ["德润", "蓝海", "佳和", "诚信", "汇通", "明税", "云启", "正衡", "优品", "金桥", "恒信",
        "瑞康", "鹏城", "顺达", "华鼎", "阳光", "星辰"];

    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());

    private static OrganizationMention? Named(string text) =>
        Understanding.Index.FindMentions(TextNormalizer.Normalize(text)).FirstOrDefault(m => !m.IsGeneric);

    /// <summary>Each held-out enterprise as (ledger name, proper part, its trade words).</summary>
    public static TheoryData<string, string, string> Enterprises()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var org in FixtureLedger.Organizations().Where(o => o.Name.EndsWith("有限公司", StringComparison.Ordinal)))
        {
            var core = org.Name["深圳市".Length..^"有限公司".Length];
            var proper = ProperPartOf(core);
            if (!WrittenFrom.Any(w => core.StartsWith(w, StringComparison.Ordinal)) && !core.StartsWith("坂田", StringComparison.Ordinal))
            {
                data.Add(org.Name, proper, core[proper.Length..]);
            }
        }

        return data;
    }

    // The name without its trailing trade words of the vocabulary (美好时光 of 美好时光家政服务).
    private static string ProperPartOf(string core)
    {
        var words = Vocabulary.Default().GenericWords.OrderByDescending(w => w.Length).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var word in words.Where(w => core.Length > w.Length + 1 && core.EndsWith(w, StringComparison.Ordinal)))
            {
                core = core[..^word.Length];
                changed = true;
                break;
            }
        }

        return core;
    }

    [Theory]
    [MemberData(nameof(Enterprises))]
    public void An_enterprise_named_by_its_proper_part_a_trade_word_and_a_legal_form_is_linked(string ledgerName, string proper, string trade)
    {
        var lastWord = trade.Length > 2 ? trade[^2..] : trade;
        foreach (var written in new[] { $"{proper}{lastWord}公司", $"深圳{proper}{trade}公司", $"{proper}那家公司", $"那家{proper}{lastWord}公司" })
        {
            Assert.True(Named($"今天走访了{written}，职工50人")?.Organization?.Name == ledgerName, $"{written} → {Named($"今天走访了{written}，职工50人")?.ReportedName}");
        }
    }

    [Theory]
    [MemberData(nameof(Enterprises))]
    public void A_trade_word_the_unit_lacks_names_another_unit(string ledgerName, string proper, string trade)
    {
        var other = trade.Contains("物流", StringComparison.Ordinal) ? "餐饮" : "物流";
        var mention = Named($"今天走访了{proper}{other}，发现1名党员");
        Assert.True(mention?.Organization?.Name != ledgerName, $"{proper}{other} was linked to {ledgerName}");
    }

    [Theory]
    [InlineData("华鼎公司", "深圳市华鼎精密制造有限公司", "深圳市华鼎物流有限公司")]
    [InlineData("云启那家公司", "深圳市云启科技有限公司", "深圳市云启网络科技有限公司")]
    public void A_proper_part_that_several_units_share_with_no_trade_word_is_ambiguous(string written, string first, string second)
    {
        var mention = Named($"{written}今天去了");
        Assert.NotNull(mention);
        Assert.True(mention.IsAmbiguous, $"{written} → {mention.ReportedName}");
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), mention.Candidates.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("云启科技公司", "深圳市云启科技有限公司")]
    [InlineData("云启网科", "深圳市云启网络科技有限公司")]
    [InlineData("华鼎精密公司", "深圳市华鼎精密制造有限公司")]
    [InlineData("华鼎那个物流公司", "深圳市华鼎物流有限公司")]
    [InlineData("书画那个协会", "深圳市龙岗区书画家协会")]
    [InlineData("明德学校", "深圳市龙华区明德实验学校")]
    public void The_unit_whose_trade_words_were_said_wins_among_those_sharing_the_proper_part(string written, string ledgerName) =>
        Assert.Equal(ledgerName, Named($"今天去了{written}，党员两个")?.Organization?.Name);

    [Theory]
    [InlineData("今天去了坂田那家物流公司 发现两个党员")]
    [InlineData("横岗那边一家建筑公司今天去了")]
    [InlineData("物流那个协会今天去了")]
    public void No_proper_part_links_no_unit(string text) =>
        Assert.DoesNotContain(Understanding.Index.FindMentions(TextNormalizer.Normalize(text)), m => m.Organization is not null);

    [Fact]
    public void A_verb_after_a_proper_part_is_no_trade_word()
    {
        // "星辰发展了一名党员": 发展 is a trade word of the vocabulary, here the verb; the unit is still 星辰半导体.
        Assert.Equal("深圳市星辰半导体有限公司", Named("星辰发展了一名党员")?.Organization?.Name);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r13-ulink.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.9, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
