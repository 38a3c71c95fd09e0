using System.Net;
using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// One vendor channel's transport for tests that run the same scenario on every channel: its settings against the
/// loopback vendor API, how a signed (and encrypted) message is posted, and where the bot's replies land (a passive
/// reply in the response, or calls to the vendor's API).
/// </summary>
internal abstract class ChannelDriver
{
    public static TheoryData<string> Names => ["wecom", "dingtalk", "feishu"];

    /// <summary>The channel name, as the turn pipeline and the bindings know it.</summary>
    public abstract string Channel { get; }

    /// <summary>True when a fast turn's reply travels back in the HTTP response (WeCom's passive reply).</summary>
    public virtual bool RepliesPassively => false;

    /// <summary>A report at 顺达快递 phrased the way this test has always phrased it, and the members it reports.</summary>
    public abstract (string Text, int Members) ShunDaReport { get; }

    /// <summary>How long one message may be on this channel.</summary>
    public abstract ChannelTextLimit Limit { get; }

    /// <summary>The id the turn log and the delivery log know a message by (Feishu replies to message_id, not the event id).</summary>
    public virtual string TurnMessageId(string messageId) => messageId;

    /// <summary>Message types other than text this channel receives, and whether each is a voice message.</summary>
    public abstract IReadOnlyList<(string Type, bool Voice)> NonTextTypes { get; }

    public static ChannelDriver For(string name) => name switch
    {
        "wecom" => new WeComDriver(),
        "dingtalk" => new DingTalkDriver(),
        "feishu" => new FeishuDriver(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The channel's settings; with <paramref name="lateReplies"/> a turn's reply never fits in the acknowledgement.</summary>
    public abstract Dictionary<string, string?> Settings(LoopbackVendorApi api, bool lateReplies = false);

    /// <summary>The vendor's id of the test's <paramref name="n"/>th message.</summary>
    public abstract string MessageId(int n);

    /// <summary>
    /// Posts a text message from <paramref name="user"/> (in a group, @-mentioning the bot, where the channel has groups);
    /// <paramref name="attempt"/> varies what a vendor varies between retries. Returns the status and the passive reply's text.
    /// </summary>
    public abstract Task<(HttpStatusCode Status, string? Passive)> SendTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string text, string messageId, int attempt = 0, bool group = false);

    /// <summary>Posts a message of the vendor type <paramref name="type"/> (a picture, a voice message …).</summary>
    public abstract Task<(HttpStatusCode Status, string? Passive)> SendNonTextAsync(
        HttpClient client, LoopbackVendorApi api, string user, string type, string messageId);

    /// <summary>The texts the bot sent through the vendor's API so far, in order, each checked for the vendor's shape.</summary>
    public abstract IReadOnlyList<string> ApiReplies(LoopbackVendorApi api);

    public override string ToString() => Channel;
}
