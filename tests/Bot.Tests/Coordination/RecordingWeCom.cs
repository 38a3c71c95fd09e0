using System.Collections.Concurrent;
using InstructorBot.Bot.Channels.WeCom;

namespace InstructorBot.Bot.Tests.Coordination;

/// <summary>Stands in for 企业微信's message API (an external service): records every text, refuses while told to.</summary>
public sealed class RecordingWeCom : IWeComMessageSender
{
    public ConcurrentQueue<(string User, string Text)> Sent { get; } = new();

    /// <summary>How many sends to refuse before accepting again.</summary>
    public int Refuse { get; set; }

    /// <summary>A pause in each send, so that racing schedulers overlap.</summary>
    public TimeSpan Delay { get; set; }

    public async Task<bool> SendTextAsync(string userId, string text, CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Refuse > 0)
        {
            Refuse--;
            return false;
        }

        Sent.Enqueue((userId, text));
        return true;
    }

    public IReadOnlyList<string> To(string user) => [.. Sent.Where(s => s.User == user).Select(s => s.Text)];
}
