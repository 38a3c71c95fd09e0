using System.Globalization;
using System.Reflection;
using LiteDB;

namespace InstructorBot.Store.Storage;

/// <summary>How the domain records map to BSON: DateOnly as ISO text, DateTimeOffset as Unix milliseconds, no computed properties.</summary>
internal static class StoreMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper
        {
            // Computed, get-only properties (Kind, IsFormed, Name) are not data.
            ResolveMember = (_, member, mapped) =>
            {
                if (member is PropertyInfo { CanWrite: false })
                {
                    mapped.FieldName = null;
                }
            },
        };
        mapper.RegisterType(
            day => new BsonValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        mapper.RegisterType(
            moment => new BsonValue(moment.ToUnixTimeMilliseconds()),
            bson => DateTimeOffset.FromUnixTimeMilliseconds(bson.AsInt64));
        return mapper;
    }
}
