using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using InstructorBot.Store;

namespace InstructorBot.Bot.Cli;

/// <summary>What every verb needs: where the database and corpus are, and where to write.</summary>
public sealed class CliContext(CliArgs args, TextWriter output, TextWriter error)
{
    /// <summary>JSON as the contract wants it: UTF-8, snake_case, Chinese as characters, nulls omitted.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public CliArgs Args { get; } = args;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary><c>--db</c>, else configuration <c>Store:Path</c>, else <c>data/instructorbot.db</c> beside the app.</summary>
    public string DatabasePath => Args.Option("--db") ?? BotPaths.DefaultDatabase;

    /// <summary>
    /// Configuration <c>Store:Engine</c> (<c>litedb</c>, the default, or <c>postgres</c>): <c>--Store:Engine=</c>, else the
    /// environment <c>Store__Engine</c>. On <c>postgres</c> the data verbs (import, report, export, backup) use
    /// <see cref="ConnectionString"/> and ignore <c>--db</c>.
    /// </summary>
    public StoreEngineKind Engine
    {
        get
        {
            try
            {
                return StoreOptions.ParseEngine(Setting("Store:Engine"));
            }
            catch (StoreException unknown)
            {
                throw new CliException(unknown.Message, "unknown Store:Engine: expected litedb or postgres");
            }
        }
    }

    /// <summary>
    /// Configuration <c>Store:ConnectionString</c> (Npgsql): <c>--Store:ConnectionString=</c>, else the environment
    /// <c>Store__ConnectionString</c> (where a password belongs: a command line shows in the process list).
    /// </summary>
    public string ConnectionString => Setting("Store:ConnectionString") is { Length: > 0 } configured
        ? configured
        : throw new CliException(
            "Store:Engine=postgres 需要连接字符串：请设置环境变量 Store__ConnectionString（或 --Store:ConnectionString=…）",
            "Store:Engine=postgres needs Store:ConnectionString (environment Store__ConnectionString)");

    /// <summary>The store's options for this run: the PostgreSQL database, or the LiteDB file <see cref="DatabasePath"/>.</summary>
    public StoreOptions StoreOptions => Engine == StoreEngineKind.Postgres
        ? new StoreOptions { Engine = StoreEngineKind.Postgres, ConnectionString = ConnectionString }
        : new StoreOptions { Path = DatabasePath };

    /// <summary><c>--corpus</c>, else the corpus shipped beside the app.</summary>
    public string CorpusDirectory => Args.Option("--corpus") ?? BotPaths.ShippedCorpus;

    private string? Setting(string key) =>
        Args.Option("--" + key) ?? Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal));

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, Json));
}
