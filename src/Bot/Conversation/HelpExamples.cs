using System.Collections.Concurrent;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The examples "帮助" shows, made for the sender: their role, units inside their own jurisdiction from the ledger
/// (by a short name that understanding resolves to that unit alone), and only phrasings the help test sends through the
/// real pipeline. Cached per user and ledger names version (help is a frequent message).
/// </summary>
public sealed class HelpExamples(InstructorStore store, MessageUnderstanding understanding)
{
    private readonly ConcurrentDictionary<string, (long Version, IReadOnlyList<HelpExample> Examples)> cache = new(StringComparer.Ordinal);

    public IReadOnlyList<HelpExample> For(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var version = store.OrganizationNamesVersion;
        if (cache.TryGetValue(user.Id, out var known) && known.Version == version)
        {
            return known.Examples;
        }

        var examples = Make(user);
        cache[user.Id] = (version, examples);
        return examples;
    }

    private List<HelpExample> Make(User user)
    {
        var scope = user.Jurisdiction.Name ?? "龙岗区";
        var units = user.Role == UserRole.Admin ? store.Organizations() : store.OrganizationsIn(user.Jurisdiction);
        var normal = units.Where(o => o.Status == OperatingStatus.Normal).ToList();
        var unformed = normal.Where(o => !o.PartyOrganization.IsFormed).ToList();
        var first = unformed.FirstOrDefault() ?? normal.FirstOrDefault() ?? units.FirstOrDefault();
        var second = unformed.Skip(1).FirstOrDefault() ?? first;
        var withMembers = unformed.FirstOrDefault(o => o.PartyMembers >= 3);
        var a = first is null ? null : ShortName(first);
        var b = second is null ? null : ShortName(second);
        var examples = new List<HelpExample>();
        void Add(string what, string text) => examples.Add(new HelpExample(what, text));

        switch (user.Role)
        {
            case UserRole.Instructor:
                if (a is not null)
                {
                    Add("登记走访", $"今天走访了{a}");
                    Add("发现党员", $"昨天去{b}，发现2名党员，其中1名口袋党员");
                    Add("更正上一条", "不对，是3名");
                    if (withMembers is not null)
                    {
                        Add("组建", $"{ShortName(withMembers)}单独组建党支部，党员{withMembers.PartyMembers}名");
                    }

                    Add("工作覆盖", $"{b}成立了工会");
                    Add("更新信息", $"{a}现有职工{first!.Employees + 10}人");
                    Add("查单位", $"{a}怎么样了");
                }

                Add("问政策", "正式党员不足3人怎么办");
                break;
            case UserRole.Secretary:
                if (a is not null)
                {
                    Add("一对一帮扶", $"我来帮扶{a}组建党组织");
                    Add("问组建方式", $"{a}有6名党员，应该怎么组建？");
                    if (withMembers is not null)
                    {
                        Add("登记组建", $"{ShortName(withMembers)}单独组建党支部，党员{withMembers.PartyMembers}名");
                        Add("更正上一条", $"不对，是{withMembers.PartyMembers + 1}名");
                    }

                    Add("查单位", $"{a}怎么样了");
                }

                Add("问政策", "正式党员不足3人怎么办");
                break;
            case UserRole.Coordinator:
                Add("覆盖率", $"{scope}覆盖率多少？");
                Add("应建未建", $"{scope}应建未建名单");
                Add("最近组建", $"{scope}新建党组织情况");
                Add("最近走访", "最近走访情况");
                if (a is not null)
                {
                    Add("查单位", $"{a}怎么样了");
                }

                Add("导出台账", $"导出{scope}台账");
                Add("问政策", "哪些单位应当建立党组织");
                break;
            default:
                Add("覆盖率", "龙岗区覆盖率多少？");
                Add("应建未建", "坂田街道应建未建名单");
                Add("导出台账", "导出龙岗区台账");
                break;
        }

        if (user.Role != UserRole.Coordinator)
        {
            Add("查看最近的登记", "我最近的登记");
            Add("撤销上一次登记", "撤销");
        }

        return examples;
    }

    /// <summary>The shortest name of the index's own forms that understanding resolves to this unit alone (its core name, else the full name).</summary>
    private string ShortName(Organization organization)
    {
        foreach (var candidate in Candidates(organization.Name))
        {
            if (understanding.FindOrganizations(candidate) is [var only] && only == organization.Id)
            {
                return candidate;
            }
        }

        return organization.Name;
    }

    private static IEnumerable<string> Candidates(string name)
    {
        var core = name;
        foreach (var prefix in new[] { "深圳市", "广东" })
        {
            if (core.StartsWith(prefix, StringComparison.Ordinal))
            {
                core = core[prefix.Length..];
            }
        }

        foreach (var suffix in new[] { "有限公司", "有限责任公司" })
        {
            if (core.EndsWith(suffix, StringComparison.Ordinal))
            {
                core = core[..^suffix.Length];
            }
        }

        for (var length = Math.Min(4, core.Length); length <= core.Length; length++)
        {
            yield return core[..length];
        }
    }
}
