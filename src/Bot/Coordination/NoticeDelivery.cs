using InstructorBot.Bot.Channels.BotFramework;
using InstructorBot.Bot.Channels.ChannelDelivery;
using InstructorBot.Bot.Charts;
using InstructorBot.Bot.Channels.DingTalk;
using InstructorBot.Bot.Channels.Feishu;
using InstructorBot.Bot.Channels.WeCom;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Coordination;

/// <summary>
/// Sends a proactive message to a user through their bound channel, through each vendor's API for messages sent
/// unprompted: 企业微信 the application message API (<c>message/send</c>), 钉钉 the robot's <c>oToMessages/batchSend</c>,
/// 飞书 <c>im/v1/messages</c> to the user id; Bot Framework a new activity in the user's one-to-one conversation, from the
/// conversation reference kept at their last message (<see cref="BotFrameworkConversations"/>), the chart inline; each
/// split like a long reply. Users of a channel not configured to send, and users bound to none, find the message in the
/// web chat, which shows it on their next open (it is written to their web history as a reply without a question).
/// </summary>
public sealed class NoticeDelivery(
    TurnLog turnLog,
    IWeComMessageSender weCom,
    IOptions<WeComOptions> weComOptions,
    IDingTalkRobotSender? dingTalk = null,
    IOptions<DingTalkOptions>? dingTalkOptions = null,
    IFeishuReplySender? feishu = null,
    IOptions<FeishuOptions>? feishuOptions = null,
    IBotConnectorClient? botConnector = null,
    BotFrameworkConversations? conversations = null)
{
    /// <summary>Bot Framework takes an inline (data URI) image up to this size.</summary>
    private const int MaxInlineChartBytes = 256 * 1024;

    public const string WebChannel = "web";

    /// <summary>The channel this user's notices go to: the first bound channel that can send unprompted, else the web chat.</summary>
    public string ChannelOf(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        bool Bound(string channel) => user.ChannelIdentities.Any(c => c.Channel == channel);
        return weComOptions.Value.CanSendMessages && Bound("wecom") ? "wecom"
            : dingTalk is not null && dingTalkOptions?.Value.CanSendMessages == true && Bound("dingtalk") ? "dingtalk"
            : feishu is not null && feishuOptions?.Value.CanReply == true && Bound("feishu") ? "feishu"
            : botConnector is not null && conversations is not null
              && user.ChannelIdentities.FirstOrDefault(c => c.Channel == "botframework") is { } bot && conversations.Find(bot.ChannelUserId) is not null ? "botframework"
            : WebChannel;
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
        if (channel == "botframework")
        {
            return await SendBotFrameworkAsync(user, notice, chart, cancellationToken) ? channel : null;
        }

        if (channel != WebChannel)
        {
            var vendorUser = user.ChannelIdentities.First(c => c.Channel == channel).ChannelUserId;
            Func<string, Task<bool>> send = channel switch
            {
                "wecom" => part => weCom.SendTextAsync(vendorUser, part, cancellationToken),
                "dingtalk" => part => dingTalk!.SendTextAsync(vendorUser, part, cancellationToken),
                _ => part => feishu!.SendToUserAsync(vendorUser, part, cancellationToken),
            };
            var limit = channel switch { "wecom" => ChannelTextLimit.WeCom, "dingtalk" => ChannelTextLimit.DingTalk, _ => ChannelTextLimit.Feishu };
            foreach (var part in ChannelTextSplitter.Split(notice.Text, limit))
            {
                if (!await send(part))
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

    private async Task<bool> SendBotFrameworkAsync(User user, Notice notice, ChartImage? chart, CancellationToken cancellationToken)
    {
        var userId = user.ChannelIdentities.First(c => c.Channel == "botframework").ChannelUserId;
        var reference = conversations!.Find(userId)!;
        var parts = ChannelTextSplitter.Split(notice.Text, ChannelTextLimit.BotFramework);
        for (var i = 0; i < parts.Count; i++)
        {
            var inline = i == parts.Count - 1 && chart is not null && chart.Png.Length <= MaxInlineChartBytes
                ? new[] { new ActivityAttachment(ChartImage.ContentType, "data:" + ChartImage.ContentType + ";base64," + Convert.ToBase64String(chart.Png), chart.FileName) }
                : null;
            var activity = new Activity
            {
                Type = "message",
                ServiceUrl = reference.ServiceUrl,
                ChannelId = reference.ChannelId,
                Conversation = new ConversationAccount(reference.ConversationId),
                From = new ChannelAccount(reference.BotId, reference.BotName),
                Recipient = new ChannelAccount(userId),
                Text = parts[i],
                Attachments = inline,
            };
            try
            {
                await botConnector!.SendReplyAsync(activity, cancellationToken);
            }
            catch (HttpRequestException)
            {
                return false; // the connector refused it: the claim is given back and the next run tries again
            }
        }

        return true;
    }
}
