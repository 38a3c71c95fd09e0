using System.Threading.Channels;
using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// Turns accepted with 202 and handled in the background: the message goes through the pipeline and each reply is
/// posted to the channel's connector. Bounded, so a flood waits at the door instead of exhausting memory.
/// </summary>
public sealed class BotFrameworkOutbox
{
    private readonly Channel<BotFrameworkWork> queue = Channel.CreateBounded<BotFrameworkWork>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    public ValueTask EnqueueAsync(BotFrameworkWork work, CancellationToken cancellationToken) =>
        queue.Writer.WriteAsync(work, cancellationToken);

    public IAsyncEnumerable<BotFrameworkWork> ReadAllAsync(CancellationToken cancellationToken) =>
        queue.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>One accepted activity: a message to handle, or replies already known (a welcome).</summary>
public sealed record BotFrameworkWork(Activity Incoming, IncomingMessage? Message, IReadOnlyList<ReplyMessage> Replies, string PublicBaseUrl);
