using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// The turn a plugin function runs in: who is asking (never taken from a model's arguments), when, on which channel,
/// and the records staged so far, which the turn writes in one transaction at its end.
/// </summary>
public sealed class TurnContext(User sender, DateTimeOffset now, string channel)
{
    /// <summary>The key under which the turn travels in <see cref="Microsoft.SemanticKernel.KernelArguments"/>.</summary>
    public const string ArgumentName = "turn";

    private readonly List<RecordRequest> staged = [];

    public User Sender { get; } = sender;

    public DateTimeOffset Now { get; } = now;

    public string Channel { get; } = channel;

    /// <summary>The day of <see cref="Now"/> in Asia/Shanghai.</summary>
    public DateOnly Today => ChinaTime.Today(Now);

    public IReadOnlyList<RecordRequest> Staged => staged;

    public void Stage(RecordRequest record) => staged.Add(record);

    public static TurnContext From(Microsoft.SemanticKernel.KernelArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.TryGetValue(ArgumentName, out var value) && value is TurnContext turn
            ? turn
            : throw new InvalidOperationException("这个功能只能在一次对话中调用。");
    }
}
