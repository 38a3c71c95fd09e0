using System.Globalization;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Test-only reader of tests/data/ledger.csv and users.csv (plain comma-separated, no quoting), until the store imports them.</summary>
internal static class FixtureLedger
{
    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static IReadOnlyList<Organization> Organizations() =>
    [
        .. File.ReadAllLines(DataFile("ledger.csv")).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split(',');
            return new Organization
            {
                Id = int.Parse(f[0], CultureInfo.InvariantCulture),
                SerialNumber = int.Parse(f[0], CultureInfo.InvariantCulture),
                Name = f[1],
                CreditCode = f[2],
                Type = f[3] == "社会组织" ? OrganizationType.SocialOrganization : OrganizationType.Enterprise,
                Industry = f[4],
                District = f[5],
                Street = f[6],
                Community = f[7],
                Park = f[8].Length > 0 ? f[8] : null,
                Employees = int.Parse(f[9], CultureInfo.InvariantCulture),
                PartyMembers = int.Parse(f[10], CultureInfo.InvariantCulture),
                Status = f[15] switch { "空壳" => OperatingStatus.Shell, "僵尸" => OperatingStatus.Zombie, "注销" => OperatingStatus.Deregistered, _ => OperatingStatus.Normal },
            };
        }),
    ];

    public static IReadOnlyDictionary<string, User> Users() =>
        File.ReadAllLines(DataFile("users.csv")).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split(',');
            return new User
            {
                Id = f[0],
                Name = f[1],
                Role = f[2] switch { "书记" => UserRole.Secretary, "协调员" => UserRole.Coordinator, "管理员" => UserRole.Admin, _ => UserRole.Instructor },
                Jurisdiction = Jurisdiction.Parse(f[3]),
            };
        }).ToDictionary(u => u.Id);
}
