using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Llm;
using InstructorBot.Bot.Tests.Conversation;
using InstructorBot.Store;

namespace InstructorBot.Bot.Tests.Llm;

/// <summary>
/// <c>understand --engine llm</c> and <c>ask --engine llm</c> (issue 17) against <see cref="StandInModel"/>, a loopback
/// stand-in for the deployer's model, over a real LiteDB file and the shipped corpus. The offline reading is what
/// <c>--engine rules</c> prints for the same message: the model's reading replaces it only where it resolves, and every
/// failure of the model leaves it standing within the timeout.
/// </summary>
public sealed class LlmEngineTests : IAsyncLifetime
{
    private const string Now = "2026-11-18T15:30:00+08:00";

    /// <summary>A phrasing the rules read nothing in (a visit said in dialect): the model's chance to help.</summary>
    private const string LongTail = "顺达快递那边俺昨天踅摸了一圈";

    /// <summary>A plain report the rules read as a visit to 顺达快递 yesterday.</summary>
    private const string Plain = "昨天去顺达快递了解情况";

    /// <summary>The timeout the tests give the model; a failure must be over within it plus <see cref="Margin"/>.</summary>
    private const double TimeoutSeconds = 1;

    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(4);

    private readonly string folder = Directory.CreateTempSubdirectory("llm-engine-").FullName;
    private StandInModel model = null!;

    private string Db => Path.Combine(folder, "bot.db");

    public async Task InitializeAsync()
    {
        model = await StandInModel.StartAsync();
        using var store = InstructorStore.Open(Db);
        await store.ImportLedgerAsync(BotHost.DataFile("ledger.csv"));
        await store.ImportUsersAsync(BotHost.DataFile("users.csv"));
    }

    public async Task DisposeAsync()
    {
        await model.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_correct_reading_the_rules_miss_is_used_and_asked_about_before_writing()
    {
        model.Reply = StandInModel.Replay("visit-shunda-yesterday.json");

        var rules = await Understand("rules", LongTail);
        var llm = await Understand("llm", LongTail);

        Assert.Equal("""{"actions":[],"missing":[]}""", rules.Out.Trim());
        Assert.Equal("""{"actions":[{"kind":"visit","organization":"深圳市顺达快递服务有限公司","date":"2026-11-17","confirm":true}],"missing":[]}""", llm.Out.Trim());
        var audit = Assert.Single(Audit());
        Assert.Equal((ModelOutcome.Used, 812, 41, 1, 0), (audit.Outcome, audit.PromptTokens, audit.CompletionTokens, audit.Calls, audit.Rejected));
    }

    [Fact]
    public async Task A_reading_the_rules_share_is_used_without_asking()
    {
        model.Reply = StandInModel.Replay("visit-shunda-yesterday.json");

        var rules = await Understand("rules", Plain);
        var llm = await Understand("llm", Plain);

        Assert.Contains("深圳市顺达快递服务有限公司", rules.Out, StringComparison.Ordinal);
        Assert.Equal(rules.Out, llm.Out);
        Assert.Equal(ModelOutcome.Used, Assert.Single(Audit()).Outcome);
    }

    [Fact]
    public async Task Numbers_and_days_the_model_gives_go_through_the_offline_components()
    {
        model.Reply = StandInModel.Replay("discovery-shunda-yesterday.json");

        var llm = await Understand("llm", "顺达快递那边俺昨天踅摸了一圈，找着两名党员，有一个是口袋党员");

        // 两 and a category; 昨天 against the message's date. The rules read the discovery too (not the visit): only the
        // visit, which the model alone reads, is asked about before writing.
        var rules = await Understand("rules", "顺达快递那边俺昨天踅摸了一圈，找着两名党员，有一个是口袋党员");
        var discovery = """{"kind":"member_discovery","organization":"深圳市顺达快递服务有限公司","date":"2026-11-17","count":2,"categories":{"pocket":1}}""";
        Assert.Equal($$"""{"actions":[{{discovery}}],"missing":[]}""", rules.Out.Trim());
        Assert.Equal(
            $$"""{"actions":[{"kind":"visit","organization":"深圳市顺达快递服务有限公司","date":"2026-11-17","confirm":true},{{discovery}}],"missing":[]}""",
            llm.Out.Trim());
    }

    [Fact]
    public async Task An_organisation_the_message_does_not_name_is_rejected_and_the_rules_reading_stands()
    {
        // 云启科技 is in the ledger, but the message is about 顺达快递: the call is rejected whole.
        model.Reply = StandInModel.Replay("visit-yunqi-yesterday.json");

        var rules = await Understand("rules", Plain);
        var llm = await Understand("llm", Plain);

        Assert.Equal(rules.Out, llm.Out);
        Assert.DoesNotContain("云启", llm.Out, StringComparison.Ordinal);
        var audit = Assert.Single(Audit());
        Assert.Equal((ModelOutcome.Rejected, 1), (audit.Outcome, audit.Rejected));
    }

    [Theory]
    [InlineData("arguments_not_json", ModelOutcome.Rejected)]
    [InlineData("body_not_json", ModelOutcome.Malformed)]
    [InlineData("server_error", ModelOutcome.Failed)]
    [InlineData("late", ModelOutcome.Timeout)]
    [InlineData("flood", ModelOutcome.TooLong)]
    public async Task When_the_model_fails_the_rules_reading_stands_within_the_timeout(string failure, ModelOutcome outcome)
    {
        model.Reply = failure switch
        {
            "arguments_not_json" => StandInModel.Replay("arguments-not-json.json"),
            "body_not_json" => StandInModel.NotJson(),
            "server_error" => StandInModel.Status(HttpStatusCode.InternalServerError),
            "late" => StandInModel.Late(TimeSpan.FromSeconds(20), "visit-shunda-yesterday.json"),
            _ => StandInModel.Flood(),
        };

        var rules = await Understand("rules", Plain);
        var llm = await Understand("llm", Plain);

        Assert.True(llm.Code == 0, llm.Error);
        Assert.Equal(rules.Out, llm.Out);
        Assert.True(llm.Elapsed < TimeSpan.FromSeconds(TimeoutSeconds) + Margin, $"{failure}: {llm.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(outcome, Assert.Single(Audit()).Outcome);
        Assert.True(model.Requests.Count <= 1, "the client does not retry");
    }

    [Fact]
    public async Task Understanding_never_waits_on_the_model_longer_than_its_timeout()
    {
        // The component the host would call, on its own: a model that takes 20 s costs the message 0.5 s.
        model.Reply = StandInModel.Late(TimeSpan.FromSeconds(20), "visit-shunda-yesterday.json");
        using var store = InstructorStore.Open(Db);
        var options = new LlmOptions { Endpoint = model.Endpoint, Model = "stand-in", TimeoutSeconds = 0.5 };
        using var client = new ModelClient(options, new ModelAuditLog(null));
        var understanding = new Bot.Understanding.MessageUnderstanding(store.Organizations()) { Model = new ModelUnderstanding(client, LlmMode.Always) };
        var sender = store.FindUser("u_zhang")!;
        var now = DateTimeOffset.Parse(Now, System.Globalization.CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var reading = await understanding.UnderstandAsync(Plain, sender, now);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.5) + Margin, $"{clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(
            Bot.Understanding.UnderstandingJson.Serialize(understanding.Understand(Plain, sender, now)),
            Bot.Understanding.UnderstandingJson.Serialize(reading));
    }

    [Fact]
    public async Task The_prompt_carries_the_message_its_date_and_the_functions_schemas_and_nothing_of_the_ledger_or_the_sender()
    {
        model.Reply = StandInModel.Replay("visit-shunda-yesterday.json");

        await Understand("llm", LongTail);

        using var request = JsonDocument.Parse(Assert.Single(model.Requests));
        var said = string.Join("\n", request.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").ToString()));
        Assert.Contains(LongTail, said, StringComparison.Ordinal);
        Assert.Contains("2026-11-18", said, StringComparison.Ordinal);
        var tools = request.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function")).ToList();
        Assert.Contains(tools, t => t.GetProperty("name").GetString() == "reporting-record_visit");
        Assert.Equal(DryRunKernel.Offered.Values.Sum(f => f.Length), tools.Count);
        var everything = request.RootElement.ToString();
        Assert.DoesNotContain("organizationId", everything, StringComparison.Ordinal);
        foreach (var secret in new[] { "张伟", "u_zhang", "深圳市顺达快递服务有限公司", "云启", "914403" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        // The audit has no text either: no message, no name.
        Assert.DoesNotContain("顺达", await File.ReadAllTextAsync(ModelAuditLog.BesideDatabase(Db)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_Llm_Share_leaves_out_does_not_leave_the_machine()
    {
        model.Reply = StandInModel.Replay("visit-shunda-yesterday.json");

        var withoutDate = await RunAsync(["understand", "--user", "u_zhang", "--now", Now, LongTail, .. Llm("--Llm:Share=message")]);
        var withoutMessage = await RunAsync(["understand", "--user", "u_zhang", "--now", Now, LongTail, .. Llm("--Llm:Share=question,documents")]);
        var rules = await Understand("rules", LongTail);

        // Without the date the model still reads 昨天 as written, and the offline date component resolves it.
        Assert.Contains("\"date\":\"2026-11-17\",\"confirm\":true", withoutDate.Out, StringComparison.Ordinal);
        using var request = JsonDocument.Parse(Assert.Single(model.Requests));
        Assert.DoesNotContain("2026", request.RootElement.GetProperty("messages").ToString(), StringComparison.Ordinal);
        Assert.Equal(rules.Out, withoutMessage.Out);
        Assert.Equal([ModelOutcome.Used, ModelOutcome.NotShared], Audit().Select(a => a.Outcome));
    }

    [Fact]
    public async Task With_the_mode_off_understand_and_ask_batches_are_byte_identical_to_the_rules_and_nothing_leaves_the_machine()
    {
        model.Reply = StandInModel.Replay("visit-yunqi-yesterday.json");
        var understanding = BotHost.DataFile("understanding-own.jsonl");
        var questions = BotHost.DataFile("qa-own.jsonl");

        var rules = await RunAsync("understand", "--batch", understanding);
        var off = await RunAsync(["understand", "--batch", understanding, .. Llm("--Llm:Mode=off")]);
        var askRules = await RunAsync("ask", "--batch", questions);
        var askOff = await RunAsync(["ask", "--batch", questions, .. Llm("--Llm:Mode=off")]);

        Assert.True(rules.Code == 0 && off.Code == 0 && askRules.Code == 0 && askOff.Code == 0, rules.Error + off.Error + askRules.Error + askOff.Error);
        Assert.True(rules.Out.Split('\n').Length > 1000);
        Assert.Equal(rules.Out, off.Out);
        Assert.Equal(askRules.Out, askOff.Out);
        Assert.Empty(model.Requests);
        Assert.Empty(Audit());
    }

    [Theory]
    [InlineData("understand")]
    [InlineData("ask")]
    public async Task The_llm_engine_without_its_settings_is_refused_with_a_chinese_reason(string verb)
    {
        var (code, _, error, _) = await RunAsync(verb, "--engine", "llm", "--user", "u_zhang", "--now", Now, "你好");

        Assert.Equal(2, code);
        Assert.Contains("--engine llm 需要语言模型的设置", error, StringComparison.Ordinal);
        Assert.Contains("Llm:Endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_the_model_chooses_is_a_retrieved_sentence_quoted_from_the_documents()
    {
        model.Reply = StandInModel.Replay("choose-first-sentence.json");

        var (code, output, error, _) = await RunAsync(["ask", "--user", "u_zhang", "联合党组织覆盖的单位数有什么要求", .. Llm()]);

        Assert.True(code == 0, error);
        var answer = JsonNode.Parse(output)!.AsObject();
        Assert.True((bool)answer["answered"]!);
        var quote = (string)Assert.Single(answer["citations"]!.AsArray())!["quote"]!;
        Assert.Equal(quote, (string)answer["answer"]!);
        // The documents' own words (ingestion only joins the lines a file breaks a sentence across).
        static string Unbroken(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var documents = Directory.GetFiles(BotPaths.ShippedCorpus).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Select(f => Unbroken(File.ReadAllText(f)));
        Assert.Contains(documents, d => d.Contains(Unbroken(quote), StringComparison.Ordinal));
        using var request = JsonDocument.Parse(Assert.Single(model.Requests));
        Assert.Contains(quote, request.RootElement.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(ModelOutcome.Used, Assert.Single(Audit()).Outcome);
    }

    [Fact]
    public async Task A_sentence_number_that_was_not_offered_is_rejected_and_the_rules_answer_stands()
    {
        model.Reply = StandInModel.Replay("choose-out-of-range.json");
        const string question = "联合党组织覆盖的单位数有什么要求";

        var rules = await RunAsync("ask", "--user", "u_zhang", question);
        var llm = await RunAsync(["ask", "--user", "u_zhang", question, .. Llm()]);

        Assert.Equal(rules.Out, llm.Out);
        Assert.Equal(ModelOutcome.Rejected, Assert.Single(Audit()).Outcome);
    }

    [Fact]
    public async Task The_model_may_say_that_none_of_the_sentences_answers()
    {
        model.Reply = StandInModel.Replay("no-answer.json");

        var (_, output, _, _) = await RunAsync(["ask", "--user", "u_zhang", "联合党组织覆盖的单位数有什么要求", .. Llm()]);

        var answer = JsonNode.Parse(output)!.AsObject();
        Assert.False((bool)answer["answered"]!);
        Assert.Empty(answer["citations"]!.AsArray());
    }

    private string[] Llm(params string[] more) =>
        ["--engine", "llm", $"--Llm:Endpoint={model.Endpoint}", "--Llm:Model=stand-in", $"--Llm:TimeoutSeconds={TimeoutSeconds}", .. more];

    private Task<(int Code, string Out, string Error, TimeSpan Elapsed)> Understand(string engine, string text) =>
        engine == "rules"
            ? RunAsync("understand", "--user", "u_zhang", "--now", Now, text)
            : RunAsync(["understand", "--user", "u_zhang", "--now", Now, text, .. Llm()]);

    private List<ModelCallAudit> Audit() => [.. new ModelAuditLog(ModelAuditLog.BesideDatabase(Db)).Read()];

    private async Task<(int Code, string Out, string Error, TimeSpan Elapsed)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = await CliApp.RunAsync([.. args, "--db", Db], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }
}
