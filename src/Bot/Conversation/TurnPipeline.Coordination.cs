using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Understanding;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Conversation;

/// <summary>The turn's answers about the campaign calendar and the sender's reminders (issue 14), through the coordination plugin.</summary>
public sealed partial class TurnPipeline
{
    private async Task<string> CoordinationAsync(UnderstoodAction action, string text, KernelArguments arguments, CancellationToken cancellationToken)
    {
        if (!kernel.Plugins.TryGetPlugin(CoordinationPlugin.Name, out _))
        {
            return "行动日历和主动提醒暂不可用。";
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

        return await kernel.InvokeAsync<string>(CoordinationPlugin.Name, function, arguments, cancellationToken) ?? "";
    }
}
