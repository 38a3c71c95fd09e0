using System.Collections.Concurrent;
using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Tests.WebChat;

/// <summary>
/// The real turn pipeline with a hand on it: while <see cref="Holding"/>, every turn waits for <see cref="Release"/>, so a
/// test can look at the page while a reply is pending (a slow reply). Records the texts in the order they arrived and
/// how many turns ran at once.
/// </summary>
public sealed class HeldTurns(ITurnPipeline inner) : ITurnPipeline
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int running;
    private int mostAtOnce;

    public bool Holding { get; set; }

    public ConcurrentQueue<string> Received { get; } = new();

    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public void Release() => release.TrySetResult();

    public async Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Received.Enqueue(message.Text);
        var now = Interlocked.Increment(ref running);
        int seen;
        while ((seen = Volatile.Read(ref mostAtOnce)) < now && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
        {
        }

        try
        {
            if (Holding)
            {
                await release.Task.WaitAsync(cancellationToken);
            }

            return await inner.HandleAsync(message, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }
}
