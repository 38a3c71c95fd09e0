using System.Threading.Channels;

namespace InstructorBot.Bot.Channels.ChannelDelivery;

/// <summary>
/// A bounded queue of channel work done after the vendor's request has been acknowledged (Feishu's 3 s,
/// DingTalk's callback, WeCom's late replies). When it is full the endpoint refuses the delivery with 503
/// and the vendor retries later, instead of the host growing without bound.
/// </summary>
public sealed class ChannelWorkQueue
{
    /// <summary>How many deliveries may wait.</summary>
    public const int Capacity = 512;

    private readonly Channel<Func<CancellationToken, Task>> items =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });

    /// <summary>Queues work; false when the queue is full.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work) => items.Writer.TryWrite(work);

    internal ChannelReader<Func<CancellationToken, Task>> Reader => items.Reader;
}
