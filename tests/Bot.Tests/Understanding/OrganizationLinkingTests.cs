using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Names against the fixture ledger (tests/data/ledger.csv).</summary>
public sealed class OrganizationLinkingTests
{
    private static readonly OrganizationIndex Index = new(FixtureLedger.Organizations(), Vocabulary.Default());

    private static OrganizationMention Only(string text) => Assert.Single(Index.FindMentions(TextNormalizer.Normalize(text)));

    [Theory]
    [InlineData("深圳市云启科技有限公司", "深圳市云启科技有限公司")]
    [InlineData("云启科技", "深圳市云启科技有限公司")]
    [InlineData("云启网络", "深圳市云启网络科技有限公司")]
    [InlineData("蓝海电商", "深圳市蓝海跨境电子商务有限公司")]
    [InlineData("蓝海跨境电商", "深圳市蓝海跨境电子商务有限公司")]
    [InlineData("优品超市", "深圳市优品连锁超市有限公司")]
    [InlineData("正衡律所", "广东正衡律师事务所")]
    [InlineData("诚信会计所", "深圳市诚信会计师事务所")]
    [InlineData("电商协会", "深圳市龙岗区电子商务协会")]
    [InlineData("手造咖啡", "深圳市坂田手造咖啡有限公司")]
    [InlineData("坂田手造咖啡", "深圳市坂田手造咖啡有限公司")]
    [InlineData("启航外国语学校", "深圳市龙岗区启航外国语学校")]
    [InlineData("美好时光家政", "深圳市美好时光家政服务有限公司")]
    [InlineData("91440307276944336P", "深圳市优品连锁超市有限公司")]
    public void Links_full_names_short_forms_abbreviations_and_credit_codes(string written, string ledgerName) =>
        Assert.Equal(ledgerName, Only(written).Organization?.Name);

    [Theory]
    [InlineData("华鼎", "深圳市华鼎精密制造有限公司", "深圳市华鼎物流有限公司")]
    [InlineData("云启", "深圳市云启科技有限公司", "深圳市云启网络科技有限公司")]
    public void A_name_that_fits_several_organisations_is_ambiguous_with_its_candidates(string written, string first, string second)
    {
        var mention = Only(written);
        Assert.True(mention.IsAmbiguous);
        Assert.Null(mention.ReportedName);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), mention.Candidates.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_full_name_the_ledger_lacks_comes_back_as_written()
    {
        var mention = Only("今天走访了深圳市新锐物流有限公司，职工60人");
        Assert.Null(mention.Organization);
        Assert.Equal("深圳市新锐物流有限公司", mention.ReportedName);
    }

    [Fact]
    public void A_generic_enterprise_is_no_organisation()
    {
        var mention = Only("今天走访了一家企业");
        Assert.True(mention.IsGeneric);
        Assert.Null(mention.ReportedName);
    }

    [Fact]
    public void The_understanding_reindexes_when_the_ledger_version_changes()
    {
        var version = 1L;
        IReadOnlyList<Organization> ledger = [new Organization { Id = 1, Name = "深圳市甲乙科技有限公司" }];
        var understanding = new MessageUnderstanding(() => version, () => ledger);
        var sender = new User { Id = "u", Name = "张伟" };
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal("深圳市甲乙科技有限公司", understanding.Understand("今天走访了甲乙科技", sender, now).Actions[0].Organization);
        ledger = [new Organization { Id = 2, Name = "深圳市丙丁物流有限公司" }];
        Assert.Equal("深圳市甲乙科技有限公司", understanding.Understand("今天走访了甲乙科技", sender, now).Actions[0].Organization);
        version = 2;
        Assert.Null(understanding.Understand("今天走访了甲乙科技", sender, now).Actions[0].OrganizationId);
        Assert.Equal(2, understanding.Understand("今天走访了丙丁物流", sender, now).Actions[0].OrganizationId);
    }

    [Fact]
    public void Preferring_the_senders_jurisdiction_resolves_a_name_ambiguous_only_across_jurisdictions()
    {
        var zhang = FixtureLedger.Users()["u_zhang"];
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(8));
        var strict = new MessageUnderstanding(FixtureLedger.Organizations());
        var local = new MessageUnderstanding(FixtureLedger.Organizations()) { PreferSenderJurisdiction = true };

        Assert.Null(strict.Understand("今天走访云启", zhang, now).Actions[0].Organization);
        Assert.Equal("深圳市云启科技有限公司", local.Understand("今天走访云启", zhang, now).Actions[0].Organization);
        Assert.Null(local.Understand("今天走访华鼎", zhang, now).Actions[0].Organization); // both 华鼎 are in 坂田街道
    }
}
