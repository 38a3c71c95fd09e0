using System.Globalization;
using System.Text;
using InstructorBot.Store.Import;

namespace InstructorBot.Store.Tests;

/// <summary>
/// A generated ledger of any size (also linked into bench/Benchmarks): districts of 10 streets × 10 communities,
/// valid credit codes, and every case the figures distinguish: the three formation kinds and none, 空壳/僵尸/注销 units out
/// of the base, enterprises and social organisations either side of the 30/50/100-staff thresholds, blank staff counts,
/// professional units by industry or by name (律所, 民办学校, a social 学校), units with and without an instructor.
/// </summary>
public static class GeneratedLedger
{
    public const string Header =
        "序号,单位名称,统一社会信用代码,单位类型,行业类别,所在区,所在街道,所在社区,园区楼宇,职工人数,党员人数,党组织状态,党组织类型,党建指导员,出资人（负责人）,经营状态";

    private static readonly string[] Statuses = ["未建", "未建", "未建", "单独组建", "联合组建", "功能型"];
    private static readonly string[] Industries = ["互联网", "制造业", "快递物流", "餐饮", "民办学校", "律师事务所", "行业协会", "学校", "医院", "会计师事务所"];
    private static readonly string[] Operating = ["正常", "正常", "正常", "正常", "正常", "正常", "正常", "空壳", "僵尸", "注销"];
    private static readonly int[] StaffNearThresholds = [0, 29, 30, 49, 50, 99, 100, 180, 600];

    /// <summary>The CSV text of <paramref name="rows"/> units (row i is 压测单位i有限公司 with code 91440300 + i), the same for the same seed.</summary>
    public static string Csv(int rows, int seed = 20261123, int districts = 10)
    {
        var random = new Random(seed);
        var text = new StringBuilder(rows * 170);
        text.Append(Header).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            var district = i % districts;
            var street = (i / districts) % 10;
            var community = (i / (districts * 10)) % 10;
            var status = Statuses[random.Next(Statuses.Length)];
            var social = i % 7 == 0;
            var staff = random.Next(4) == 0 ? "" : StaffNearThresholds[random.Next(StaffNearThresholds.Length)].ToString(CultureInfo.InvariantCulture);
            var members = random.Next(3) == 0 ? 0 : random.Next(0, 8);
            var name = i % 97 == 0 ? $"压测单位{i}律所" : $"压测单位{i}有限公司";
            text.Append(CultureInfo.InvariantCulture,
                $"{i},{name},{Code(i)},{(social ? "社会组织" : "非公企业")},{Industries[random.Next(Industries.Length)]},测试{district}区,测试{district}区{street}街道,测试{district}区{street}街道{community}社区,,{staff},{members},{status},{(status == "未建" ? "" : "党支部")},{(random.Next(3) == 0 ? "" : "指导员" + (i % 50))},出资人{i},{Operating[random.Next(Operating.Length)]}\n");
        }

        return text.ToString();
    }

    /// <summary>The valid 统一社会信用代码 of generated unit <paramref name="i"/>.</summary>
    public static string Code(int i)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"91440300{i:D9}");
        return body + CreditCode.CheckCharacter(body);
    }
}
