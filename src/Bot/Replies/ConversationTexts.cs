namespace InstructorBot.Bot.Replies;

/// <summary>Fixed Chinese texts of the conversation.</summary>
public static class ConversationTexts
{
    public const string Welcome = "您好！我是“两个覆盖”党建工作助手。可以直接告诉我走访、发现党员、组建党组织的情况，"
        + "也可以问政策、查进度。发送“帮助”查看能说什么。";

    public const string UnknownSender = "您还不是登记用户，暂时无法使用。请联系管理员获取 8 位绑定码，然后发送“绑定”加绑定码，例如：绑定 K7PX-M3QD";

    public const string UndoHint = "发送“撤销”可撤回";
}
