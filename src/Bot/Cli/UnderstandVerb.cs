using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using InstructorBot.Bot.Conversation;
using InstructorBot.Bot.Understanding;
using InstructorBot.Bot.Understanding.Opinion;
using InstructorBot.Store;
using InstructorBot.Store.Domain;
using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// <c>understand --user ID --now ISO TEXT</c> and <c>understand --batch FILE</c> (CLI.md §understand): what the bot
/// makes of a message, as JSON, writing nothing. Organisations and users come from <c>--db</c>; an extra vocabulary
/// file from <c>--vocabulary FILE</c> or the environment (<c>Understanding__VocabularyFile</c>).
/// </summary>
public sealed class UnderstandVerb : ICliVerb
{
    public string Name => "understand";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var llm = EngineOption.Read(context);
        var vocabulary = LoadVocabulary(context.Args.Option("--vocabulary") ?? Environment.GetEnvironmentVariable("Understanding__VocabularyFile"));
        var batch = context.Args.Option("--batch");
        var messages = batch is not null ? ReadBatch(batch) : [Single(context)];

        using var store = StoreOpener.Open(context);
        using var model = llm is null ? null : EngineOption.Client(context, llm);
        var seen = new List<(UnderstoodAction Action, IReadOnlyList<RecordDoubts.Signal> Signals)>();
        var trace = Environment.GetEnvironmentVariable("Understanding__Doubts__Trace") is { Length: > 0 };
        var learned = new List<(UnderstoodAction Action, IReadOnlyList<string> Features, double Probability)>();
        var learnedTrace = Environment.GetEnvironmentVariable("Understanding__Doubts__LearnedTrace") is { Length: > 0 };
        var understanding = new MessageUnderstanding(() => store.OrganizationNamesVersion, store.Organizations, vocabulary)
        {
            Learned = LearnedDoubtSettings(),
            Filter = ActionFilterSettings(),
            LearnedDoubtSeen = learnedTrace ? (action, features, p) => learned.Add((action, features, p)) : null,
            LearnedDoubtScores = batch is not null ? LearnedDoubtHoldOut.Scores(messages.Select(m => m.Text), context.Error) : null,
            DoubtSignals = DoubtSignalSettings(),
            DoubtsSeen = trace ? (action, signals) => seen.Add((action, signals)) : null,
            CampaignStart = DateOnly.TryParse(Environment.GetEnvironmentVariable("Campaign__Start"), System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : null,
            KnownPeople = () => ProgressFilters.PeopleOf(store.Users(), store.Organizations()),
            SecondOpinion = SecondOpinion.BesideDatabase(store.Path, SecondOpinionSettings(), message => context.Error.WriteLine(message)),
            Model = model is null ? null : new Llm.ModelUnderstanding(model, llm!.Mode),
        };
        var policy = new ConfirmPolicy(Options.Create(new ConversationOptions()));
        var users = new Dictionary<string, User>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (!users.ContainsKey(message.User))
            {
                users[message.User] = store.FindUser(message.User) ?? throw new CliException(
                    $"未知的用户 {message.User}{message.Where}（请先用 import --users 导入用户）", $"unknown user {message.User}{message.Where}");
            }
        }

        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            UnderstandingResult result;
            seen.Clear();
            learned.Clear();
            if (message.Text.Trim().Length > MessageLength.Max)
            {
                // As the host answers it (TurnPipeline): nothing of a longer message is read.
                if (batch is null)
                {
                    throw new CliException(MessageLength.TooLong, $"the message is longer than {MessageLength.Max} characters");
                }

                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new LineFailure(message.Id, MessageLength.TooLong), CliContext.Json));
                await context.Error.WriteLineAsync($"错误：{MessageLength.TooLong}{message.Where}（line skipped: longer than {MessageLength.Max} characters）");
                continue;
            }

            try
            {
                result = await understanding.UnderstandAsync(message.Text, users[message.User], message.Now, cancellationToken);
            }
            catch (Exception failure) when (batch is not null && failure is not OperationCanceledException)
            {
                // One message the parser cannot take (an edge `now`, a bug) is that line's failure: the batch goes on.
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(new LineFailure(message.Id, LineFailed), CliContext.Json));
                await context.Error.WriteLineAsync($"错误：{LineFailed}{message.Where}（line skipped: {failure.GetType().Name}）");
                continue;
            }

            var json = UnderstandingJson.ToJson(result, message.Id);
            MarkConfirm(json, result, policy, store);
            await context.Output.WriteLineAsync(json.ToJsonString(JsonOutput));
            foreach (var (action, signals) in seen)
            {
                // The measure of RecordDoubts (tools/write-safety.py --signals): the case id, the record and its signals, no text.
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"doubt-signals\t{message.Id}\t{UnderstandingJson.ToJson(action).ToJsonString(JsonOutput)}\t{string.Join(',', signals)}"));
            }

            foreach (var (action, features, p) in learned)
            {
                // The measure of LearnedDoubt (tools/learned-doubt.py): the case id, the record, its probability and features.
                // The near: bigrams are characters of the message: a measuring trace only, never a host log.
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"doubt-features\t{message.Id}\t{UnderstandingJson.ToJson(action).ToJsonString(JsonOutput)}\t{p:0.######}\t{string.Join('|', features)}"));
            }
        }

        return 0;
    }

    /// <summary>What a batch line the parser failed on prints in place of its result.</summary>
    private const string LineFailed = "这条消息无法理解（处理出错）";

    private sealed record LineFailure(string? Id, string Error);

    /// <summary>The host's settings through the environment: <c>Understanding__SecondOpinion__Enabled</c>, <c>__Threshold</c>, <c>__FillAbove</c>, <c>__RetakeAbove</c>, <c>__ModelFolder</c>.</summary>
    private static SecondOpinionOptions SecondOpinionSettings()
    {
        var options = new SecondOpinionOptions();
        if (Environment.GetEnvironmentVariable("Understanding__SecondOpinion__Enabled") is { Length: > 0 } enabled && bool.TryParse(enabled, out var on))
        {
            options.Enabled = on;
        }

        if (Environment.GetEnvironmentVariable("Understanding__SecondOpinion__Threshold") is { Length: > 0 } threshold
            && float.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0f and < 1f)
        {
            options.Threshold = value;
        }

        if (Environment.GetEnvironmentVariable("Understanding__SecondOpinion__FillAbove") is { Length: > 0 } fill
            && float.TryParse(fill, NumberStyles.Float, CultureInfo.InvariantCulture, out var fillAbove) && fillAbove >= 0f)
        {
            options.FillAbove = fillAbove;
        }

        if (Environment.GetEnvironmentVariable("Understanding__SecondOpinion__RetakeAbove") is { Length: > 0 } retake
            && float.TryParse(retake, NumberStyles.Float, CultureInfo.InvariantCulture, out var retakeAbove) && retakeAbove >= 0f)
        {
            options.RetakeAbove = retakeAbove;
        }

        options.ModelFolder = Environment.GetEnvironmentVariable("Understanding__SecondOpinion__ModelFolder");
        return options;
    }

    /// <summary>
    /// <c>Understanding__Doubts__Learned</c>: <c>false</c> switches the learned doubt off (to measure it), a number sets its
    /// threshold; unset: the shipped weights and threshold.
    /// </summary>
    private static LearnedDoubt? LearnedDoubtSettings()
    {
        var setting = Environment.GetEnvironmentVariable("Understanding__Doubts__Learned");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return LearnedDoubt.Shipped();
        }

        if (bool.TryParse(setting, out var on))
        {
            return on ? LearnedDoubt.Shipped() : null;
        }

        return double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) ? LearnedDoubt.Shipped(threshold) : LearnedDoubt.Shipped();
    }

    /// <summary>
    /// <c>Understanding__Filter</c>: <c>false</c> switches the action filter off (to measure it), a number sets its drop
    /// threshold; unset: the shipped weights and threshold. The filter acts where the learned doubt does.
    /// </summary>
    private static ActionFilter? ActionFilterSettings()
    {
        var setting = Environment.GetEnvironmentVariable("Understanding__Filter");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return ActionFilter.Shipped();
        }

        if (bool.TryParse(setting, out var on))
        {
            return on ? ActionFilter.Shipped() : null;
        }

        return double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var drop) ? ActionFilter.Shipped(drop) : ActionFilter.Shipped();
    }

    /// <summary>
    /// <c>Understanding__Doubts__Signals</c>: the signals of <see cref="RecordDoubts"/> that mark a record doubtful, as a
    /// comma list of names, <c>all</c> or <c>none</c> (to measure them); unset: <see cref="RecordDoubts.Chosen"/>.
    /// </summary>
    private static IReadOnlySet<RecordDoubts.Signal>? DoubtSignalSettings()
    {
        var setting = Environment.GetEnvironmentVariable("Understanding__Doubts__Signals");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        if (setting.Trim() == "all")
        {
            return Enum.GetValues<RecordDoubts.Signal>().ToHashSet();
        }

        return setting.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Enum.TryParse<RecordDoubts.Signal>(name, ignoreCase: true, out var signal) ? signal : (RecordDoubts.Signal?)null)
            .OfType<RecordDoubts.Signal>().ToHashSet();
    }

    private static readonly JsonSerializerOptions JsonOutput = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>CLI.md additions: a recording action the bot would show and ask about before writing carries <c>"confirm": true</c>.</summary>
    private static void MarkConfirm(JsonObject json, UnderstandingResult result, ConfirmPolicy policy, InstructorStore store)
    {
        var actions = json["actions"]!.AsArray();
        for (var i = 0; i < result.Actions.Count; i++)
        {
            var action = result.Actions[i];
            var organization = action.OrganizationId is { } id ? store.FindOrganization(id) : null;
            if (policy.Check(action, organization).Count > 0)
            {
                actions[i]!.AsObject()["confirm"] = true;
            }
        }
    }

    private static Vocabulary LoadVocabulary(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return Vocabulary.Default();
        }

        try
        {
            return Vocabulary.Load(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliException($"无法读取词表文件 {file}：{e.Message}", $"cannot read vocabulary file {file}: {e.GetType().Name}");
        }
    }

    private static Message Single(CliContext context)
    {
        var user = context.Args.Required("--user");
        var text = context.Args.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliException("缺少要理解的消息文本", "missing the message text");
        }

        return new Message(null, user, ParseNow(context.Args.Option("--now"), ""), text, "");
    }

    private static List<Message> ReadBatch(string file)
    {
        if (!File.Exists(file))
        {
            throw new CliException($"找不到文件 {file}", $"file not found: {file}");
        }

        var messages = new List<Message>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var where = $"（{file} 第 {number} 行）";
            JsonElement row;
            try
            {
                using var document = JsonDocument.Parse(line);
                row = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new CliException($"不是合法的 JSON{where}", $"line {number} of {file} is not JSON");
            }

            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"每行应是一个 JSON 对象{where}", $"line {number} of {file} is not a JSON object");
            }

            var id = Field(row, "id");
            var user = Field(row, "user") ?? throw new CliException($"缺少字段 user{where}", $"line {number} of {file}: missing field user");
            var text = Field(row, "text") ?? throw new CliException($"缺少字段 text{where}", $"line {number} of {file}: missing field text");
            messages.Add(new Message(id, user, ParseNow(Field(row, "now"), where), text, where));
        }

        return messages;
    }

    private static string? Field(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            // A lone surrogate or invalid UTF-8 in the line is read as U+FFFD, not a crash of the whole batch.
            JsonValueKind.String => Hosting.JsonText.Read(value),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static DateTimeOffset ParseNow(string? text, string where)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DateTimeOffset.Now;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now)
            ? now
            : throw new CliException($"时间格式不正确：{text}{where}（应为 ISO-8601，例如 2026-11-18T15:30:00+08:00）", $"bad --now value {text}");
    }

    private sealed record Message(string? Id, string User, DateTimeOffset Now, string Text, string Where);
}
