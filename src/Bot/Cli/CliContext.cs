using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

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

    /// <summary><c>--corpus</c>, else the corpus shipped beside the app.</summary>
    public string CorpusDirectory => Args.Option("--corpus") ?? BotPaths.ShippedCorpus;

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, Json));
}
