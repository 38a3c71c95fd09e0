using System.Text;
using ClosedXML.Excel;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Import;

namespace InstructorBot.Store.Tests;

public sealed class LedgerImportTests
{
    private static string FixtureText => File.ReadAllText(TestStore.Data("ledger.csv"), Encoding.UTF8);

    private static string[] FixtureLines => FixtureText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Imports_every_fixture_row_with_its_columns(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        var report = await test.Store.ImportLedgerAsync(TestStore.Data("ledger.csv"));

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal((32, 0, 0), (report.Added, report.Updated, report.Unchanged));
        var xingchen = test.Reopen().FindOrganizationByCreditCode("914403076802881311")!;
        Assert.Equal("深圳市星辰半导体有限公司", xingchen.Name);
        Assert.Equal(10, xingchen.SerialNumber);
        Assert.Equal(OrganizationType.Enterprise, xingchen.Type);
        Assert.Equal(("龙岗区", "坂田街道", "岗头社区", "星河WORLD"), (xingchen.District, xingchen.Street, xingchen.Community, xingchen.Park));
        Assert.Equal((520, 63), (xingchen.Employees, xingchen.PartyMembers));
        Assert.Equal(PartyOrganizationKind.Single, xingchen.PartyOrganization.Kind);
        Assert.Equal(PartyOrganizationLevel.GeneralBranch, xingchen.PartyOrganization.Level);
        Assert.Equal(("张伟", "陈星辰"), (xingchen.Instructor, xingchen.Investor));
        var shell = test.Store.FindOrganizationByName("深圳市金桥投资发展有限公司")!;
        Assert.Equal(OperatingStatus.Shell, shell.Status);
        Assert.Equal(OrganizationType.SocialOrganization, test.Store.FindOrganizationByName("广东正衡律师事务所")!.Type);
        Assert.Equal(PartyOrganizationKind.Functional, test.Store.FindOrganizationByName("深圳市龙岗区书画家协会")!.PartyOrganization.Kind);
        Assert.Null(test.Store.FindOrganizationByName("深圳市蓝海跨境电子商务有限公司")!.Instructor);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Importing_the_same_ledger_twice_changes_nothing_and_writes_no_audit(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        await test.Store.ImportLedgerAsync(TestStore.Data("ledger.csv"));
        var before = test.Store.Organizations();
        var version = test.Store.OrganizationsVersion;
        var audits = test.Store.AuditOf("system").Count;

        var again = await test.Store.ImportLedgerAsync(TestStore.Data("ledger.csv"));

        Assert.Equal((0, 0, 32), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(version, test.Store.OrganizationsVersion);
        Assert.Equal(audits, test.Store.AuditOf("system").Count);
        Assert.Equal(before.Select(o => (o.Id, o.UpdatedAt)), test.Reopen().Organizations().Select(o => (o.Id, o.UpdatedAt)));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_gb18030_copy_of_the_ledger_imports_exactly_like_the_utf8_one(StoreEngineKind engine)
    {
        using var utf8 = TestStore.Empty(engine);
        using var gb = TestStore.Empty(engine);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbFile = gb.WriteFile("ledger-gb18030.csv", FixtureText, Encoding.GetEncoding("GB18030"));
        Assert.NotEqual(File.ReadAllBytes(TestStore.Data("ledger.csv")), File.ReadAllBytes(gbFile));
        var bomFile = utf8.WriteFile("ledger-bom.csv", FixtureText, new UTF8Encoding(true));

        Assert.True((await utf8.Store.ImportLedgerAsync(bomFile)).Succeeded);
        var report = await gb.Store.ImportLedgerAsync(gbFile);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(Comparable(utf8.Store), Comparable(gb.Store));
        Assert.Contains(gb.Store.Organizations(), o => o.Name == "深圳市龙岗区启航外国语学校" && o.Community == "德兴社区");
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task A_ledger_with_a_bad_credit_code_and_a_non_numeric_count_is_refused_whole_naming_each_line(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        var lines = FixtureLines;
        lines[3] = lines[3].Replace("91440307871784189R", "91440307871784189A", StringComparison.Ordinal); // Excel line 4
        lines[6] = lines[6].Replace(",150,4,", ",一百五,4,", StringComparison.Ordinal);                    // Excel line 7
        lines[9] = lines[9].Replace(",130,0,", ",130多,0,", StringComparison.Ordinal);                      // Excel line 10
        var file = test.WriteFile("bad.csv", string.Join("\r\n", lines));

        var report = await test.Store.ImportLedgerAsync(file);

        Assert.False(report.Succeeded);
        Assert.Equal(3, report.Errors.Count);
        Assert.StartsWith("第4行 统一社会信用代码：校验位错误", report.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Equal((7, "职工人数"), (report.Errors[1].Line, report.Errors[1].Column));
        Assert.Contains("不是数字", report.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal((10, "职工人数"), (report.Errors[2].Line, report.Errors[2].Column));
        Assert.Contains("约数", report.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("第4行", report.Describe(), StringComparison.Ordinal);
        Assert.Empty(test.Reopen().Organizations());
        Assert.Empty(test.Store.AuditOf("system"));
    }

    [Theory]
    [InlineData("单位类型", "非公企业", "国有企业", "单位类型")]
    [InlineData("党组织状态", "未建", "已建", "党组织状态")]
    [InlineData("经营状态", "正常", "良好", "经营状态")]
    [InlineData("党员人数", "6", "-1", "党员人数")]
    public async Task Unknown_values_are_refused_with_the_column_named(string header, string good, string bad, string column)
    {
        using var test = TestStore.Empty();
        var lines = FixtureLines;
        var index = lines[0].Split(',').ToList().IndexOf(header);
        var cells = lines[1].Split(',');
        Assert.Equal(good, cells[index]);
        cells[index] = bad;
        lines[1] = string.Join(',', cells);

        var report = await test.Store.ImportLedgerAsync(test.WriteFile("bad.csv", string.Join('\n', lines)));

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, column), (error.Line, error.Column));
        Assert.Contains(bad, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Header_variants_quoted_fields_and_updates_by_code_then_by_name_never_duplicate(StoreEngineKind engine)
    {
        using var test = await TestStore.WithFixtureAsync(engine);
        var file = test.WriteFile("variants.csv", string.Join("\r\n",
            "企业名称,信用代码,单位类型,区,街道,社区,从业人员（人）,党员数,党组织状态,指导员,经营状态",
            "深圳市云启科技有限公司,914403075713012299,非公企业,龙岗区,坂田街道,五和社区,190,7,未建,张伟,正常",
            "深圳市坂田手造咖啡有限公司,,非公企业,龙岗区,坂田街道,杨美社区,15,0,未建,,正常",
            "\"深圳市新来的科技有限公司\",,非公企业,龙岗区,坂田街道,\"五和社区\",\"1,200\",2,未建,,正常"));

        var report = await test.Store.ImportLedgerAsync(file);

        Assert.False(report.Succeeded);
        Assert.Equal((4, "职工人数"), (report.Errors[0].Line, report.Errors[0].Column));

        File.WriteAllText(file, File.ReadAllText(file).Replace("\"1,200\"", "\"1200\"", StringComparison.Ordinal));
        report = await test.Store.ImportLedgerAsync(file);
        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal((1, 2, 0), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal(33, test.Store.Organizations().Count);
        var yunqi = test.Store.FindOrganizationByCreditCode("914403075713012299")!;
        Assert.Equal((190, 7), (yunqi.Employees, yunqi.PartyMembers));
        Assert.Equal("郑云飞", yunqi.Investor); // a column the file lacks keeps its value
        Assert.Equal(15, test.Store.FindOrganizationByName("深圳市坂田手造咖啡有限公司")!.Employees);
        Assert.Equal(1200, test.Store.FindOrganizationByName("深圳市新来的科技有限公司")!.Employees);
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task An_xlsx_ledger_imports_like_the_csv(StoreEngineKind engine)
    {
        using var csv = TestStore.Empty(engine);
        using var xlsx = TestStore.Empty(engine);
        await csv.Store.ImportLedgerAsync(TestStore.Data("ledger.csv"));
        var workbookPath = Path.Combine(xlsx.Folder, "ledger.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("台账");
            var lines = FixtureLines;
            for (var r = 0; r < lines.Length; r++)
            {
                var cells = lines[r].Split(',');
                for (var c = 0; c < cells.Length; c++)
                {
                    var cell = sheet.Cell(r + 1, c + 1);
                    if (r > 0 && (c == 0 || c == 9 || c == 10))
                    {
                        cell.Value = double.Parse(cells[c], System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        cell.SetValue(cells[c]);
                    }
                }
            }

            workbook.SaveAs(workbookPath);
        }

        var report = await xlsx.Store.ImportLedgerAsync(workbookPath);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(Comparable(csv.Store), Comparable(xlsx.Store));
    }

    [Theory]
    [MemberData(nameof(StoreEngines.All), MemberType = typeof(StoreEngines))]
    public async Task Users_import_with_roles_and_jurisdictions_and_refuses_unknown_roles(StoreEngineKind engine)
    {
        using var test = TestStore.Empty(engine);
        var report = await test.Store.ImportUsersAsync(TestStore.Data("users.csv"));
        Assert.Equal(8, report.Added);
        var li = test.Store.FindUser("u_li")!;
        Assert.Equal((UserRole.Secretary, "李娜"), (li.Role, li.Name));
        Assert.Equal(new Jurisdiction("龙岗区", "布吉街道", "罗岗社区"), li.Jurisdiction);
        Assert.Equal(Jurisdiction.Everywhere, test.Store.FindUser("u_admin")!.Jurisdiction);
        Assert.Equal(8, (await test.Store.ImportUsersAsync(TestStore.Data("users.csv"))).Unchanged);

        var bad = test.WriteFile("users-bad.csv", "用户ID,姓名,角色,辖区\nu_x,某人,队长,龙岗区\nu_y,某某,指导员,\n");
        var refused = await test.Store.ImportUsersAsync(bad);
        Assert.Equal([(2, "角色"), (3, "辖区")], refused.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal(8, test.Store.Users().Count);
    }

    [Theory]
    [InlineData("914403075713012299", true)]
    [InlineData("91440307871784189R", true)]
    [InlineData("91440307871784189A", false)]
    [InlineData("9144030787178418", false)]
    [InlineData("91440307871784I89R", false)]
    public void Credit_codes_are_checked_per_gb_32100(string code, bool valid) =>
        Assert.Equal(valid, CreditCode.Problem(CreditCode.Normalize(code)) is null);

    private static string[] Comparable(InstructorStore store) =>
        store.Organizations().Select(o => (o with { UpdatedAt = default, MassOrganizations = [] }).ToString()).ToArray();
}
