using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Channels.WeCom;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Coordination;

/// <summary>
/// Sends a proactive message to a user through their bound channel. 企业微信 is the one channel whose API this bot already
/// calls unprompted (the application message API, <c>message/send</c> to a corp user id): a user bound to it gets the
/// message there, split like any long reply. 钉钉 and 飞书 replies here go to a conversation's webhook or reply to a message,
/// which a proactive message lacks, and Bot Framework needs a stored conversation reference: users of those channels, and
/// users bound to none, find the message in the web chat, which shows it on their next open (it is written to their web
/// history as a reply without a question).
/// </summary>
public sealed class NoticeDelivery(TurnLog turnLog, IWeComMessageSender weCom, IOptions<WeComOptions> weComOptions)
{
    public const string WebChannel = "web";

    /// <summary>The channel this user's notices go to.</summary>
    public string ChannelOf(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return weComOptions.Value.CanSendMessages && user.ChannelIdentities.Any(c => c.Channel == "wecom") ? "wecom" : WebChannel;
    }

    /// <summary>
    /// Sends <paramref name="notice"/>; the channel it went to, or null when the channel refused a part. A chart goes with
    /// the web chat's copy, inside the stored reply (a data URI: the host's download links expire in minutes, and the
    /// message may be opened days later); 企业微信 gets the text (its image messages need a media upload not built here).
    /// </summary>
    public async Task<string?> SendAsync(User user, Notice notice, long atMs, CancellationToken cancellationToken, ChartImage? chart = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(notice);
        var channel = ChannelOf(user);
        if (channel == "wecom")
        {
            var weComUser = user.ChannelIdentities.First(c => c.Channel == "wecom").ChannelUserId;
            foreach (var part in ChannelTextSplitter.Split(notice.Text, ChannelTextLimit.WeCom))
            {
                if (!await weCom.SendTextAsync(weComUser, part, cancellationToken))
                {
                    return null;
                }
            }

            return channel;
        }

        // The web history: a turn with no question, keyed by the notice so that it is written once.
        var turn = new ProcessedTurn
        {
            Id = TurnLog.Key(WebChannel, "notice|" + NoticeLog.Key(notice.UserId, notice.Kind, notice.Period)),
            Channel = WebChannel,
            UserId = user.Id,
            Text = "",
            AtMs = atMs,
        };
        var attachment = chart is null
            ? null
            : new ReplyAttachment(chart.FileName, "data:" + ChartImage.ContentType + ";base64," + Convert.ToBase64String(chart.Png), ChartImage.ContentType)
            {
                Description = chart.Title,
            };
        await turnLog.SaveAsync(turn, [new ReplyMessage(notice.Text, Attachment: attachment)], cancellationToken);
        return channel;
    }
}
