using System.Collections.Concurrent;
using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>
/// A stand-in turn pipeline until the real one lands: records every call and answers "收到：{text}", optionally
/// after a delay. The channel tests assert what reached the pipeline and what went back to the vendor.
/// </summary>
public sealed class RecordingTurnPipeline : ITurnPipeline
{
    private readonly ConcurrentQueue<IncomingMessage> calls = new();

    /// <summary>How long each turn takes.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<IncomingMessage> Calls => [.. calls];

    public static string ReplyTo(string text) => "收到：" + text;

    public async Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        calls.Enqueue(message);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return TurnResult.Of(ReplyTo(message.Text));
    }
}
