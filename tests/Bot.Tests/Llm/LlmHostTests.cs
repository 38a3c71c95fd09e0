using System.Text.Json;
using System.Diagnostics;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Llm;
using InstructorBot.Bot.Replies;
using InstructorBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace InstructorBot.Bot.Tests.Llm;

/// <summary>
/// The host with <c>Llm:Mode=fallback</c> pointed at <see cref="StandInModel"/>: a turn the rules read nothing in is
/// offered to the model, its reading is shown and asked about before anything is written, and a model that does not
/// answer costs the turn no more than the timeout.
/// </summary>
public sealed class LlmHostTests : IAsyncLifetime
{
    /// <summary>A visit said in dialect (the rules read nothing in it), by 刘洋, whose 布吉街道 holds 顺达快递.</summary>
    private const string LongTail = "顺达快递那边俺昨天踅摸了一圈";

    private StandInModel model = null!;

    public async Task InitializeAsync() => model = await StandInModel.StartAsync();

    public async Task DisposeAsync() => await model.DisposeAsync();

    [Fact]
    public async Task The_models_reading_of_a_message_the_rules_miss_is_asked_about_and_nothing_is_written_before_the_answer()
    {
        model.Reply = StandInModel.Replay("visit-shunda-yesterday.json");
        using var host = new BotHost(Settings(timeoutSeconds: 3));
        var records = host.RecordCount;

        var reply = await SayAsync(host, LongTail);

        Assert.Contains("顺达快递", reply.Text, StringComparison.Ordinal);
        Assert.NotEqual(DialogueReplies.NotUnderstood, reply.Text);
        Assert.Equal(records, host.RecordCount);
        Assert.Single(model.Requests);
        Assert.Equal(ModelOutcome.Used, Assert.Single(new ModelAuditLog(ModelAuditLog.BesideDatabase(host.DatabasePath)).Read()).Outcome);
    }

    [Fact]
    public async Task A_turn_never_waits_on_the_model_longer_than_the_timeout()
    {
        model.Reply = StandInModel.Late(TimeSpan.FromSeconds(20), "visit-shunda-yesterday.json");
        using var host = new BotHost(Settings(timeoutSeconds: 1));
        await SayAsync(host, "你好"); // start-up and the first turn's compilation out of the measured turn

        var clock = Stopwatch.StartNew();
        var reply = await SayAsync(host, LongTail);
        clock.Stop();

        Assert.Equal(DialogueReplies.NotUnderstood, reply.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1 + 4), $"{clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task A_question_in_the_chat_goes_past_the_model_as_ask_does_and_its_answer_is_a_sentence_of_the_documents()
    {
        model.Reply = StandInModel.Replay("choose-first-sentence.json");
        var settings = Settings(timeoutSeconds: 3);
        settings["Llm:Mode"] = "always";
        using var host = new BotHost(settings);

        var reply = await SayAsync(host, "联合党组织覆盖的单位数有什么要求？");

        var asked = Assert.Single(new ModelAuditLog(ModelAuditLog.BesideDatabase(host.DatabasePath)).Read(), a => a.Purpose == ModelAnswers.Purpose);
        Assert.Equal(ModelOutcome.Used, asked.Outcome);
        // The sentence the model chose (number 0, the first it was offered) is the one the reply quotes.
        using var request = JsonDocument.Parse(model.Requests.Last());
        var offered = request.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
        var line = offered.Split('\n').First(l => l.StartsWith("[0] ", StringComparison.Ordinal));
        // The reply quotes the sentence without the list number it carries in the document ("6.").
        var chosen = System.Text.RegularExpressions.Regex.Replace(line[(line.IndexOf('》', StringComparison.Ordinal) + 1)..], @"^[（(]?[0-9一二三四五六七八九十]+[)）.．、]", "");
        static string Unbroken(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(Unbroken(chosen), Unbroken(reply.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_mode_off_the_host_registers_no_model()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Llm:Endpoint"] = model.Endpoint.ToString() });

        Assert.Null(host.Services.GetService<ModelClient>());
    }

    private Dictionary<string, string?> Settings(double timeoutSeconds) => new()
    {
        ["Llm:Mode"] = "fallback",
        ["Llm:Endpoint"] = model.Endpoint.ToString(),
        ["Llm:Model"] = "stand-in",
        ["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<TurnResult> SayAsync(BotHost host, string text) =>
        await host.Services.GetRequiredService<ITurnPipeline>().HandleAsync(
            new IncomingMessage("web", "u_liu", "web:u_liu", Guid.NewGuid().ToString("N"), text, DateTimeOffset.UtcNow),
            CancellationToken.None);
}
