using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Replies;

/// <summary>What one can say, with examples fitted to the sender's role.</summary>
public static class HelpReplies
{
    public static string For(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var scope = user.Jurisdiction.Name ?? "坂田街道";
        return user.Role switch
        {
            UserRole.Instructor =>
                $"{user.Name}您好，可以这样说：\n"
                + "· 登记走访：“今天走访了云启科技”\n"
                + "· 发现党员：“昨天去顺达快递，发现2名党员，其中1名口袋党员”\n"
                + "· 组建：“华鼎精密单独组建党支部，党员6名，书记周海涛”\n"
                + "· 工作覆盖：“青禾传媒成立了工会”\n"
                + "· 更新信息：“云启科技现有职工200人，党员8名”\n"
                + "· 查单位：“云启科技的情况”\n"
                + "· 问政策：“联合党组织最多覆盖几个单位？”\n"
                + "· 撤销上一次登记：“撤销”\n"
                + $"只能登记您辖区（{scope}）内的单位。",
            UserRole.Secretary =>
                $"{user.Name}您好，可以这样说：\n"
                + "· 一对一帮扶：“我来帮扶云启科技组建党组织”\n"
                + "· 问组建方式：“云启科技有6名党员，应该怎么组建？”\n"
                + "· 问政策：“党员不足3人的单位怎么组建？”\n"
                + "· 登记组建：“华鼎精密单独组建党支部，党员6名”\n"
                + "· 查单位：“云启科技的情况”\n"
                + "· 撤销上一次登记：“撤销”\n"
                + $"只能登记您辖区（{scope}）内的单位。",
            UserRole.Coordinator =>
                $"{user.Name}您好，可以这样问：\n"
                + $"· 覆盖率：“{scope}覆盖率多少？”\n"
                + $"· 应建未建：“{scope}应建未建名单”\n"
                + "· 最近组建：“这个月组建了哪些？”\n"
                + "· 最近走访：“最近走访情况”\n"
                + "· 查单位：“云启科技的情况”\n"
                + $"· 导出台账：“导出{scope}台账”\n"
                + "· 问政策：“应建未建的标准是什么？”\n"
                + $"可查询您辖区（{scope}）内的数据。",
            _ =>
                $"{user.Name}您好（管理员）。可以查询全部辖区的数据：\n"
                + "· “龙岗区覆盖率多少？” “坂田街道应建未建名单” “导出龙岗区台账”\n"
                + "· 绑定渠道账号：“绑定 渠道 渠道用户ID 用户ID”，例如“绑定 wecom ZhangWei u_zhang”\n"
                + "· 也可以登记走访、发现党员、组建等，并可“撤销”。",
        };
    }
}
