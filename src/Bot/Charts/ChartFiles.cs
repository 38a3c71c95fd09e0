using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Charts;

/// <summary>
/// Hands a chart to a user the way exports are handed out (<see cref="DownloadFiles"/>: a signed link bound to the user and
/// channel; on the web only the signed-in owner may fetch it, elsewhere once). The attachment also carries the PNG itself,
/// for channels that take an image inline (Bot Framework); it is never stored with the conversation.
/// </summary>
public sealed class ChartFiles(DownloadFiles downloads)
{
    public ReplyAttachment Attach(ChartImage chart, string userId, string channel)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var path = downloads.NewFile(".png");
        File.WriteAllBytes(path, chart.Png);
        var url = downloads.Register(path, chart.FileName, ChartImage.ContentType, userId, channel);
        return new ReplyAttachment(chart.FileName, url, ChartImage.ContentType) { Inline = chart.Png, Description = chart.Title };
    }
}
