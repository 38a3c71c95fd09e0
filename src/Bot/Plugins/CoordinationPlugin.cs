using System.ComponentModel;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Coordination;
using InstructorBot.Bot.Replies;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Plugins;

/// <summary>The campaign calendar (deadlines, reporting days) and the sender's proactive-message setting.</summary>
public sealed class CoordinationPlugin(CampaignCalendar calendar, ReminderPreferences preferences)
{
    public const string Name = "coordination";

    [KernelFunction("campaign_deadline"), Description("Days left to a deadline of the campaign calendar (组建截止…), with the document it comes from.")]
    public string Deadline(
        KernelArguments arguments,
        [Description("The question as asked; a phase it names (组建, 排查, 验收) is the one answered.")] string question)
    {
        var turn = TurnContext.From(arguments);
        return CalendarReplies.Deadline(calendar, calendar.PhasesNamedIn(question ?? ""), question ?? "", turn.Today);
    }

    [KernelFunction("reporting_day"), Description("The next reporting day of the campaign calendar (报送日), with the document it comes from.")]
    public string ReportingDay(KernelArguments arguments) => CalendarReplies.NextReporting(calendar, TurnContext.From(arguments).Today);

    [KernelFunction("set_reminders"), Description("Turns the sender's proactive messages (digests, weekly reminders) off or on.")]
    public async Task<string> SetRemindersAsync(
        KernelArguments arguments,
        [Description("False to stop them (不要提醒), true to resume (恢复提醒).")] bool enabled,
        CancellationToken cancellationToken = default)
    {
        var turn = TurnContext.From(arguments);
        var changed = await preferences.SetAsync(turn.Sender.Id, enabled, cancellationToken);
        return (enabled, changed) switch
        {
            (false, true) => "好的，已停止向您发送主动提醒（报送日汇总、每周走访提醒）。需要时发送“恢复提醒”。",
            (false, false) => "主动提醒已经是关闭的。需要时发送“恢复提醒”。",
            (true, true) => "已恢复主动提醒：报送日汇总、每周走访提醒会照常发给您。不需要时发送“不要提醒”。",
            _ => "主动提醒本来就是开启的。不需要时发送“不要提醒”。",
        };
    }
}
