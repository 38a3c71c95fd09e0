using System.Text;
using InstructorBot.Bot.Conversation;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// Renders a turn's replies as the one text WeCom, DingTalk and Feishu send: each reply's text, its quick replies
/// as lines the user can type back (there are no buttons in a plain text message), and a file as its link; split into
/// several messages when longer than the channel's limit.
/// </summary>
public sealed class ChannelReplyFormatter(IOptions<ChannelDeliveryOptions> options)
{
    /// <summary>
    /// The messages to send, in order, each within <paramref name="limit"/>; none when there is nothing to say. A
    /// <paramref name="preface"/> (e.g. what a voice message was recognised as) is the first line of the first message.
    /// </summary>
    public IReadOnlyList<string> Render(TurnResult result, ChannelTextLimit limit, string? preface = null)
    {
        var text = Render(result);
        if (!string.IsNullOrWhiteSpace(preface))
        {
            text = string.IsNullOrWhiteSpace(text) ? preface : preface + "\n" + text;
        }

        return string.IsNullOrWhiteSpace(text) ? [] : ChannelTextSplitter.Split(text, limit);
    }

    public string Render(TurnResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = new List<string>();
        foreach (var reply in result.Replies)
        {
            var text = new StringBuilder(reply.Text.Trim());
            var missing = (reply.QuickReplies ?? []).Where(q => !reply.Text.Contains(q.Title, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                text.Append(text.Length > 0 ? "\n" : string.Empty).Append("可直接回复：");
                foreach (var quick in missing)
                {
                    text.Append("\n· ").Append(quick.Title);
                    if (!string.Equals(quick.Title, quick.Value, StringComparison.Ordinal))
                    {
                        text.Append("（回复“").Append(quick.Value).Append("”）");
                    }
                }
            }

            if (reply.Attachment is { } attachment)
            {
                // A chart goes as its signed link too: sending an image needs each vendor's media upload (docs/coordinators.md).
                text.Append(text.Length > 0 ? "\n" : string.Empty).Append(attachment.IsImage ? "图表：" : "附件：").Append(attachment.Name);
                text.Append(Link(attachment.Url) is { } link ? " " + link : attachment.IsImage ? "（请在网页端查看）" : "（请在网页端下载）");
            }

            if (text.Length > 0)
            {
                parts.Add(text.ToString());
            }
        }

        return string.Join("\n\n", parts);
    }

    private Uri? Link(string url)
    {
        // "/exports/x.xlsx" parses as an absolute file: URI on Unix, so only http(s) counts as absolute.
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
        {
            return absolute;
        }

        return options.Value.PublicBaseUrl is { IsAbsoluteUri: true } baseUrl && Uri.TryCreate(baseUrl, url, out var relative) ? relative : null;
    }
}
