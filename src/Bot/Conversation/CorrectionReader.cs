using System.Text.RegularExpressions;
using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Reads a message that corrects the sender's last record: a correction marker of the vocabulary (不对, 说错了, 写错了 …)
/// at the start, after at most lead-in words (刚才, 上一条, 人数, 日期 …), then only what is put in place (a correction
/// lead such as 是/应该是, and a day, a count or an organisation). "刚才那条不对，撤销" puts nothing in place and is left to
/// understanding (an undo); a correction inside a report ("昨天去了青禾文化，不对，是前天") does not start the message.
/// </summary>
public sealed partial class CorrectionReader(Vocabulary vocabulary, MessageUnderstanding understanding)
{
    private readonly string[] markers = [.. vocabulary.CorrectionMarkers.OrderByDescending(m => m.Length)];
    private readonly string[] leads = [.. vocabulary.CorrectionLeads.OrderByDescending(m => m.Length)];

    /// <summary>The correction, or null when the message is not one.</summary>
    public Correction? Read(string text, DateOnly today)
    {
        var normalized = TextNormalizer.Normalize(text).Trim();
        var (at, marker) = FirstMarker(normalized);
        if (marker is null)
        {
            return null;
        }

        var before = Separators().Replace(normalized[..at], "");
        var lead = LeadIn().Match(before);
        if (!lead.Success)
        {
            return null;
        }

        var field = FieldOf(lead.Groups["field"].Value);
        var rest = Separators().Replace(normalized[(at + marker.Length)..], "").TrimStart('了', '啊', '哦', '呀');
        rest = Noun().Match(rest) is { Success: true } noun && rest.Length > noun.Length ? TakeField(ref field, noun.Value, rest) : rest;
        foreach (var word in leads)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                rest = rest[word.Length..];
                break;
            }
        }

        if (rest.Length == 0)
        {
            return null;
        }

        if (Count().Match(rest) is { Success: true } count && ChineseNumber.TryRead(count.Groups["n"].Value, 0, out var value, out var length)
            && length == count.Groups["n"].Length)
        {
            var named = FieldOf(count.Groups["before"].Value + count.Groups["after"].Value);
            if (named == CorrectionField.Unnamed)
            {
                named = field != CorrectionField.Unnamed ? field : count.Groups["unit"].Value == "名" ? CorrectionField.Members : CorrectionField.Unnamed;
            }

            return new Correction(null, value, named, null) { InPeople = count.Groups["unit"].Value == "人" };
        }

        if (DateExpressions.Find(rest, today) is [var date] && rest.Length - date.Length <= 2)
        {
            return new Correction(date.Date, null, CorrectionField.Unnamed, null);
        }

        // Only a name put in place ("不对，是云启网络科技"), not a new report that happens to name one.
        if (rest.Length <= 30 && understanding.Index.FindMentions(rest) is [{ Organization: { } organization } mention]
            && rest.Length - mention.Length <= 1)
        {
            return new Correction(null, null, CorrectionField.Unnamed, organization.Id);
        }

        return null;
    }

    private (int At, string? Marker) FirstMarker(string text)
    {
        // The marker must come early: lead-in words are short.
        var limit = Math.Min(text.Length, 12);
        for (var i = 0; i < limit; i++)
        {
            foreach (var marker in markers)
            {
                if (string.CompareOrdinal(text, i, marker, 0, marker.Length) == 0)
                {
                    return (i, marker);
                }
            }
        }

        return (-1, null);
    }

    private static string TakeField(ref CorrectionField field, string noun, string rest)
    {
        if (FieldOf(noun) is var named && named != CorrectionField.Unnamed)
        {
            field = named;
        }

        return rest[noun.Length..];
    }

    private static CorrectionField FieldOf(string words) =>
        words.Contains("党员", StringComparison.Ordinal) ? CorrectionField.Members
        : words.Contains("职工", StringComparison.Ordinal) || words.Contains("员工", StringComparison.Ordinal) ? CorrectionField.Employees
        : CorrectionField.Unnamed;

    [GeneratedRegex(@"[\s，,。.！!：:；;、~～]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:刚才|刚刚|上一条|上条|那条|这条|前面|之前|我)*(?:的)?(?:那条|那个|登记|记录)?(?:的)?(?<field>党员人数|党员数|党员|职工人数|职工|员工人数|员工|人数|日期|时间|日子|单位|名字)?(?:我)?(?:说|写|记|搞|打|输|填)?$")]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^(?:党员人数|党员数|党员|职工人数|职工|员工人数|员工|人数|日期|时间|单位)")]
    private static partial Regex Noun();

    [GeneratedRegex(@"^(?<before>党员|职工|员工)?(?:是|有|共|共有)?(?<n>[0-9零〇一二两俩三仨四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+)(?<unit>名|人|个|位)(?<after>党员|职工|员工)?(?:才对|吧|啊)?$")]
    private static partial Regex Count();
}
