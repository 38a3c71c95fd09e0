using System.Text;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Replies;

/// <summary>What one can say: examples made for the sender (<see cref="HelpExamples"/>), fitted to their role and jurisdiction.</summary>
public static class HelpReplies
{
    public static string For(User user, IReadOnlyList<HelpExample> examples)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(examples);
        var scope = user.Jurisdiction.Name ?? "全部辖区";
        var text = new StringBuilder(user.Role == UserRole.Admin ? $"{user.Name}您好（管理员），可以这样说：" : $"{user.Name}您好，可以这样说：");
        foreach (var example in examples)
        {
            text.Append("\n· ").Append(example.What).Append("：“").Append(example.Text).Append('”');
        }

        return text.Append('\n').Append(user.Role switch
        {
            UserRole.Coordinator => $"可查询您辖区（{scope}）内的数据。",
            UserRole.Admin => "可以查询全部辖区的数据；为他人绑定渠道账号：“绑定 渠道 渠道用户ID 用户ID”，例如“绑定 wecom ZhangWei u_zhang”。",
            _ => $"只能登记您辖区（{scope}）内的单位。",
        }).ToString();
    }
}
