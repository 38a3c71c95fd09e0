using System.Text.Json;
using System.Text.Json.Serialization;
using InstructorBot.Store.Domain;
using InstructorBot.Store.Storage;

namespace InstructorBot.Store.Postgres;

/// <summary>
/// The jsonb bodies: every settable property of the domain record (computed ones such as <c>Kind</c> are not data),
/// enums by name, dates as ISO text. The id is the row's column, not the body's.
/// </summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string WriteRecord(RecordRequest record) => JsonSerializer.Serialize(record, record.GetType(), Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new StoreException("数据库中有无法读取的数据");

    public static RecordRequest ReadRecord(string kind, int id, string json)
    {
        var type = Collections.Records.TryGetValue(kind, out var entry) ? entry.Type : throw new StoreException($"数据库中有未知的记录类型 {kind}");
        var record = (RecordRequest?)JsonSerializer.Deserialize(json, type, Options) ?? throw new StoreException("数据库中有无法读取的记录");
        return record with { Id = id };
    }
}
