using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Replies;
using InstructorBot.Bot.Understanding;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The turn's answers about the campaign calendar, the sender's reminders, 一企一策 and the monthly report (issue 14), through
/// the coordination plugin.
/// </summary>
public sealed partial class TurnPipeline
{
    private async Task<ReplyMessage> CoordinationAsync(UnderstoodAction action, string text, KernelArguments arguments, CancellationToken cancellationToken)
    {
        if (!kernel.Plugins.TryGetPlugin(CoordinationPlugin.Name, out _))
        {
            return new ReplyMessage("行动日历和主动提醒暂不可用。");
        }

        if (action.Kind == ActionKind.Export && action.ReportMonth is { } month)
        {
            arguments["scope"] = action.Scope;
            arguments["month"] = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var report = (await kernel.InvokeAsync<MonthlyReportFile>(CoordinationPlugin.Name, "monthly_report", arguments, cancellationToken))!;
            return new ReplyMessage(PlanReplies.MonthlyReport(report), Attachment: report.File);
        }

        if (action.Metric is ProgressMetric.Plans or ProgressMetric.PlansMissing or ProgressMetric.PlansOverdue)
        {
            arguments["scope"] = action.Scope;
            arguments["which"] = action.Metric.Value;
            return new ReplyMessage(PlanReplies.List((await kernel.InvokeAsync<PlanList>(CoordinationPlugin.Name, "formation_plans", arguments, cancellationToken))!));
        }

        string function;
        if (action.Kind == ActionKind.Reminders)
        {
            function = "set_reminders";
            arguments["enabled"] = action.Enabled ?? false;
        }
        else if (action.Metric == ProgressMetric.Reporting)
        {
            function = "reporting_day";
        }
        else
        {
            function = "campaign_deadline";
            arguments["question"] = text;
        }

        return new ReplyMessage(await kernel.InvokeAsync<string>(CoordinationPlugin.Name, function, arguments, cancellationToken) ?? "");
    }
}
