using System.Text;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Replies;

/// <summary>Questions the bot asks when the organisation is missing or ambiguous, with numbered candidates.</summary>
public static class DialogueReplies
{
    public static ReplyMessage AskOrganization(IReadOnlyList<Organization> candidates, string? named)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            var text = named is { Length: > 0 }
                ? $"台账里没有找到“{named}”。请回复单位全称（或简称），或发送“取消”。"
                : "请问是哪家单位？请回复单位名称，或发送“取消”。";
            return new ReplyMessage(text);
        }

        var question = new StringBuilder(named is { Length: > 0 } ? $"“{named}”对应多家单位，请问是哪一家？" : "请问是哪家单位？");
        for (var i = 0; i < candidates.Count; i++)
        {
            question.Append('\n').Append(i + 1).Append(". ").Append(candidates[i].Name);
        }

        question.Append("\n回复序号即可，或发送“取消”。");
        return new ReplyMessage(
            question.ToString(),
            [.. candidates.Select((c, i) => new QuickReply($"{i + 1}. {c.Name}", (i + 1).ToString(ChineseFormat.Culture)))]);
    }

    public const string Cancelled = "好的，已取消，没有登记。";

    public const string NotUnderstood = "没太明白。可以告诉我走访、发现党员、组建党组织的情况，或问政策、查进度。发送“帮助”查看示例。";
}
