using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// The scripted journeys of issue 13 (≥ 60 turns per role, written before the first run): every write is checked against
/// what the turn said. A record the user did not mean, a write the reply does not show, or a record taken back that the
/// user did not ask to take back fails the test; missed writes and reply differences are printed (docs/conversation.md).
/// </summary>
public sealed class JourneyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("instructor")]
    [InlineData("secretary")]
    [InlineData("coordinator")]
    public async Task A_scripted_journey_writes_only_what_the_user_meant(string role)
    {
        var run = await JourneyRun.ReplayAsync(role);

        output.WriteLine(run.Summary);
        foreach (var line in run.Details)
        {
            output.WriteLine(line);
        }

        Assert.True(run.Turns >= 60, $"{role}: {run.Turns} turns");
        Assert.Empty(run.Unmeant);
        Assert.Empty(run.Unannounced);
        Assert.Empty(run.WrongRemovals);
    }
}
