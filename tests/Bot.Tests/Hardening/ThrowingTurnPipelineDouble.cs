using InstructorBot.Bot.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>
/// TEST DOUBLE, injected only by tests through DI in place of the real pipeline behind the isolation wall: it throws on
/// <see cref="Throw"/>, blocks its thread (as runaway understanding would) on a text starting with <see cref="Hang"/> and
/// then hands the rest of the text to the real pipeline, and hands every other message to the real pipeline as it is.
/// </summary>
public sealed class ThrowingTurnPipelineDouble(TurnPipeline real, TimeSpan hangFor) : IBudgetedTurnPipeline
{
    public const string Throw = "测试替身：这条消息让回合抛出异常";
    public const string Hang = "测试替身：卡住|";

    public static void Register(IServiceCollection services, TimeSpan? hangFor = null) =>
        services.AddKeyedSingleton<ITurnPipeline>(IsolatedTurnPipeline.InnerKey, (provider, _) =>
            new ThrowingTurnPipelineDouble(ActivatorUtilities.CreateInstance<TurnPipeline>(provider), hangFor ?? TimeSpan.FromSeconds(3)));

    public Task<TurnResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        HandleAsync(message, new TurnDeadline(), cancellationToken);

    public Task<TurnResult> HandleAsync(IncomingMessage message, TurnDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Text == Throw)
        {
            throw new InvalidOperationException("test double: a turn that throws");
        }

        if (message.Text.StartsWith(Hang, StringComparison.Ordinal))
        {
            // Blocks without looking at the token, as a parser stuck in a loop would.
            Thread.Sleep(hangFor);
            return real.HandleAsync(message with { Text = message.Text[Hang.Length..] }, deadline, cancellationToken);
        }

        return real.HandleAsync(message, deadline, cancellationToken);
    }
}
