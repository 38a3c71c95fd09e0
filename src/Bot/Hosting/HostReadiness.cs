using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// What the host still warms up before its turns can run at their usual speed: the knowledge index
/// (<see cref="KnowledgeWarmup"/>) and the second opinion's models (<see cref="SecondOpinionWarmup"/>). Each registered part
/// (<see cref="ReadinessServices.AddWarmupPart"/>) is pending until its warm-up ends, well or not (a failed warm-up's work
/// is done again on first use, as before). <c>/readyz</c> reports it; a turn waits for it before its budget starts
/// (<see cref="Conversation.IsolatedTurnPipeline"/>). A host with no registered part is ready at once.
/// </summary>
public sealed class HostReadiness
{
    /// <summary>The shipped corpus's index (with its question bank).</summary>
    public const string Knowledge = "knowledge";

    /// <summary>The second opinion's intent and mention models (loaded, or trained when their cache is cold).</summary>
    public const string Models = "models";

    private readonly Dictionary<string, TaskCompletionSource<bool>> parts;
    private readonly Task all;
    private int waiting;

    public HostReadiness(IEnumerable<WarmupPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        this.parts = parts.Select(p => p.Name).Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.Ordinal);
        all = Task.WhenAll(this.parts.Values.Select(p => p.Task));
    }

    public bool IsReady => all.IsCompleted;

    /// <summary>The parts still warming up, in name order.</summary>
    public IReadOnlyList<string> Warming => [.. parts.Where(p => !p.Value.Task.IsCompleted).Select(p => p.Key).Order(StringComparer.Ordinal)];

    /// <summary>The parts whose warm-up failed (their work is done on first use instead), in name order.</summary>
    public IReadOnlyList<string> Failed => [.. parts.Where(p => p.Value.Task is { IsCompleted: true, Result: false }).Select(p => p.Key).Order(StringComparer.Ordinal)];

    /// <summary>Turns waiting for the warm-up right now.</summary>
    public int WaitingTurns => Volatile.Read(ref waiting);

    /// <summary>Marks <paramref name="part"/> done (<paramref name="succeeded"/>: false when its warm-up failed); again, or an unknown part, does nothing.</summary>
    public void Complete(string part, bool succeeded = true)
    {
        if (parts.TryGetValue(part, out var done))
        {
            done.TrySetResult(succeeded);
        }
    }

    /// <summary>Marks every part done: for a host that did the warm-ups' work itself (the chat verb never starts its host).</summary>
    public void CompleteAll()
    {
        foreach (var part in parts.Keys)
        {
            Complete(part);
        }
    }

    /// <summary>Waits until every part is done, at most <paramref name="bound"/>; false when the bound ran out first.</summary>
    public async Task<bool> WaitAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        if (all.IsCompleted)
        {
            return true;
        }

        Interlocked.Increment(ref waiting);
        try
        {
            await all.WaitAsync(bound, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }
}

/// <summary>One part of the host's warm-up that <see cref="HostReadiness"/> waits for.</summary>
public sealed record WarmupPart(string Name);

public static class ReadinessServices
{
    /// <summary>Registers <see cref="HostReadiness"/> (once) and a part it waits for; the part's warm-up must complete it.</summary>
    public static IServiceCollection AddWarmupPart(this IServiceCollection services, string name)
    {
        services.AddHostReadiness();
        services.AddSingleton(new WarmupPart(name));
        return services;
    }

    /// <summary>Registers <see cref="HostReadiness"/> (once), with whatever parts are registered.</summary>
    public static IServiceCollection AddHostReadiness(this IServiceCollection services)
    {
        services.TryAddSingleton<HostReadiness>();
        return services;
    }
}
