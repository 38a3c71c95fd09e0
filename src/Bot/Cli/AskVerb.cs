using System.Text.Json;
using System.Text.Json.Serialization;
using InstructorBot.Bot.Plugins;
using InstructorBot.Bot.Understanding;
using InstructorBot.Knowledge;
using InstructorBot.Knowledge.Answering;
using InstructorBot.Knowledge.Formation;

namespace InstructorBot.Bot.Cli;

/// <summary>The <c>ask</c> verb: <c>ask --user ID TEXT</c> or <c>ask --batch FILE</c> (JSON lines with id, user, question).</summary>
public sealed class AskVerb : ICliVerb
{
    /// <summary>The contract shows <c>"recommendation": null</c>, so nulls are written here (except a missing id).</summary>
    private static readonly JsonSerializerOptions Json = new(CliContext.Json) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string Name => "ask";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var llm = EngineOption.Read(context);
        var questions = context.Args.Option("--batch") is { } batch ? ReadBatch(batch) : [Single(context)];

        // The ledger's facts for a named organisation; facts the question states override them.
        using var ledger = await StoreOpener.OpenForReadingAsync(context, cancellationToken);
        var organizations = new MessageUnderstanding(ledger.Store.Organizations()).Index;
        if (context.Args.Option("--corpus") is { } corpus && !Directory.Exists(corpus))
        {
            throw new CliException($"找不到文档目录：{corpus}", $"corpus folder not found: {corpus}");
        }

        using var knowledge = new KnowledgeBase(BotPaths.IndexFolderFor(context.DatabasePath), context.CorpusDirectory);
        try
        {
            knowledge.EnsureCorpus();
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            throw new CliException("知识索引正被另一个进程写入，请稍后再试", "the knowledge index is locked by another process; try again");
        }

        using var model = llm is null ? null : EngineOption.Client(context, llm);
        var answers = model is null ? null : new Llm.ModelAnswers(model, llm!.Mode, knowledge);

        // Diagnostics for measuring the ranking (docs/knowledge.md, round 12): KB_FORCED=1 answers whatever the confidence,
        // KB_TRACE=FILE writes each question's ten best sentences as ranked (JSON lines); KB_EXPLAIN=FILE the question's terms,
        // weights and best sentences as the tuning view reads them (round 18). None changes the output's form.
        var forced = Environment.GetEnvironmentVariable("KB_FORCED") == "1";
        using var trace = Environment.GetEnvironmentVariable("KB_TRACE") is { Length: > 0 } tracePath ? new StreamWriter(tracePath) : null;
        using var explain = Environment.GetEnvironmentVariable("KB_EXPLAIN") is { Length: > 0 } explainPath ? new StreamWriter(explainPath) : null;
        foreach (var (id, question) in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (question.Trim().Length > Conversation.MessageLength.Max)
            {
                // As the host answers it (TurnPipeline): a longer question is not searched (seconds for 20,000 characters).
                if (context.Args.Option("--batch") is null)
                {
                    throw new CliException(Conversation.MessageLength.TooLong, $"the question is longer than {Conversation.MessageLength.Max} characters");
                }

                context.Output.WriteLine(JsonSerializer.Serialize(new AskLine(id, false, Conversation.MessageLength.TooLong, [], null), Json));
                continue;
            }

            var facts = LedgerFacts.For(question, organizations);
            var answer = forced ? knowledge.Asker.AskScored(question, facts).Answer : knowledge.Ask(question, facts);
            if (trace is not null)
            {
                var (ranked, confidence) = knowledge.Asker.Trace(question, 10);
                trace.WriteLine(JsonSerializer.Serialize(new { id, confidence, ranked = ranked.Select(r => new { r.Section, r.Sentence, r.Score }) }, CliContext.Json));
            }

            if (explain is not null)
            {
                explain.WriteLine($"== {id} {question}");
                foreach (var line in knowledge.Asker.Explain(question))
                {
                    explain.WriteLine(line);
                }
            }

            answer = answers is null ? answer : await answers.ReviewAsync(question, answer, facts, cancellationToken);
            context.Output.WriteLine(JsonSerializer.Serialize(
                new AskLine(id, answer.Answered, answer.Text, answer.Citations, answer.Recommendation), Json));
        }

        return 0;
    }

    private static (string? Id, string Question) Single(CliContext context)
    {
        context.Args.Required("--user");
        var text = context.Args.Text.Trim();
        if (text.Length == 0)
        {
            throw new CliException("请给出要问的问题", "ask needs the question text");
        }

        return (null, text);
    }

    private static List<(string? Id, string Question)> ReadBatch(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"找不到文件：{path}", $"file not found: {path}");
        }

        var questions = new List<(string?, string)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            JsonElement row;
            try
            {
                row = JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new CliException($"{path} 第{lineNumber}行不是有效的JSON", $"{path} line {lineNumber}: not JSON");
            }

            if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("question", out var question) || question.ValueKind != JsonValueKind.String)
            {
                throw new CliException($"{path} 第{lineNumber}行缺少字段 question", $"{path} line {lineNumber}: no question field");
            }

            var id = row.TryGetProperty("id", out var idValue) ? idValue.ToString() : null;
            questions.Add((id, question.GetString()!));
        }

        return questions;
    }

    private sealed record AskLine(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
        bool Answered,
        string Answer,
        IReadOnlyList<Citation> Citations,
        Recommendation? Recommendation);
}
