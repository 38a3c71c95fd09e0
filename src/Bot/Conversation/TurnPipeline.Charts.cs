using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Replies;
using InstructorBot.Bot.Understanding;
using Microsoft.SemanticKernel;

namespace InstructorBot.Bot.Conversation;

// Progress questions that ask for a chart or for the change of the coverage figures (issue 14).
public sealed partial class TurnPipeline
{
    /// <summary>The reply to a chart request or a change asked, or null for any other progress question.</summary>
    private async Task<ReplyMessage?> ChartOrChangeAsync(UnderstoodAction action, KernelArguments arguments, CancellationToken cancellationToken)
    {
        if (action.Chart is { } chart)
        {
            arguments["chart"] = chart;
            arguments["by"] = action.By;
            var drawn = (await kernel.InvokeAsync<ProgressChart>(ProgressPlugin.Name, "chart", arguments, cancellationToken))!;
            return new ReplyMessage(ProgressReplies.Chart(drawn), Attachment: drawn.Image);
        }

        if (action.Change)
        {
            return new ReplyMessage(ProgressReplies.Change(
                (await kernel.InvokeAsync<CoverageChangeFigures>(ProgressPlugin.Name, "coverage_change", arguments, cancellationToken))!));
        }

        return null;
    }
}
