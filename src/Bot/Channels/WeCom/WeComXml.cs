using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Xml;

namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>
/// The flat <c>&lt;xml&gt;</c> documents WeCom exchanges. Parsed with DTDs prohibited and no resolver, so an
/// entity or external reference (XXE) is refused rather than expanded.
/// </summary>
internal static class WeComXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 1_000_000,
    };

    /// <summary>The text of each child element of the root (first occurrence wins), or a Chinese error.</summary>
    public static bool TryParse(string xml, [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? fields, [NotNullWhen(false)] out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                fields = null;
                error = "XML 缺少根元素。";
                return false;
            }

            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    var name = reader.LocalName;
                    var text = reader.ReadElementContentAsString();
                    values.TryAdd(name, text);
                }
                else
                {
                    reader.Read();
                }
            }

            while (reader.Read())
            {
                // Reads to the end so trailing garbage or a second root is refused.
            }
        }
        catch (XmlException)
        {
            fields = null;
            error = "XML 格式无效（不接受 DTD）。";
            return false;
        }

        fields = values;
        error = null;
        return true;
    }

    /// <summary>A passive text reply (被动回复文本消息) before encryption.</summary>
    public static string TextReply(string toUser, string fromCorp, DateTimeOffset createdAt, string content) =>
        new StringBuilder("<xml>")
            .Append("<ToUserName>").Append(CData(toUser)).Append("</ToUserName>")
            .Append("<FromUserName>").Append(CData(fromCorp)).Append("</FromUserName>")
            .Append("<CreateTime>").Append(createdAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append("</CreateTime>")
            .Append("<MsgType>").Append(CData("text")).Append("</MsgType>")
            .Append("<Content>").Append(CData(content)).Append("</Content>")
            .Append("</xml>")
            .ToString();

    /// <summary>The encrypted, signed envelope WeCom expects as a passive reply.</summary>
    public static string Envelope(string encrypted, string signature, string timestamp, string nonce) =>
        new StringBuilder("<xml>")
            .Append("<Encrypt>").Append(CData(encrypted)).Append("</Encrypt>")
            .Append("<MsgSignature>").Append(CData(signature)).Append("</MsgSignature>")
            .Append("<TimeStamp>").Append(timestamp).Append("</TimeStamp>")
            .Append("<Nonce>").Append(CData(nonce)).Append("</Nonce>")
            .Append("</xml>")
            .ToString();

    /// <summary>A CDATA section; a "]]>" inside the text is split across two sections. Characters XML cannot carry are dropped.</summary>
    internal static string CData(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (XmlConvert.IsXmlChar((char)rune.Value) || rune.Value > 0xFFFF)
            {
                clean.Append(rune.ToString());
            }
        }

        return "<![CDATA[" + clean.ToString().Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";
    }
}
