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

    public const string NotUnderstood = "这条消息里没有找到要登记或查询的内容（计划、还没发生或没有做成的事不登记）。"
        + "可以告诉我走访、发现党员、组建党组织的情况，或问政策、查进度。发送“帮助”查看示例。";

    /// <summary>A short friendly line for small talk (你好、谢谢、在吗、好的), with a hint of what to say.</summary>
    public static string SmallTalk(string kind) => kind switch
    {
        "greeting" => "您好！我是“两个覆盖”党建工作助手，可以登记走访、发现党员、组建党组织，也可以问政策、查进度。发送“帮助”查看示例。",
        "thanks" => "不客气，您辛苦了！有新的走访或组建情况随时告诉我。",
        "presence" => "在的，请说。可以直接告诉我走访、发现党员、组建的情况，或问政策、查进度。",
        "laugh" => "😊 有需要登记或查询的随时告诉我，发送“帮助”查看示例。",
        _ => "好的。有新的情况随时告诉我，发送“帮助”查看能说什么。",
    };
}
