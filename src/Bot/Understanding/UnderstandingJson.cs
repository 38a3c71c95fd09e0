using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

/// <summary>The contract's JSON for an understanding (CLI.md §understand): snake_case, Chinese as characters,
/// <c>organization</c> present (null when none) for kinds about one organisation, only the fields the message gives.</summary>
public static class UnderstandingJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Serialize(UnderstandingResult result, string? id = null) => ToJson(result, id).ToJsonString(Options);

    public static JsonObject ToJson(UnderstandingResult result, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var json = new JsonObject();
        if (id is not null)
        {
            json["id"] = id;
        }

        json["actions"] = new JsonArray([.. result.Actions.Select(a => (JsonNode)ToJson(a))]);
        json["missing"] = new JsonArray([.. result.Missing.Select(m => (JsonNode)JsonValue.Create(m))]);
        return json;
    }

    public static JsonObject ToJson(UnderstoodAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var json = new JsonObject { ["kind"] = Snake(action.Kind.ToString()) };
        if (action.NeedsOrganization)
        {
            json["organization"] = action.Organization;
        }

        if (action.IsRecord)
        {
            json["date"] = (action.Date ?? default).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        Put(json, "count", action.Count);
        if (action.Categories is { } categories && !categories.IsEmpty())
        {
            var node = new JsonObject();
            foreach (var (key, count) in categories.NonZero())
            {
                node[key] = count;
            }

            json["categories"] = node;
        }

        Put(json, "method", action.Method?.ToString() is { } method ? Snake(method) : null);
        Put(json, "joint_mode", action.JointMode?.ToString() is { } mode ? Snake(mode) : null);
        Put(json, "level", action.Level?.ToString() is { } level ? Snake(level) : null);
        Put(json, "members", action.Members);
        Put(json, "secretary", action.Secretary);
        if (action.Units is { Count: > 0 } units)
        {
            json["units"] = new JsonArray([.. units.Select(u => (JsonNode)JsonValue.Create(u))]);
        }

        Put(json, "measure", action.Measure?.ToString() is { } measure ? Snake(measure) : null);
        Put(json, "measures", action.Measures);
        Put(json, "due", action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(json, "person", action.Person);
        Put(json, "employees", action.Employees);
        Put(json, "party_members", action.PartyMembers);
        Put(json, "status", action.Status?.ToString() is { } status ? Snake(status) : null);
        Put(json, "org_type", action.OrgType switch
        {
            OrganizationType.Enterprise => "enterprise",
            OrganizationType.SocialOrganization => "social_org",
            _ => null,
        });
        if (action.Kind is ActionKind.ProgressQuery or ActionKind.Export)
        {
            json["scope"] = action.Scope;
        }

        Put(json, "metric", action.Metric?.ToString() is { } metric ? Snake(metric) : null);
        Put(json, "from", action.Kind == ActionKind.ProgressQuery ? action.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        Put(json, "to", action.Kind == ActionKind.ProgressQuery ? action.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
        Put(json, "by", action.By?.ToString() is { } by ? Snake(by) : null);
        Put(json, "month", action.Kind == ActionKind.Export ? action.ReportMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null);
        if (action.Enabled is { } enabled)
        {
            json["enabled"] = enabled;
        }

        Put(json, "chart", action.Chart?.ToString() is { } chart ? Snake(chart) : null);
        if (action.Change)
        {
            json["change"] = true;
        }

        if ((action.Doubtful || action.HeardAs is not null) && action.IsRecord)
        {
            json["confirm"] = true;
        }

        return json;
    }

    private static void Put(JsonObject json, string name, int? value)
    {
        if (value is { } v)
        {
            json[name] = v;
        }
    }

    private static void Put(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static string Snake(string pascal) => JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);
}
