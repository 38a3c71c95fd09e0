using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;

namespace InstructorBot.Store.Tests;

/// <summary>Every figure of DOMAIN.md §Figures, computed by hand from tests/data/ledger.csv.</summary>
public sealed class CoverageFigureTests
{
    private static readonly DateOnly Today = new(2026, 11, 17);

    public static TheoryData<string, ScopeLevel, int, int, int, int, int, int, string[], string[]> Scopes => new()
    {
        // scope, level, base, covered, single, joint, functional, work_covered, unformed_required, members_required
        { "坂田街道", ScopeLevel.Street, 10, 2, 2, 0, 0, 6,
            ["广东正衡律师事务所", "深圳市云启科技有限公司", "深圳市优品连锁超市有限公司"], ["深圳市蓝海跨境电子商务有限公司"] },
        { "布吉街道", ScopeLevel.Street, 6, 2, 1, 1, 0, 6, ["深圳市龙岗区阳光社工服务中心"], [] },
        { "横岗街道", ScopeLevel.Street, 4, 1, 1, 0, 0, 2, ["深圳市智联物流有限公司"], ["深圳市智联物流有限公司", "深圳市汇通汽车服务有限公司"] },
        { "龙城街道", ScopeLevel.Street, 6, 3, 1, 1, 1, 6, ["深圳市龙岗区仁爱医院"], [] },
        { "龙岗区", ScopeLevel.District, 26, 8, 5, 2, 1, 20,
            ["广东正衡律师事务所", "深圳市云启科技有限公司", "深圳市优品连锁超市有限公司", "深圳市智联物流有限公司", "深圳市龙岗区仁爱医院", "深圳市龙岗区阳光社工服务中心"],
            ["深圳市智联物流有限公司", "深圳市汇通汽车服务有限公司", "深圳市蓝海跨境电子商务有限公司"] },
        { "龙华区", ScopeLevel.District, 4, 1, 1, 0, 0, 3, ["深圳市安捷电子有限公司"], [] },
        { "五和社区", ScopeLevel.Community, 3, 0, 0, 0, 0, 2, ["广东正衡律师事务所", "深圳市云启科技有限公司"], ["深圳市蓝海跨境电子商务有限公司"] },
        { "杨美社区", ScopeLevel.Community, 3, 0, 0, 0, 0, 1, [], [] },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public async Task Every_figure_of_a_scope_matches_the_hand_count(
        string scope, ScopeLevel level, int total, int covered, int single, int joint, int functional, int workCovered,
        string[] unformed, string[] membersRequired)
    {
        using var test = await TestStore.WithFixtureAsync();
        var match = test.Store.FindScope(scope)!;
        Assert.Equal(level, match.Level);

        var report = new CoverageCalculator().Compute(match.Name, test.Store.OrganizationsIn(match.Jurisdiction));

        Assert.Equal(scope, report.Scope);
        Assert.Equal((total, covered, single, joint, functional, workCovered),
            (report.Base, report.Covered, report.Single, report.Joint, report.Functional, report.WorkCovered));
        Assert.Equal((double)covered / total, report.CoverageRate);
        Assert.Equal((double)single / total, report.SingleRate);
        Assert.Equal((double)workCovered / total, report.WorkCoverageRate);
        Assert.Equal(unformed, report.UnformedRequired);
        Assert.Equal(membersRequired, report.MembersRequired);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_bantian_report_serialises_to_the_cli_contract_example(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var match = test.Store.FindScope("坂田街道")!;
        var report = new CoverageCalculator().Compute(match.Name, test.Store.OrganizationsIn(match.Jurisdiction));

        // The same options as the CLI's CliContext.Json.
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        const string Example = """
            {"scope": "坂田街道", "base": 10, "covered": 2, "single": 2, "joint": 0, "functional": 0,
             "work_covered": 6, "coverage_rate": 0.2, "single_rate": 0.2, "work_coverage_rate": 0.6,
             "unformed_required": ["广东正衡律师事务所", "深圳市云启科技有限公司", "深圳市优品连锁超市有限公司"],
             "members_required": ["深圳市蓝海跨境电子商务有限公司"]}
            """;
        var expected = JsonSerializer.Serialize(JsonDocument.Parse(Example).RootElement, options);
        Assert.Equal(expected, JsonSerializer.Serialize(report, options));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_store_gives_the_figures_for_a_scope_name_or_a_users_jurisdiction(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        Assert.Equal((6, 2, 6), test.Store.Coverage("布吉街道") is { } b ? (b.Base, b.Covered, b.WorkCovered) : default);
        Assert.Null(test.Store.Coverage("南山区"));
        var mine = test.Store.Coverage(test.Store.FindUser("u_li")!.Jurisdiction);
        Assert.Equal(("罗岗社区", 4, 1), (mine.Scope, mine.Base, mine.Covered));
        Assert.Equal(30, test.Store.Coverage(Jurisdiction.Everywhere).Base);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task The_text_summary_shows_each_rate_with_its_formula(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var report = new CoverageCalculator().Compute("龙岗区", test.Store.OrganizationsIn(new Jurisdiction("龙岗区")));
        var text = CoverageText.Describe(report);
        Assert.Contains("覆盖率 30.8%（8/26）", text, StringComparison.Ordinal);
        Assert.Contains("单独组建率 19.2%（5/26）", text, StringComparison.Ordinal);
        Assert.Contains("工作覆盖率 76.9%（20/26）", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Scopes_resolve_by_name_path_or_name_without_suffix_and_unknown_names_are_null(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        Assert.Equal(new Jurisdiction("龙岗区", "坂田街道"), test.Store.FindScope("坂田")!.Jurisdiction);
        Assert.Equal(new Jurisdiction("龙华区", "民治街道", "白石龙社区"), test.Store.FindScope("白石龙社区")!.Jurisdiction);
        Assert.Equal(ScopeLevel.Street, test.Store.FindScope("龙岗区/布吉街道")!.Level);
        Assert.Null(test.Store.FindScope("南山区"));
        Assert.Null(test.Store.FindScope(""));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Recorded_formations_and_status_changes_move_the_figures(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var store = test.Store;
        int Id(string name) => store.FindOrganizationByName(name)!.Id;
        await store.RecordAsync("u_zhang", [
            new Formation { OrganizationId = Id("深圳市云启科技有限公司"), Date = Today, Method = FormationMethod.Single },
            new Formation
            {
                OrganizationId = Id("深圳市青禾文化传媒有限公司"), Date = Today, Method = FormationMethod.Joint,
                UnitIds = [Id("深圳市华鼎物流有限公司"), Id("深圳市坂田手造咖啡有限公司")],
            },
            new OrganizationUpdate { OrganizationId = Id("深圳市蓝海跨境电子商务有限公司"), Date = Today, Status = OperatingStatus.Deregistered },
            new WorkCoverage { OrganizationId = Id("深圳市明税税务师事务所有限公司"), Date = Today, Measure = WorkCoverageMeasure.YouthLeague },
        ]);

        var report = new CoverageCalculator().Compute("坂田街道", store.OrganizationsIn(new Jurisdiction("龙岗区", "坂田街道")));

        Assert.Equal((9, 6, 3, 3, 0, 9), (report.Base, report.Covered, report.Single, report.Joint, report.Functional, report.WorkCovered));
        Assert.Equal(["广东正衡律师事务所", "深圳市优品连锁超市有限公司"], report.UnformedRequired);
        Assert.Empty(report.MembersRequired);
    }
}
