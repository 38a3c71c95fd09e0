using System.Globalization;
using System.Text;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>JSON written by hand: every non-ASCII character escaped as \uXXXX, so lone surrogates reach the server as sent.</summary>
internal static class RawJson
{
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case < ' ' or > '~':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>An object of string fields, in order.</summary>
    public static string Object(params (string Name, string? Value)[] fields) =>
        "{" + string.Join(",", fields.Select(f => String(f.Name) + ":" + String(f.Value))) + "}";
}
