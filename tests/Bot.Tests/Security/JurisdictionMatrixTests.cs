using System.Text.RegularExpressions;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, finding 4 and "done when": a role × jurisdiction matrix over every plugin function and every channel. Each
/// fixture user (tests/data/users.csv) names, through each channel's identity in turn, every ledger organisation
/// (tests/data/ledger.csv) and every street and district, once per function. For what lies outside their jurisdiction
/// the reply holds no fact of it (its full name or credit code, any other outside unit's name, any figure) and nothing
/// is written; inside, the same messages do answer (so the matrix is not empty talk).
/// </summary>
public sealed partial class JurisdictionMatrixTests : IDisposable
{
    /// <summary>One message per plugin function that reads or writes a unit; {0} is the unit's short name.</summary>
    private static readonly string[] UnitMessages =
    [
        "查一下{0}的情况",                          // progress.organization_card
        "{0}适合采用什么方式组建党组织？",           // knowledge.advise_formation (ledger facts)
        "今天走访了{0}",                            // reporting.record_visit
        "今天在{0}发现2名党员",                      // reporting.record_member_discovery
        "{0}今天成立了党支部",                       // reporting.record_formation
        "今天给{0}选派了党建指导员",                 // reporting.record_work_coverage
        "{0}现在有职工300人",                        // reporting.update_organization
    ];

    /// <summary>One message per plugin function that reads a scope; {0} is a street or district.</summary>
    private static readonly string[] ScopeMessages =
    [
        "{0}现在的党组织覆盖率是多少",               // progress.coverage_report
        "{0}还有哪些单位应建未建",                   // progress.unformed_list
        "{0}最近的走访记录",                         // progress.visits
        "{0}本月新建了几个党组织",                   // progress.formations
        "{0}的台账导出来发给我",                     // progress.export_ledger
        "{0}各社区的覆盖率排名",                     // progress.coverage_breakdown
    ];

    private static readonly string[] Channels = ["web", "terminal", "botframework", "wecom", "dingtalk", "feishu"];

    private readonly BotHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task No_reply_on_any_channel_holds_a_fact_of_another_jurisdiction_and_nothing_is_written_outside()
    {
        var pipeline = host.Services.GetRequiredService<ITurnPipeline>();
        var bindings = host.Services.GetRequiredService<ChannelBindings>();
        var users = host.Store.Users().Where(u => u.Jurisdiction.Name is not null).ToList();
        foreach (var user in users)
        {
            foreach (var channel in Channels.Where(ChannelBindings.BindableChannels.Contains))
            {
                await bindings.BindAsync(user.Id, channel, $"{channel}-{user.Id}", CancellationToken.None);
            }
        }

        var organizations = host.Store.Organizations();
        var ledger = host.LedgerSnapshot;
        var records = host.RecordCount;
        var leaks = new List<string>();
        var insideAnswers = 0;
        var n = 0;
        foreach (var user in users)
        {
            var outside = organizations.Where(o => Permissions.RefuseRead(user, o) is not null).ToList();
            foreach (var organization in organizations)
            {
                var isOutside = outside.Contains(organization);
                foreach (var template in UnitMessages)
                {
                    var reply = await SayAsync(pipeline, user, Channels[n++ % Channels.Length], string.Format(template, ShortName(organization)));
                    if (isOutside)
                    {
                        leaks.AddRange(Leaks(user, reply, outside, figuresAllowed: false).Select(l => $"{user.Id} «{string.Format(template, ShortName(organization))}»: {l}"));
                    }
                    else if (reply.Contains(organization.Name, StringComparison.Ordinal))
                    {
                        insideAnswers++;
                        leaks.AddRange(Leaks(user, reply, outside, figuresAllowed: true).Select(l => $"{user.Id} «{string.Format(template, ShortName(organization))}»: {l}"));
                    }
                }
            }

            foreach (var scope in Scopes(organizations))
            {
                var readable = Permissions.MayRead(user, scope.Jurisdiction);
                foreach (var template in ScopeMessages)
                {
                    var reply = await SayAsync(pipeline, user, Channels[n++ % Channels.Length], string.Format(template, scope.Name));
                    leaks.AddRange(Leaks(user, reply, outside, figuresAllowed: readable).Select(l => $"{user.Id} «{string.Format(template, scope.Name)}»: {l}"));
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(30)));
        Assert.True(insideAnswers > users.Count * 20, $"only {insideAnswers} answers named a unit inside the sender's jurisdiction");
        var outsideWrites = host.Store.Users().SelectMany(u => host.Store.RecordsBy(u.Id).Select(r => (u, r)))
            .Count(x => host.Store.FindOrganization(x.r.OrganizationId) is { } o && Permissions.RefuseWrite(x.u, o) is not null);
        Assert.Equal(0, outsideWrites);
        Assert.True(host.RecordCount > records, "the inside writes of the matrix were recorded");
        Assert.NotEqual(ledger, host.LedgerSnapshot);
    }

    private async Task<string> SayAsync(ITurnPipeline pipeline, User user, string channel, string text)
    {
        var sender = channel is "web" or "terminal" ? user.Id : $"{channel}-{user.Id}";
        var result = await pipeline.HandleAsync(
            new IncomingMessage(channel, sender, $"{channel}:{sender}", Guid.NewGuid().ToString("N"), text, DateTimeOffset.UtcNow),
            CancellationToken.None);

        // A question left pending would swallow the next message as its answer.
        if (result.Replies.Any(r => r.Text.Contains("取消", StringComparison.Ordinal)))
        {
            await pipeline.HandleAsync(
                new IncomingMessage(channel, sender, $"{channel}:{sender}", Guid.NewGuid().ToString("N"), "取消", DateTimeOffset.UtcNow),
                CancellationToken.None);
        }

        return string.Join("\n", result.Replies.Select(r => r.Text + " " + string.Join(" ", r.QuickReplies?.Select(q => q.Title) ?? [])
            + " " + r.Attachment?.Name));
    }

    /// <summary>Facts of another jurisdiction in a reply: outside names and credit codes; with no figures allowed, any number.</summary>
    private static IEnumerable<string> Leaks(User user, string reply, IReadOnlyList<Organization> outside, bool figuresAllowed)
    {
        foreach (var organization in outside)
        {
            if (reply.Contains(organization.Name, StringComparison.Ordinal)
                || (organization.CreditCode is { Length: > 0 } code && reply.Contains(code, StringComparison.Ordinal)))
            {
                yield return $"names {organization.Name} (outside {user.Jurisdiction.Name}): {reply}";
            }
        }

        if (!figuresAllowed && Figure().Match(reply.Replace("2名党员", "", StringComparison.Ordinal).Replace("300人", "", StringComparison.Ordinal)) is { Success: true } figure)
        {
            yield return $"a figure ({figure.Value}): {reply}";
        }
    }

    private static IEnumerable<(string Name, Jurisdiction Jurisdiction)> Scopes(IReadOnlyList<Organization> organizations) =>
        organizations.Select(o => (o.Street!, new Jurisdiction(o.District, o.Street)))
            .Concat(organizations.Select(o => (o.District!, new Jurisdiction(o.District))))
            .Distinct();

    private static string ShortName(Organization organization) =>
        ShortNameForm().Replace(organization.Name, "");

    [GeneratedRegex(@"^深圳市|(?:有限责任公司|有限公司)$")]
    private static partial Regex ShortNameForm();

    [GeneratedRegex(@"[0-9０-９]|[两二三四五六七八九十百千]+(?:名|人)")]
    private static partial Regex Figure();
}
