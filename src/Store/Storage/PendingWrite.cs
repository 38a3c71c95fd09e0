namespace InstructorBot.Store.Storage;

/// <summary>A queued write whose result the caller awaits; completed only once durable.</summary>
internal sealed class PendingWrite<T>(Func<WriteContext, T> work, CancellationToken cancellationToken, Action? afterDurable = null)
    : IPendingWrite
{
    private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? result;

    public Task<T> Task => completion.Task;

    public CancellationToken CancellationToken => cancellationToken;

    public void Run(WriteContext context) => result = work(context);

    public void AfterDurable() => afterDurable?.Invoke();

    public void Succeed() => completion.TrySetResult(result!);

    public void Fail(Exception failure) => completion.TrySetException(failure);
}
