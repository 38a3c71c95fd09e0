using System.Text.Json;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using InstructorBot.Store.Postgres;

namespace InstructorBot.Store.Tests;

/// <summary>
/// Issue 16: <c>report</c> on PostgreSQL is computed in SQL (<see cref="PostgresFigures"/>) and must give LiteDB's
/// figures, name lists and order included, for the same ledger; the bulk import (binary COPY) must write what LiteDB's
/// row-by-row import writes.
/// </summary>
public sealed class PostgresFiguresTests
{
    private static string Json(object value) => JsonSerializer.Serialize(value);

    /// <summary>Every district, street and community of a generated ledger, and the whole ledger, on both engines.</summary>
    [Theory]
    [InlineData(1_500, 7)]
    [InlineData(6_000, 20261205)]
    public async Task The_sql_report_gives_the_figures_of_the_calculator_for_every_scope(int rows, int seed)
    {
        using var lite = TestStore.Empty(StoreEngineKind.LiteDb);
        using var postgres = TestStore.Empty(StoreEngineKind.Postgres);
        var ledger = lite.WriteFile("ledger.csv", GeneratedLedger.Csv(rows, seed, districts: 3));
        foreach (var test in new[] { lite, postgres })
        {
            var import = await test.Store.ImportLedgerAsync(ledger);
            Assert.True(import.Succeeded && import.Added == rows, import.Describe());

            // 群团组织 and instructors set by records, so work coverage is not only the ledger's column.
            await test.Store.RecordAsync("u_test", [.. test.Store.Organizations().Where(o => o.Id % 11 == 0)
                .Select(o => new WorkCoverage { OrganizationId = o.Id, Date = new DateOnly(2026, 12, 1), Measure = WorkCoverageMeasure.TradeUnion })]);
        }

        using var figures = PostgresFigures.Open(postgres.ConnectionString!);
        var organizations = lite.Store.Organizations();
        var scopes = organizations.Select(o => o.District)
            .Concat(organizations.Select(o => o.Street))
            .Concat(organizations.Select(o => o.Community))
            .Distinct()
            .ToArray();
        Assert.Equal(3 + 30 + 300, scopes.Length);
        var calculator = new CoverageCalculator();
        foreach (var name in scopes)
        {
            var expected = lite.Store.Coverage(name)!;
            var scope = figures.FindScope(name);
            Assert.Equal(lite.Store.FindScope(name), scope);
            Assert.Equal(Json(expected), Json(figures.Coverage(scope!.Name, scope.Jurisdiction)));
        }

        Assert.Equal(Json(lite.Store.Coverage(Jurisdiction.Everywhere)), Json(figures.Coverage("全部", Jurisdiction.Everywhere)));
        Assert.Contains(lite.Store.Coverage(Jurisdiction.Everywhere).UnformedRequired, name => name.EndsWith("律所", StringComparison.Ordinal));
        Assert.Null(figures.FindScope("南山区"));

        var district = new Jurisdiction("测试1区");
        foreach (var level in new[] { BreakdownLevel.Street, BreakdownLevel.Community })
        {
            var expected = new CoverageBreakdown(calculator).Compute(lite.Store.OrganizationsIn(district), level);
            Assert.Equal(Json(expected), Json(figures.Breakdown(district, level)));
        }
    }

    /// <summary>
    /// A generated ledger imported, then a second file: some rows changed, some unchanged, some new, one matched by name
    /// alone (no code): PostgreSQL's COPY import reports and stores exactly what LiteDB's does, and an unchanged file
    /// writes nothing on either (no audit entry, no organisation touched).
    /// </summary>
    [Fact]
    public async Task The_bulk_import_on_postgres_writes_what_litedb_writes()
    {
        using var lite = TestStore.Empty(StoreEngineKind.LiteDb);
        using var postgres = TestStore.Empty(StoreEngineKind.Postgres);
        const int rows = 3_000;
        var first = lite.WriteFile("first.csv", GeneratedLedger.Csv(rows, seed: 3));
        var lines = File.ReadAllLines(first).ToList();
        // Row 10 becomes a social organisation; row 20 loses its code (matched by name, the stored code kept) and becomes
        // 空壳; two new units, one without a code.
        lines[10] = lines[10].Replace(",非公企业,", ",社会组织,", StringComparison.Ordinal);
        var row20 = lines[20].Split(',');
        row20[2] = "";
        row20[^1] = "空壳";
        lines[20] = string.Join(',', row20);
        lines.Add($"{rows + 1},压测新单位甲有限公司,{GeneratedLedger.Code(rows + 1)},非公企业,制造业,测试1区,测试1区2街道,测试1区2街道3社区,,120,0,未建,,,出资人,正常");
        lines.Add($"{rows + 2},压测新单位乙有限公司,,非公企业,制造业,测试1区,测试1区2街道,测试1区2街道3社区,,10,4,未建,,,出资人,正常");
        var second = lite.WriteFile("second.csv", string.Join('\n', lines) + "\n");

        var reports = new List<string>();
        foreach (var test in new[] { lite, postgres })
        {
            var one = await test.Store.ImportLedgerAsync(first);
            var two = await test.Store.ImportLedgerAsync(second);
            var auditBefore = test.Store.AuditOf("system").Count;
            var versionBefore = test.Store.OrganizationsVersion;
            var three = await test.Store.ImportLedgerAsync(second);
            Assert.Equal(auditBefore, test.Store.AuditOf("system").Count);
            Assert.Equal(versionBefore, test.Store.OrganizationsVersion);
            reports.Add(Json(new[] { one, two, three }));

            // What the engine holds after a restart, not only the snapshot.
            test.Reopen();
        }

        Assert.Equal(reports[0], reports[1]);
        Assert.Contains("\"Added\":2,\"Updated\":", reports[0], StringComparison.Ordinal);
        static string Stored(InstructorStore store) =>
            Json(store.Organizations().OrderBy(o => o.Name, StringComparer.Ordinal).Select(o => o with { Id = 0, UpdatedAt = default }));
        Assert.Equal(Stored(lite.Store), Stored(postgres.Store));
        Assert.Equal(GeneratedLedger.Code(20), postgres.Store.FindOrganizationByName("压测单位20有限公司")!.CreditCode);
        Assert.Equal(OperatingStatus.Shell, postgres.Store.FindOrganizationByName("压测单位20有限公司")!.Status);
        Assert.Equal(rows + 2, postgres.Store.Organizations().Select(o => o.Id).Distinct().Count());
    }
}
