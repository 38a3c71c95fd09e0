using InstructorBot.Store.Figures;

namespace InstructorBot.Store.Tests;

/// <summary>各街道对比: the district's figures per street, against the hand counts of tests/data/ledger.csv.</summary>
public sealed class CoverageBreakdownTests
{
    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_district_broken_down_by_street_ranks_the_streets_by_coverage_rate_with_their_hand_counted_figures(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var district = test.Store.FindScope("龙岗区")!;

        var rows = new CoverageBreakdown(new CoverageCalculator()).Compute(test.Store.OrganizationsIn(district.Jurisdiction), BreakdownLevel.Street);

        // Hand counts (CoverageFigureTests): 龙城 3/6, 布吉 2/6, 横岗 1/4, 坂田 2/10.
        Assert.Equal(["龙城街道", "布吉街道", "横岗街道", "坂田街道"], rows.Select(r => r.Scope));
        Assert.Equal([(6, 3), (6, 2), (4, 1), (10, 2)], rows.Select(r => (r.Base, r.Covered)));
        Assert.Equal(["广东正衡律师事务所", "深圳市云启科技有限公司", "深圳市优品连锁超市有限公司"],
            rows.Single(r => r.Scope == "坂田街道").UnformedRequired);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_rows_of_a_breakdown_add_up_to_the_scope_s_own_figures(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var organizations = test.Store.Organizations();
        var calculator = new CoverageCalculator();
        var whole = calculator.Compute("全部", organizations);

        foreach (var level in Enum.GetValues<BreakdownLevel>())
        {
            var rows = new CoverageBreakdown(calculator).Compute(organizations, level);
            Assert.Equal(whole.Base, rows.Sum(r => r.Base));
            Assert.Equal(whole.Covered, rows.Sum(r => r.Covered));
            Assert.Equal(whole.UnformedRequired.Count, rows.Sum(r => r.UnformedRequired.Count));
            Assert.Equal(rows.Count, rows.Select(r => r.Scope).Distinct().Count());
        }
    }
}
