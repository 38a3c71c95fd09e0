using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Reads a JSON string value that may not be valid Unicode: invalid UTF-8 bytes or a lone surrogate escape
/// (<c>"\ud800"</c>) make <see cref="JsonElement.GetString"/> throw. A correctly signed request can carry such a string;
/// it is read with U+FFFD in place of what cannot be text, so the message is answered like any other.
/// </summary>
public static class JsonText
{
    /// <summary>The string, else null when the value is not a JSON string.</summary>
    public static string? Read(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return Unescape(JsonMarshal.GetRawUtf8Value(value));
        }
    }

    /// <summary>The named property's string, else null.</summary>
    public static string? Property(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? Read(value) : null;

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        var text = new StringBuilder(raw.Length);
        var run = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\' || i + 1 >= raw.Length)
            {
                continue;
            }

            // Bytes between escapes decode with the replacement character for whatever is not UTF-8.
            text.Append(Encoding.UTF8.GetString(raw[run..i]));
            var escape = (char)raw[i + 1];
            i++;
            if (escape == 'u' && i + 4 < raw.Length && TryHex(raw.Slice(i + 1, 4), out var unit))
            {
                i += 4;
                text.Append(unit);
            }
            else
            {
                text.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
            }

            run = i + 1;
        }

        text.Append(Encoding.UTF8.GetString(raw[run..]));
        return WithoutLoneSurrogates(text);
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out char unit)
    {
        var parsed = ushort.TryParse(Encoding.ASCII.GetString(digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value);
        unit = (char)value;
        return parsed;
    }

    private static string WithoutLoneSurrogates(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }
}
