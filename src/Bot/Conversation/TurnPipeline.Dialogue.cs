using System.Text.RegularExpressions;
using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Replies;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Conversation;

/// <summary>The turn's dialogue: answers to a waiting question, confirmations, corrections, the recent records and undo.</summary>
public sealed partial class TurnPipeline
{
    /// <summary>
    /// The reply when <paramref name="text"/> answers the waiting question: a number in range, a candidate's or a ledger
    /// name, 确认/取消. Null when it is not an answer (it carries its own actions or question, or a correction): the turn
    /// then handles it as new.
    /// </summary>
    private async Task<IReadOnlyList<ReplyMessage>?> AnswerPendingAsync(
        User user, IncomingMessage message, string text, PendingQuestion pending, TurnMarker marker, CancellationToken cancellationToken)
    {
        var answer = TextNormalizer.Normalize(text).Trim().TrimEnd('。', '.', '!', '！', ' ');
        if (pending.IsConfirmation)
        {
            if (answer == "1" || IsYes(answer))
            {
                await dialogue.ClearAsync(user.Id, cancellationToken);
                return await RunAsync(user, message, text, pending.Actions, marker, cancellationToken, confirmed: true);
            }

            if (answer == "2" || IsNo(answer))
            {
                await dialogue.ClearAsync(user.Id, cancellationToken);
                return [new ReplyMessage(DialogueReplies.Cancelled)];
            }

            return null;
        }

        var candidates = pending.Candidates;
        int? chosen = null;
        var number = Choice().Match(answer);
        if (number.Success && int.TryParse(number.Groups[1].Value, ChineseFormat.Culture, out var index))
        {
            if (candidates.Count == 0)
            {
                return null;
            }

            if (index < 1 || index > candidates.Count)
            {
                return [new ReplyMessage($"请回复 1 到 {candidates.Count} 之间的序号，或发送“取消”。", pending.QuickReplies)];
            }

            chosen = candidates[index - 1];
        }
        else
        {
            if (guards.Corrections.Read(text, ChinaTime.Today(message.SentAt)) is not null)
            {
                return null;
            }

            var name = AnswerFiller().Replace(answer, "");
            var understood = understanding.Understand(text, user, message.SentAt).Actions;
            if (understood.Any(a => a.Kind != ActionKind.OrgLookup) || LookupCue().IsMatch(answer) || understanding.SmallTalkOf(text) is not null)
            {
                return null;
            }

            // A name answers only when it is (nearly) all the message says: "云启科技的情况" is about 云启科技, not an answer.
            if (understanding.Index.FindMentions(name).FirstOrDefault(m => !m.IsGeneric) is { } mention && name.Length - mention.Length > 1)
            {
                return null;
            }

            if (store.FindOrganizationByName(name) is { } exact)
            {
                chosen = exact.Id;
            }
            else if (candidates.Select(store.FindOrganization).OfType<Organization>().Where(o => o.Name.Contains(name, StringComparison.Ordinal)).ToList() is [var only])
            {
                chosen = only.Id;
            }
            else if (understanding.FindOrganizations(name) is { Count: > 0 } mentioned)
            {
                var narrowed = Narrow(user, mentioned);
                if (narrowed.Count > 1)
                {
                    var question = DialogueReplies.AskOrganization(Organizations(narrowed), name);
                    await dialogue.SaveAsync(user.Id, PendingDialogue.OrganizationKind, pending.Actions, narrowed, question, pending.Entry.Subject ?? "", cancellationToken);
                    return [question];
                }

                chosen = narrowed[0];
            }
            else if (LooksLikeName(name))
            {
                if (guards.NearNames.Find(name, user) is { } near)
                {
                    await dialogue.ClearAsync(user.Id, cancellationToken);
                    return [await AskToConfirmAsync(user, pending.Entry.Subject ?? text, Complete(pending.Actions, near.Id), ChinaTime.Today(message.SentAt), near, name, cancellationToken, subjectIsText: false)];
                }

                return [DialogueReplies.AskOrganization([], name)];
            }
            else
            {
                return null;
            }
        }

        await dialogue.ClearAsync(user.Id, cancellationToken);
        return await RunAsync(user, message, text, Complete(pending.Actions, chosen!.Value), marker, cancellationToken);
    }

    /// <summary>Shows what the actions would write and asks 确认/取消; the actions wait in the store until answered.</summary>
    private async Task<ReplyMessage> AskToConfirmAsync(
        User user, string text, IReadOnlyList<UnderstoodAction> actions, DateOnly today, Organization? near, string? written,
        CancellationToken cancellationToken, bool subjectIsText = true)
    {
        var items = actions
            .Where(a => a.IsRecord || near is not null)
            .Select(a =>
            {
                var organization = Organization(a);
                var reasons = guards.Policy.Check(a, organization).ToList();
                if (near is not null && a.OrganizationId == near.Id && !reasons.Contains(ConfirmReason.NearName))
                {
                    reasons.Insert(0, ConfirmReason.NearName);
                }

                return new ConfirmReplies.Item(a, organization, reasons, written ?? a.HeardAs);
            })
            .ToList();
        var question = ConfirmReplies.Ask(items, user, today);
        await dialogue.SaveAsync(user.Id, PendingDialogue.ConfirmKind, actions, [], question, subjectIsText ? Subject(text) : text, cancellationToken);
        return question;
    }

    /// <summary>What the reply says about a question left waiting when another message came in between.</summary>
    private ReplyMessage ShelvedNote(User user, PendingQuestion before)
    {
        var subject = before.Entry.Subject is { Length: > 0 } s ? $"“{s}”" : "";
        var now = dialogue.Find(user.Id);
        if (now is null || now.Entry.AtMs != before.Entry.AtMs || now.Entry.ActionsJson != before.Entry.ActionsJson)
        {
            return new ReplyMessage($"刚才{subject}的登记还没完成，已取消，没有登记。");
        }

        var how = before.IsConfirmation ? "回复 1 确认、2 取消"
            : before.Candidates.Count > 0 ? $"回复序号（1–{before.Candidates.Count}）选择单位"
            : "回复单位名称";
        return new ReplyMessage($"刚才{subject}的登记还没完成，已先搁置；{how}即可继续，或发送“取消”。", before.QuickReplies);
    }

    private string RecentList(User user, DateTimeOffset now) =>
        HistoryReplies.Recent(
            guards.History.Recent(user.Id, now, guards.History.ListCount), id => store.FindOrganization(id)?.Name, ChinaTime.Today(now),
            guards.History.WindowDays);

    private Task<string> UndoAsync(User user, IncomingMessage message, int number, CancellationToken cancellationToken) =>
        UndoAsync(user, new TurnContext(user, message.SentAt, message.Channel), number, cancellationToken);

    private async Task<string> UndoAsync(User user, TurnContext turn, int number, CancellationToken cancellationToken)
    {
        await dialogue.ClearAsync(user.Id, cancellationToken);
        var arguments = new KernelArguments { [TurnContext.ArgumentName] = turn, ["number"] = number };
        var receipt = await kernel.InvokeAsync<UndoReceipt?>(ReportingPlugin.Name, "undo_recent", arguments, cancellationToken);
        return HistoryReplies.Undone(receipt, number, id => store.FindOrganization(id)?.Name, turn.Today, guards.History.WindowDays);
    }

    /// <summary>"不对，是4名": amends the sender's last record (only the fields named) in one write with the handled mark.</summary>
    private async Task<IReadOnlyList<ReplyMessage>> CorrectAsync(
        User user, IncomingMessage message, Correction correction, TurnMarker marker, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(message.SentAt);
        if (guards.History.Last(user.Id, message.SentAt) is not { } last || last.Records.Count == 0)
        {
            return [new ReplyMessage(HistoryReplies.NothingToCorrect(guards.History.WindowDays))];
        }

        var (amended, problem) = CorrectionPlan.Apply(last.Records, correction);
        if (amended is null)
        {
            return [new ReplyMessage(problem!)];
        }

        if (correction.OrganizationId is { } moved && store.FindOrganization(moved) is { } target && Permissions.RefuseWrite(user, target) is { } refusal)
        {
            return [new ReplyMessage(refusal + "\n没有更正。")];
        }

        if (amended.SequenceEqual(last.Records))
        {
            return [new ReplyMessage("与上一条登记相同，没有需要更正的内容。")];
        }

        var before = OrganizationsBefore(last.Records.Concat(amended));
        List<ReplyMessage> final = [];
        marker.Commit(cancellationToken);
        var receipt = await store.CorrectAsync(
            user.Id, last.Entry.Id, [.. amended.Select(r => r with { Id = 0, ReportedBy = "", RecordedAt = default })],
            (db, done) =>
            {
                final = [.. marker.Finish([new ReplyMessage(HistoryReplies.Corrected(last.Records, done, before, today))])];
                if (!log.Write(db, marker.Turn, final))
                {
                    throw new TurnHandledElsewhereException();
                }
            },
            CancellationToken.None);
        if (receipt is null)
        {
            return [new ReplyMessage(HistoryReplies.NothingToCorrect(guards.History.WindowDays))];
        }

        marker.Saved = true;
        return final;
    }

    private static List<UnderstoodAction> Complete(IReadOnlyList<UnderstoodAction> actions, int organizationId) =>
        [.. actions.Select(a => WaitsForOrganization(a) && a.OrganizationId is null ? a with { OrganizationId = organizationId, Candidates = [] } : a)];

    private Organization? Organization(UnderstoodAction action) => action.OrganizationId is { } id ? store.FindOrganization(id) : null;

    /// <summary>The message that waits, shortened, to name it later ("刚才“今天去华鼎走访了一下…”的登记还没完成").</summary>
    private static string Subject(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 16 ? oneLine : oneLine[..15] + "…";
    }

    private static bool LooksLikeName(string text) =>
        text.Length is >= 2 and <= 30 && text.Any(TextNormalizer.IsHan) && !text.Any(char.IsAsciiDigit) && !text.Contains('?');

    private static bool IsYes(string text) => text is "确认" or "确定" or "是" or "是的" or "对" or "对的" or "好" or "好的" or "没错" or "可以" or "yes" or "ok" or "确认登记";

    private static bool IsNo(string text) => text is "取消" or "不" or "不是" or "否" or "不对" or "不用" or "不用了" or "算了" or "no";

    [GeneratedRegex(@"^(?:是|就是|选|应该是|我说的是)|(?:吧|啊|呀|的那家|那家|这家)$")]
    private static partial Regex AnswerFiller();

    [GeneratedRegex(@"情况|怎么样|如何|查|看看|信息|资料|台账|[?]")]
    private static partial Regex LookupCue();
}
