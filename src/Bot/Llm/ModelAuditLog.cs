using System.Text.Json;
using System.Text.Json.Serialization;

namespace InstructorBot.Bot.Llm;

/// <summary>
/// Where every call to the model is audited: one JSON line per call in a file beside the database
/// (<c>DB.llm-audit.jsonl</c>), and the host's log. Thread-safe. The lines carry no text (<see cref="ModelCallAudit"/>).
/// </summary>
public sealed partial class ModelAuditLog(string? file, ILogger? logger = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly Lock gate = new();

    /// <summary>The audit file beside a database file.</summary>
    public static string BesideDatabase(string databasePath) => databasePath + ".llm-audit.jsonl";

    public string? File => file;

    public void Write(ModelCallAudit call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (logger is not null)
        {
            Logged(logger, call.Purpose, call.Outcome, call.LatencyMs, call.PromptTokens, call.CompletionTokens, call.Calls, call.Rejected);
        }

        if (file is null)
        {
            return;
        }

        var line = JsonSerializer.Serialize(call, Json) + "\n";
        lock (gate)
        {
            try
            {
                System.IO.File.AppendAllText(file, line);
            }
            catch (IOException failure) when (logger is not null)
            {
                Unwritable(logger, failure.GetType().Name);
            }
        }
    }

    /// <summary>The audited calls in the file, oldest first (for tests and an administrator's look).</summary>
    public IReadOnlyList<ModelCallAudit> Read() =>
        file is null || !System.IO.File.Exists(file)
            ? []
            : [.. System.IO.File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ModelCallAudit>(l, Json)!)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model call for {Purpose}: {Outcome} in {LatencyMs} ms, tokens {PromptTokens}+{CompletionTokens}, calls {Calls}, rejected {Rejected}")]
    private static partial void Logged(ILogger logger, string purpose, ModelOutcome outcome, long latencyMs, int? promptTokens, int? completionTokens, int calls, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model audit file cannot be written ({Failure})")]
    private static partial void Unwritable(ILogger logger, string failure);
}
