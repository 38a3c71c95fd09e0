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

    [Fact]
    public async Task The_journey_check_catches_a_write_the_script_did_not_expect_and_one_it_expected_but_missed()
    {
        var run = await JourneyRun.ReplayAsync("check", [
            """{"user":"u_zhang"}""",
            """{"text":"今天走访了云启科技"}""",
            """{"text":"你好","adds":[{"kind":"visit","org":"深圳市云启科技有限公司","date":0}]}""",
            """{"text":"撤销"}""",
        ]);

        Assert.Single(run.Unmeant);
        Assert.Single(run.Missed);
        Assert.Single(run.WrongRemovals);
    }
}
