using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Replies;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Figures;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The turn: dedupe → the user behind the message → pending dialogue → understanding → permission → plugin functions
/// (through the kernel, so a model could call the same ones) → one store transaction for every record → Chinese replies.
/// Turns of one sender run one at a time (across hosts sharing a PostgreSQL database too); different senders run in parallel.
/// </summary>
public sealed partial class TurnPipeline(
    InstructorStore store,
    MessageUnderstanding understanding,
    Kernel kernel,
    TurnLog log,
    DialogueState dialogue,
    OneTimeCodes codes,
    ChannelBindings bindings,
    TurnGuards guards,
    TimeProvider clock) : IBudgetedTurnPipeline
{
    private const int MaxTextLength = MessageLength.Max;

    /// <summary>One gate per sender (channel + channel user id): a sender's turns run in order, different senders in parallel.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> senderGates = new(StringComparer.Ordinal);

    public Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        HandleAsync(message, new TurnDeadline(), cancellationToken);

    /// <summary>As <see cref="HandleAsync(IncomingMessage, CancellationToken)"/>; no record is written once <paramref name="deadline"/> expired.</summary>
    public async Task<TurnResult> HandleAsync(IncomingMessage message, TurnDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(deadline);
        if (string.IsNullOrWhiteSpace(message.Channel) || string.IsNullOrWhiteSpace(message.ChannelUserId)
            || string.IsNullOrWhiteSpace(message.ChannelMessageId))
        {
            return TurnResult.Of("消息缺少渠道、发送人或消息编号，无法处理。");
        }

        var sender = $"{message.Channel}\n{message.ChannelUserId}";
        var gate = senderGates.GetOrAdd(sender, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        IAsyncDisposable? held = null;
        try
        {
            // Several hosts on one PostgreSQL database: the sender's turns run one at a time across all of them too.
            held = await store.HoldAsync("sender\n" + sender, cancellationToken);
            if (log.Find(message.Channel, message.ChannelMessageId) is { } first)
            {
                return new TurnResult(first, Duplicate: true);
            }

            var text = (message.Text ?? "").Trim();
            var processed = new ProcessedTurn
            {
                Id = TurnLog.Key(message.Channel, message.ChannelMessageId),
                Channel = message.Channel,
                Text = text,
                AtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            };
            var user = message.Channel is "web" or "terminal"
                ? store.FindUser(message.ChannelUserId)
                : store.FindUserByChannel(message.Channel, message.ChannelUserId);
            if (user is null)
            {
                return await UnboundAsync(message, text, cancellationToken);
            }

            processed = processed with { UserId = user.Id };
            var marker = new TurnMarker(processed, deadline);
            var replies = text.Length switch
            {
                0 => [new ReplyMessage("请输入内容。发送“帮助”查看能说什么。")],
                > MaxTextLength => [new ReplyMessage(MessageLength.TooLong)],
                _ => await RespondAsync(user, message, text, marker, cancellationToken),
            };
            if (!marker.Saved)
            {
                replies = marker.Finish(replies);
                if (!await log.SaveAsync(processed, replies, cancellationToken))
                {
                    return HandledElsewhere(message);
                }
            }

            return new TurnResult(replies);
        }
        catch (TurnHandledElsewhereException)
        {
            return HandledElsewhere(message);
        }
        finally
        {
            try
            {
                if (held is not null)
                {
                    await held.DisposeAsync();
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    /// <summary>
    /// The same message was handled meanwhile by another host on the same database (a vendor's retry sent to both): its
    /// turn committed first, so this one's records were rolled back; the first replies are the answer.
    /// </summary>
    private TurnResult HandledElsewhere(IncomingMessage message) =>
        new(log.Find(message.Channel, message.ChannelMessageId) ?? [], Duplicate: true);

    /// <summary>An unknown sender: only "绑定 CODE" does anything; everything else is told how to register, and nothing is written.</summary>
    private async Task<TurnResult> UnboundAsync(IncomingMessage message, string text, CancellationToken cancellationToken)
    {
        if (SelfBind().Match(text) is { Success: true } bind && ChannelBindings.BindableChannels.Contains(message.Channel))
        {
            var redeemed = await codes.RedeemAsync(bind.Groups[1].Value, $"{message.Channel}:{message.ChannelUserId}", cancellationToken);
            if (redeemed.Throttled)
            {
                return TurnResult.Of(redeemed.ThrottledText);
            }

            if (redeemed.UserId is { } userId && store.FindUser(userId) is not null)
            {
                var user = await bindings.BindAsync(userId, message.Channel, message.ChannelUserId, cancellationToken);
                return TurnResult.Of($"绑定成功！{user.Name}您好。发送“帮助”查看能说什么。");
            }

            return TurnResult.Of("绑定码无效、已过期或已使用，请向管理员重新获取。");
        }

        return TurnResult.Of(ConversationTexts.UnknownSender);
    }

    private async Task<IReadOnlyList<ReplyMessage>> RespondAsync(User user, IncomingMessage message, string text, TurnMarker marker, CancellationToken cancellationToken)
    {
        if (AdminBind().Match(text) is { Success: true } adminBind)
        {
            return [new ReplyMessage(await AdminBindAsync(user, adminBind, cancellationToken))];
        }

        if (SelfBind().IsMatch(text))
        {
            return [new ReplyMessage($"您已是登记用户（{user.Name}），无需再绑定。")];
        }

        if (dialogue.Find(user.Id) is { } pending)
        {
            if (IsCancel(text))
            {
                await dialogue.ClearAsync(user.Id, cancellationToken);
                return [new ReplyMessage(DialogueReplies.Cancelled)];
            }

            if (await AnswerPendingAsync(user, message, text, pending, marker, cancellationToken) is { } answered)
            {
                return answered;
            }

            // Not an answer: the message is handled as new, and the reply says what became of the waiting question
            // (set aside, still answerable; or dropped when the new message asked its own question or took it back).
            marker.FinishWith = replies => [.. replies, ShelvedNote(user, pending)];
        }
        else if (IsCancel(text))
        {
            return [new ReplyMessage("当前没有需要取消的内容。")];
        }

        return await NewMessageAsync(user, message, text, marker, cancellationToken);
    }

    private async Task<IReadOnlyList<ReplyMessage>> NewMessageAsync(
        User user, IncomingMessage message, string text, TurnMarker marker, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(message.SentAt);
        if (guards.IsRecentList(text))
        {
            return [new ReplyMessage(RecentList(user, message.SentAt))];
        }

        if (guards.UndoNumber(text) is { } number)
        {
            marker.Commit(cancellationToken);
            return [new ReplyMessage(await UndoAsync(user, message, number, cancellationToken))];
        }

        if (guards.Corrections.Read(text, today) is { } correction)
        {
            return await CorrectAsync(user, message, correction, marker, cancellationToken);
        }

        if (guards.IsHowToRecord(text))
        {
            var examples = guards.Help.For(user);
            return [new ReplyMessage(
                HistoryReplies.HowToRecord(user, examples),
                user.Role == UserRole.Coordinator ? null : HelpExample.Buttons(HistoryReplies.RecordingExamples(examples)))];
        }

        var actions = (await understanding.UnderstandAsync(text, user, message.SentAt, cancellationToken)).Actions;
        if (actions.Count == 0)
        {
            return [new ReplyMessage(understanding.SmallTalkOf(text) is { } smallTalk ? DialogueReplies.SmallTalk(smallTalk) : DialogueReplies.NotUnderstood)];
        }

        return await RunAsync(user, message, text, actions, marker, cancellationToken);
    }

    private async Task<IReadOnlyList<ReplyMessage>> RunAsync(
        User user, IncomingMessage message, string text, IReadOnlyList<UnderstoodAction> actions, TurnMarker marker,
        CancellationToken cancellationToken, bool confirmed = false)
    {
        var today = ChinaTime.Today(message.SentAt);
        // Resolve the organisation where the message left it open: one candidate in the sender's jurisdiction is the answer.
        var open = actions.FirstOrDefault(a => WaitsForOrganization(a) && a.OrganizationId is null);
        if (open is not null)
        {
            var narrowed = Narrow(user, [.. open.Candidates.Select(c => c.Id)]);
            if (narrowed.Count == 1)
            {
                actions = Complete(actions, narrowed[0]);
            }
            else if (narrowed.Count == 0 && open.Organization is { Length: > 0 } written && guards.NearNames.Find(written, user) is { } near)
            {
                // A name one or two characters off a ledger name: asked, never taken silently.
                return [await AskToConfirmAsync(user, text, Complete(actions, near.Id), today, near, written, cancellationToken)];
            }
            else
            {
                var question = DialogueReplies.AskOrganization(Organizations(narrowed), open.Organization);
                await dialogue.SaveAsync(user.Id, PendingDialogue.OrganizationKind, actions, narrowed, question, Subject(text), cancellationToken);
                return [question];
            }
        }

        ReplyMessage? confirmation = null;
        if (!confirmed)
        {
            // A write the sender may not make is refused below as before; asking to confirm it first would only delay that.
            var held = actions
                .Where(a => a.IsRecord && guards.Policy.Check(a, Organization(a)).Count > 0
                    && (Organization(a) is not { } unit || Permissions.RefuseWrite(user, unit) is null))
                .ToList();
            if (held.Count > 0)
            {
                confirmation = await AskToConfirmAsync(user, text, held, today, null, null, cancellationToken);
                actions = [.. actions.Where(a => !held.Contains(a))];
                if (actions.Count == 0)
                {
                    return [confirmation];
                }
            }
        }

        var turn = new TurnContext(user, message.SentAt, message.Channel);
        var replies = new List<ReplyMessage>();
        var refusals = new List<string>();
        var recordingSlot = -1;
        foreach (var action in actions)
        {
            var arguments = new KernelArguments { [TurnContext.ArgumentName] = turn };
            if (action.IsRecord)
            {
                var outcome = await RecordAsync(action, arguments, cancellationToken);
                if (outcome.Refusal is { } refusal)
                {
                    refusals.Add(refusal);
                }

                if (recordingSlot < 0)
                {
                    recordingSlot = replies.Count;
                }

                continue;
            }

            if (action.Kind == ActionKind.Undo)
            {
                marker.Commit(cancellationToken);
            }

            replies.Add(await AnswerAsync(user, turn, action, text, arguments, cancellationToken));
        }

        if (refusals.Count > 0)
        {
            var reason = string.Join("\n", refusals.Distinct()) + (turn.Staged.Count > 0 || refusals.Count > 0 ? "\n本条消息未登记任何内容。" : "");
            replies.Insert(Math.Max(recordingSlot, 0), new ReplyMessage(reason));
        }
        else if (turn.Staged.Count > 0)
        {
            var before = OrganizationsBefore(turn.Staged);
            // The records, the handled mark and the replies in one transaction: durable together or not at all, so a
            // channel's retry after a crash finds either nothing (and is handled afresh) or the first replies.
            List<ReplyMessage> final = [];
            marker.Commit(cancellationToken);
            await store.RecordAsync(user.Id, turn.Staged, (db, receipt) =>
            {
                final = [.. replies];
                final.Insert(recordingSlot, new ReplyMessage(RecordReplies.Recorded(receipt, before, turn.Today)));
                if (confirmation is not null)
                {
                    final.Add(confirmation);
                }

                final = [.. marker.Finish(final)];
                if (!log.Write(db, marker.Turn, final))
                {
                    throw new TurnHandledElsewhereException();
                }
            }, CancellationToken.None);
            marker.Saved = true;
            return final;
        }

        if (confirmation is not null)
        {
            replies.Add(confirmation);
        }

        return replies;
    }

    private async Task<RecordOutcome> RecordAsync(UnderstoodAction action, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var organizationId = action.OrganizationId!.Value;
        arguments["organizationId"] = organizationId;
        arguments["date"] = action.Date ?? TurnContext.From(arguments).Today;
        string function;
        switch (action.Kind)
        {
            case ActionKind.Visit:
                function = "record_visit";
                break;
            case ActionKind.MemberDiscovery:
                function = "record_member_discovery";
                arguments["count"] = action.Count ?? SumOf(action.Categories);
                arguments["categories"] = action.Categories;
                break;
            case ActionKind.Formation:
                function = "record_formation";
                var units = new List<int>();
                var named = action.Units ?? [];
                for (var i = 0; i < named.Count; i++)
                {
                    var known = action.UnitIds is { } ids && i < ids.Count ? ids[i] : null;
                    if ((known ?? store.FindOrganizationByName(named[i])?.Id) is not { } unitId)
                    {
                        return new RecordOutcome(action.Kind, organizationId, named[i], $"台账中没有找到联合组建的单位“{named[i]}”，请用单位全称。");
                    }

                    units.Add(unitId);
                }

                arguments["method"] = action.Method ?? (units.Distinct().Count() > 1 ? FormationMethod.Joint : FormationMethod.Single);
                arguments["jointMode"] = action.JointMode;
                arguments["level"] = action.Level;
                arguments["members"] = action.Members;
                arguments["secretary"] = action.Secretary;
                arguments["unitIds"] = (IReadOnlyList<int>)units;
                break;
            case ActionKind.WorkCoverage:
                if (action.Measure is null)
                {
                    return new RecordOutcome(action.Kind, organizationId, "", "请说明工作覆盖的方式：选派党建指导员、建立工会、团组织或妇联。");
                }

                function = "record_work_coverage";
                arguments["measure"] = action.Measure;
                arguments["person"] = action.Person;
                break;
            case ActionKind.OrgUpdate:
                function = "update_organization";
                arguments["employees"] = action.Employees;
                arguments["partyMembers"] = action.PartyMembers;
                arguments["status"] = action.Status;
                break;
            case ActionKind.FormationPlan:
                function = "record_formation_plan";
                arguments["measures"] = action.Measures ?? "";
                arguments["due"] = action.Due;
                arguments["person"] = action.Person;
                break;
            default:
                function = "record_pairing";
                arguments["secretary"] = action.Secretary;
                break;
        }

        return await kernel.InvokeAsync<RecordOutcome>(ReportingPlugin.Name, function, arguments, cancellationToken)
            ?? new RecordOutcome(action.Kind, organizationId, "", "登记失败。");
    }

    private async Task<ReplyMessage> AnswerAsync(
        User user, TurnContext turn, UnderstoodAction action, string text, KernelArguments arguments, CancellationToken cancellationToken)
    {
        switch (action.Kind)
        {
            case ActionKind.Undo:
                return new ReplyMessage(guards.IsHowTo(text, ActionKind.Undo)
                    ? HistoryReplies.HowToUndo(guards.History.WindowDays)
                    : await UndoAsync(user, turn, 1, cancellationToken));

            case ActionKind.Help:
            {
                var examples = guards.Help.For(user);
                return new ReplyMessage(HelpReplies.For(user, examples), HelpExample.Buttons(examples));
            }

            case ActionKind.ProgressQuery when action.Metric is ProgressMetric.Deadline or ProgressMetric.Reporting
                or ProgressMetric.Plans or ProgressMetric.PlansMissing or ProgressMetric.PlansOverdue:
            case ActionKind.Export when action.ReportMonth is not null:
            case ActionKind.Reminders:
                return await CoordinationAsync(action, text, arguments, cancellationToken); // TurnPipeline.Coordination.cs

            case ActionKind.ProgressQuery:
            {
                arguments["scope"] = action.Scope;
                arguments["from"] = action.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                arguments["to"] = action.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                arguments["person"] = action.Person;
                if (await ChartOrChangeAsync(action, arguments, cancellationToken) is { } drawn)
                {
                    return drawn;
                }

                if (action.By is { } by && action.Metric is null or ProgressMetric.Coverage or ProgressMetric.Unformed)
                {
                    arguments["by"] = by;
                    return new ReplyMessage(ProgressReplies.Breakdown(
                        (await kernel.InvokeAsync<BreakdownFigures>(ProgressPlugin.Name, "coverage_breakdown", arguments, cancellationToken))!));
                }

                switch (action.Metric)
                {
                    case ProgressMetric.Unformed:
                        return new ReplyMessage(ProgressReplies.Unformed(
                            (await kernel.InvokeAsync<ScopeFigures>(ProgressPlugin.Name, "unformed_list", arguments, cancellationToken))!));
                    case ProgressMetric.Formations:
                    case ProgressMetric.Visits:
                        var visits = action.Metric == ProgressMetric.Visits;
                        var list = (await kernel.InvokeAsync<RecordList>(ProgressPlugin.Name, visits ? "visits" : "formations", arguments, cancellationToken))!;
                        return new ReplyMessage(action.By == BreakdownLevel.Instructor
                            ? ProgressReplies.RecordsByPerson(list, visits ? "走访" : "组建", id => store.FindUser(id)?.Name ?? id, turn.Today)
                            : ProgressReplies.Records(list, visits ? "走访" : "组建", id => store.FindUser(id)?.Name,
                                id => store.FindOrganization(id)?.Name ?? $"单位 {id}", turn.Today));
                    default:
                        return new ReplyMessage(ProgressReplies.Coverage(
                            (await kernel.InvokeAsync<ScopeFigures>(ProgressPlugin.Name, "coverage_report", arguments, cancellationToken))!));
                }
            }

            case ActionKind.OrgLookup:
                arguments["organizationId"] = action.OrganizationId!.Value;
                return new ReplyMessage(ProgressReplies.Card(
                    (await kernel.InvokeAsync<OrganizationCard>(ProgressPlugin.Name, "organization_card", arguments, cancellationToken))!));

            case ActionKind.Export when guards.IsHowTo(text, ActionKind.Export):
                return new ReplyMessage(HistoryReplies.HowToExport);

            case ActionKind.Export:
            {
                arguments["scope"] = action.Scope;
                var export = (await kernel.InvokeAsync<ExportedLedger>(ProgressPlugin.Name, "export_ledger", arguments, cancellationToken))!;
                return new ReplyMessage(ProgressReplies.Export(export), Attachment: export.File);
            }

            case ActionKind.PolicyQuestion:
            case ActionKind.FormationAdvice:
                return await AskDocumentsAsync(action, text, arguments, cancellationToken);

            default:
                return new ReplyMessage(DialogueReplies.NotUnderstood);
        }
    }

    private async Task<ReplyMessage> AskDocumentsAsync(UnderstoodAction action, string text, KernelArguments arguments, CancellationToken cancellationToken)
    {
        if (!kernel.Plugins.TryGetPlugin(PluginNames.Knowledge, out _))
        {
            return new ReplyMessage("政策问答暂不可用，请联系管理员建立文件索引。");
        }

        if (action.Kind == ActionKind.PolicyQuestion)
        {
            arguments["question"] = action.Question ?? text;
            var answer = await kernel.InvokeAsync<DocumentAnswer>(PluginNames.Knowledge, "search_documents", arguments, cancellationToken);
            return new ReplyMessage(answer is null ? "没有找到答案。" : AnswerReplies.Document(answer));
        }

        // Formation advice: the ledger's facts for a named organisation, overridden by what the message says.
        var organization = action.OrganizationId is { } id ? store.FindOrganization(id) : null;
        if (organization is not null)
        {
            // The ledger's facts are read only when the sender may read the unit: PermissionFilter refuses the call otherwise.
            arguments[PermissionFilter.OrganizationArgument] = organization.Id;
        }

        arguments["partyMembers"] = action.PartyMembers ?? organization?.PartyMembers;
        arguments["employees"] = action.Employees ?? organization?.Employees;
        arguments["organizationType"] = (action.OrgType ?? organization?.Type) switch
        {
            OrganizationType.Enterprise => "enterprise",
            OrganizationType.SocialOrganization => "social_org",
            _ => null,
        };
        arguments["inJointOrganization"] = organization?.PartyOrganization.Kind == PartyOrganizationKind.Joint ? true : null;
        var advice = await kernel.InvokeAsync<FormationAdvice>(PluginNames.Knowledge, "advise_formation", arguments, cancellationToken);
        return new ReplyMessage(advice is null ? "暂时无法给出建议。" : advice.Refusal ?? AnswerReplies.Advice(advice, organization?.Name));
    }

    private async Task<string> AdminBindAsync(User user, Match bind, CancellationToken cancellationToken)
    {
        if (user.Role != UserRole.Admin)
        {
            return "只有管理员可以为他人绑定渠道账号。您自己绑定请发送：绑定 绑定码（管理员发给您的 8 位码，例如 K7PX-M3QD）。";
        }

        var channel = bind.Groups[1].Value.ToLowerInvariant();
        var channelUserId = bind.Groups[2].Value;
        var userId = bind.Groups[3].Value;
        if (!ChannelBindings.BindableChannels.Contains(channel))
        {
            return $"未知的渠道“{channel}”。可用：{string.Join("、", ChannelBindings.BindableChannels)}。";
        }

        if (store.FindUser(userId) is not { } target)
        {
            return $"没有用户 {userId}。";
        }

        await bindings.BindAsync(target.Id, channel, channelUserId, cancellationToken);
        return $"已绑定：{channel} 账号 {channelUserId} → {target.Name}（{target.Id}）。";
    }

    /// <summary>The candidates the sender may read (inside their jurisdiction): a question never names a unit outside it.</summary>
    private List<int> Narrow(User user, IReadOnlyList<int> candidates) =>
        [.. candidates.Where(id => store.FindOrganization(id) is { } o && Permissions.RefuseRead(user, o) is null)];

    private List<Organization> Organizations(IEnumerable<int> ids) => [.. ids.Select(store.FindOrganization).OfType<Organization>()];

    /// <summary>The organisations the records touch (every unit of a joint formation), as they are before the write.</summary>
    private Dictionary<int, Organization> OrganizationsBefore(IEnumerable<RecordRequest> records) =>
        records
            .SelectMany(r => r is Formation f ? f.UnitIds.Append(r.OrganizationId) : [r.OrganizationId])
            .Distinct()
            .Select(store.FindOrganization)
            .OfType<Organization>()
            .ToDictionary(o => o.Id);

    private static int SumOf(MemberCategories? categories) =>
        categories is null ? 0 : categories.Pocket + categories.Hidden + categories.Flowing + categories.Probationary + categories.Hired;

    /// <summary>The turn to save as handled, whether it was already saved with the records, and its deadline.</summary>
    private sealed class TurnMarker(ProcessedTurn turn, TurnDeadline deadline)
    {
        public ProcessedTurn Turn { get; } = turn;

        public bool Saved { get; set; }

        /// <summary>Called before a durable write: an abandoned turn (its sender already told it failed) writes nothing.</summary>
        public void Commit(CancellationToken cancellationToken)
        {
            if (!deadline.TryCommit())
            {
                throw new OperationCanceledException("The turn was abandoned before its write.", cancellationToken);
            }
        }

        /// <summary>Adds what the turn says last (a note about a waiting question); applied once.</summary>
        public Func<IReadOnlyList<ReplyMessage>, IReadOnlyList<ReplyMessage>>? FinishWith { get; set; }

        public IReadOnlyList<ReplyMessage> Finish(IReadOnlyList<ReplyMessage> replies)
        {
            var finish = FinishWith;
            FinishWith = null;
            return finish is null ? replies : finish(replies);
        }
    }

    /// <summary>
    /// Actions the turn cannot run without a ledger organisation: records and lookups. Formation advice can go on from
    /// the figures the message gives, so the turn never holds it back to ask (understanding still reports it missing).
    /// </summary>
    private static bool WaitsForOrganization(UnderstoodAction action) => action.IsRecord || action.Kind == ActionKind.OrgLookup;

    private static bool IsCancel(string text) => text.TrimEnd('。', '!', '！', '.') is "取消" or "算了" or "不用了" or "cancel";

    [GeneratedRegex(@"^绑定\s*([0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ\- ]{0,38})$")]
    private static partial Regex SelfBind();

    [GeneratedRegex(@"^绑定\s+(\S+)\s+(\S+)\s+(\S+)$")]
    private static partial Regex AdminBind();

    [GeneratedRegex(@"^(?:第\s*)?(\d{1,3})\s*(?:个|家|号)?[。.]?$")]
    private static partial Regex Choice();
}
