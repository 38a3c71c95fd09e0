using System.Text.Json;
using System.Text.Json.Serialization;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// The jsonb bodies of the host's documents: every settable property by its C# name (the names the indexes of migration
/// 0003 and the queries use), enums by name; computed properties are not data.
/// </summary>
internal static class DocumentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new StoreException("数据库中有无法读取的数据");
}
