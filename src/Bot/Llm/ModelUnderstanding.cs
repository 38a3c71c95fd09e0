using System.Globalization;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using Microsoft.SemanticKernel.ChatCompletion;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// The language model's reading of a message, beside the offline one (issue 17, docs/llm.md). The model sees the message,
/// its date and the dry-run functions' schemas, nothing else (no ledger, no sender); its calls become actions through the
/// offline components (<see cref="RecordedCallReader"/>), a call that does not resolve is rejected, and an action the
/// offline reading does not also give is marked doubtful, so the conversation asks before writing it (<c>"confirm": true</c>).
/// Whenever the model fails, is late or gives nothing usable, the offline reading stands unchanged.
/// </summary>
public sealed class ModelUnderstanding(ModelClient client, LlmMode mode)
{
    public const string Purpose = "understand";

    private const string Instructions = """
        你负责解读党建工作指导员发来的一条消息（两新组织党建“两个覆盖”工作）。
        按消息说的顺序，为消息报告或请求的每一件事调用一个函数；消息没有报告或请求任何事（寒暄、闲聊）时不调用函数。
        单位名称、人名、日期照消息原文填写（例如“顺达快递”“昨天”“上周五”），不要补全、翻译或推算；消息没说的参数不填。
        计划、打算、没有发生的事不登记；“发现N名党员”是新发现，“有N名党员”是现有总数。
        """;

    public LlmMode Mode => mode;

    /// <summary>Whether this reading is one the model is asked about: always, or in fallback when it is empty or doubtful.</summary>
    public bool Consults(UnderstandingResult offline)
    {
        ArgumentNullException.ThrowIfNull(offline);
        // A reading holding what no offered function expresses (help, reminders, a chart, a deadline) is the rules' alone:
        // the model's reading could only lose it.
        return offline.Actions.All(Expressible) && mode switch
        {
            LlmMode.Always => true,
            LlmMode.Fallback => offline.Actions.Count == 0 || offline.Missing.Count > 0 || offline.Actions.Any(a => a.Doubtful),
            _ => false,
        };
    }

    /// <summary>Whether a function of <see cref="DryRunKernel"/> can say this action (see <see cref="RecordedCallReader"/>).</summary>
    internal static bool Expressible(UnderstoodAction action) => action.Kind switch
    {
        <= ActionKind.Pairing or ActionKind.Undo or ActionKind.PolicyQuestion or ActionKind.FormationAdvice or ActionKind.OrgLookup or ActionKind.Export => true,
        ActionKind.ProgressQuery => action.Metric is ProgressMetric.Coverage or ProgressMetric.Unformed or ProgressMetric.Formations or ProgressMetric.Visits
            && action.Chart is null && !action.Change,
        _ => false,
    };

    /// <summary>The reading to use for <paramref name="text"/>: the model's where it resolves, else <paramref name="offline"/>.</summary>
    public async Task<UnderstandingResult> ReviewAsync(
        UnderstandingResult offline, string? text, User sender, DateTimeOffset now, OrganizationIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offline);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(index);
        var normalized = TextNormalizer.Normalize(text);
        if (!Consults(offline) || normalized.Length == 0)
        {
            return offline;
        }

        if (!client.Options.Shares(LlmOptions.ShareMessage))
        {
            client.AuditNotAsked(Purpose);
            return offline;
        }

        // Without the date shared the model still copies day words as written; the offline date component reads them.
        var today = DateExpressions.Today(now);
        var prompt = Prompt(normalized, client.Options.Shares(LlmOptions.ShareDate) ? today : null);
        var reply = await client.CallAsync(prompt, DryRunKernel.ForUnderstanding, cancellationToken).ConfigureAwait(false);
        if (reply.Outcome != ModelOutcome.Used)
        {
            client.Audit(Purpose, reply, reply.Outcome, 0);
            return offline;
        }

        var reader = new RecordedCallReader(index, normalized, sender, today);
        var actions = reply.Calls.Select(reader.Read).OfType<UnderstoodAction>().ToList();
        var rejected = reply.Calls.Count - actions.Count;
        if (actions.Count == 0)
        {
            client.Audit(Purpose, reply, ModelOutcome.Rejected, rejected);
            return offline;
        }

        client.Audit(Purpose, reply, ModelOutcome.Used, rejected);
        var offlineSays = offline.Actions.Select(a => Contract(a with { Doubtful = false })).ToHashSet(StringComparer.Ordinal);
        actions = [.. actions.Select(a => offlineSays.Contains(Contract(a)) ? a : a with { Doubtful = true })];
        return new UnderstandingResult(actions, actions.Any(a => a.NeedsOrganization && a.Organization is null) ? ["organization"] : []);
    }

    /// <summary>The prompt: the instructions, the day (for 今天/昨天, where shared) and the message. No sender, no ledger.</summary>
    internal static ChatHistory Prompt(string message, DateOnly? today)
    {
        var history = new ChatHistory(Instructions);
        var day = today is { } date
            ? string.Create(CultureInfo.InvariantCulture, $"今天是 {date:yyyy-MM-dd}（星期{"日一二三四五六"[(int)date.DayOfWeek]}）。\n")
            : string.Empty;
        history.AddUserMessage($"{day}消息：{message}");
        return history;
    }

    private static string Contract(UnderstoodAction action) => UnderstandingJson.ToJson(action).ToJsonString();
}
