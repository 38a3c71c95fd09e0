using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Corrections inside a message, figures for listed organisations and scopes, reports and questions in one clause.</summary>
public sealed class CorrectionAndListTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)); // a Wednesday
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    [Theory]
    [InlineData("昨天去了青禾文化，不对，是前天", "2026-11-23")]
    [InlineData("前天去了青禾文化 哦不对 是大前天", "2026-11-22")]
    [InlineData("今天去了青禾文化 说错了 应该是上周五", "2026-11-20")]
    public void A_corrected_day_replaces_the_one_said_before(string text, string day)
    {
        var visit = Assert.Single(Understand(text).Actions);
        Assert.Equal(ActionKind.Visit, visit.Kind);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), visit.Date);
    }

    [Theory]
    [InlineData("蓝海电商职工60人，不对，是65人", 65, null)]
    [InlineData("蓝海电商职工60人，党员2名，更正一下，党员是3名", 60, 3)]
    [InlineData("蓝海电商职工六十人 写错了 是六十五人", 65, null)]
    public void A_corrected_figure_replaces_the_one_said_before(string text, int employees, int? members)
    {
        var update = Assert.Single(Understand(text).Actions);
        Assert.Equal(employees, update.Employees);
        Assert.Equal(members, update.PartyMembers);
    }

    [Fact]
    public void A_corrected_name_replaces_the_one_said_before()
    {
        var visit = Assert.Single(Understand("今天走访了云启科技 不对 是云启网络科技").Actions);
        Assert.Equal("深圳市云启网络科技有限公司", visit.Organization);
    }

    [Theory]
    [InlineData("刚才那条不对，撤销")]
    [InlineData("不对不对 刚才那个撤回")]
    public void A_correction_with_nothing_to_put_in_place_takes_the_last_record_back(string text) =>
        Assert.Equal(ActionKind.Undo, Assert.Single(Understand(text).Actions).Kind);

    [Fact]
    public void Figures_said_respectively_go_to_the_organisations_in_the_order_listed()
    {
        var result = Understand("云启科技和青禾文化的员工分别是180人和45人");

        Assert.Equal([180, 45], result.Actions.Select(a => a.Employees ?? -1));
        Assert.Equal(["深圳市云启科技有限公司", "深圳市青禾文化传媒有限公司"], result.Actions.Select(a => a.Organization));
    }

    [Fact]
    public void A_bare_count_after_another_organisation_s_members_counts_members()
    {
        var result = Understand("蓝海有党员2名，手造有1名");

        Assert.Equal([2, 1], result.Actions.Select(a => a.PartyMembers ?? -1));
        Assert.Equal("深圳市坂田手造咖啡有限公司", result.Actions[1].Organization);
    }

    [Fact]
    public void Each_scope_listed_gets_its_own_query()
    {
        var result = Understand("民治街道和大浪街道的覆盖率分别是多少", "u_wang");

        Assert.Equal(["民治街道", "大浪街道"], result.Actions.Select(a => a.Scope));
        Assert.All(result.Actions, a => Assert.Equal(ProgressMetric.Coverage, a.Metric));
    }

    [Theory]
    [InlineData("走访了云启科技覆盖率多少", ActionKind.ProgressQuery)]
    [InlineData("今天去了云启科技他们这种情况适合怎么组建", ActionKind.FormationAdvice)]
    [InlineData("今天去了云启科技能不能帮我查下它的台账", ActionKind.OrgLookup)]
    public void A_report_and_a_question_in_one_clause_give_both(string text, ActionKind asked)
    {
        var result = Understand(text);

        Assert.Equal([ActionKind.Visit, asked], result.Actions.Select(a => a.Kind));
        Assert.Equal("深圳市云启科技有限公司", result.Actions[0].Organization);
    }

    [Fact]
    public void A_question_with_a_report_verb_but_no_organisation_after_it_stays_a_question() =>
        Assert.Equal(ActionKind.ProgressQuery, Assert.Single(Understand("我这周走访了几家企业").Actions).Kind);

    [Fact]
    public void A_verb_before_的_describes_and_reports_nothing()
    {
        var result = Understand("我一对一帮扶的佳和餐饮今天成立了党支部，党员3名", "u_li");

        var formation = Assert.Single(result.Actions);
        Assert.Equal(ActionKind.Formation, formation.Kind);
        Assert.Equal(3, formation.Members);
    }

    [Fact]
    public void Members_described_before_的党员_are_counted_with_the_category_the_description_names()
    {
        var discovery = Assert.Single(Understand("微光软件发现1名没亮明身份的党员").Actions);

        Assert.Equal(1, discovery.Count);
        Assert.Equal(1, discovery.Categories!.Hidden);
    }

    [Theory]
    [InlineData("微光软件今天发现了3个党员，2个预备的", "probationary", 2)]
    [InlineData("微光软件今天发现1名党员 是刚招聘进来的", "hired", 1)]
    public void A_category_said_without_党员_breaks_the_count_down(string text, string category, int count)
    {
        var discovery = Assert.Single(Understand(text, "u_sun").Actions);

        Assert.Equal(category == "hired" ? 1 : 3, discovery.Count);
        Assert.Equal(count, category == "hired" ? discovery.Categories!.Hired : discovery.Categories!.Probationary);
    }

    [Fact]
    public void A_secretary_s_name_before_a_spoken_day_does_the_pairing()
    {
        var pairing = Assert.Single(Understand("李娜 今天 一对一帮扶 顺达快递", "u_liu").Actions);
        Assert.Equal("李娜", pairing.Secretary);
    }

    [Fact]
    public void A_name_that_fits_several_means_the_one_named_earlier_in_the_message()
    {
        var result = Understand("今天走访了云启科技和微光软件，云启有6名党员可以单独建支部吗");

        var advice = Assert.Single(result.Actions, a => a.Kind == ActionKind.FormationAdvice);
        Assert.Equal("深圳市云启科技有限公司", advice.Organization);
        Assert.Empty(result.Missing);
        Assert.Contains("organization", Understand("云启有6名党员可以单独建支部吗").Missing);
    }

    [Fact]
    public void After_a_change_verb_the_words_before_it_are_the_old_form()
    {
        var formation = Assert.Single(Understand("德润物业联合党支部今天调整为单独组建的党支部，党员3名", "u_liu").Actions);

        Assert.Equal(InstructorBot.Store.Domain.FormationMethod.Single, formation.Method);
        Assert.Equal(3, formation.Members);
    }
}
