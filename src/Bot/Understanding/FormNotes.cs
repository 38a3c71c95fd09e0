using System.Text;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// Stage: forms — a note written as a form ("走访记录\n单位：顺达快递\n时间：12月15日\n职工：98人\n党员：3名") is the record
/// its frame describes, its key：value lines the frame's slots. The note is read as the sentence it stands for ("12月15日
/// 走访顺达快递，职工98人，党员3名"), so the grammar that reads sentences reads forms too:
/// <list type="bullet">
/// <item>a key (<c>form_keys</c>) right before ：/: at a line's or a blank's start opens a slot: the unit (单位, 帮扶单位), the
/// day (时间, 日期), who did it (走访人, 帮扶人: 本人 is the sender), a figure or fact (职工, 党员人数, 书记: said as key and
/// value, 党员3名), or a remark (备注, 情况: its value only); an empty value (（未填）, 无: <c>form_empty_values</c>) fills
/// no slot, so a form whose unit is empty names none;</item>
/// <item>the heading (the first line, or the words before the first slot or before a first ： that is no key) names the
/// frame by a frame word (<c>form_frames</c>: 走访 → "{agent}走访{org}，", 排查 → "{org}排查出", 帮扶 → "{agent}一对一帮扶
/// {org}，"); its record nouns (记录, 情况, 登记表: <c>form_heading_nouns</c>) say only that it is a note; a unit or a day in
/// it fills the slot the body leaves empty;</item>
/// <item>items under the heading (①, (1), 1、) are one fact each, said one after the other.</item>
/// </list>
/// A note is read as a form only with two slots, or one slot or two items under a frame's heading, and never when it asks
/// (？): a question written with a key ("问：…") stays a question.
/// </summary>
internal sealed class FormNotes
{
    private const int MaxHeading = 30;
    private const int MaxNote = 600;

    private readonly Dictionary<string, string> keys;
    private readonly int longestKey;
    private readonly List<(string Word, string Template)> frames;
    private readonly List<string> headingNouns;
    private readonly HashSet<string> emptyValues;
    private readonly HashSet<string> selfWords;

    public FormNotes(Vocabulary v)
    {
        keys = new Dictionary<string, string>(v.FormKeys, StringComparer.Ordinal);
        longestKey = keys.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max();
        frames = [.. v.FormFrames.OrderByDescending(f => f.Key.Length).Select(f => (f.Key, f.Value))];
        headingNouns = [.. v.FormHeadingNouns.OrderByDescending(w => w.Length)];
        emptyValues = new HashSet<string>(v.FormEmptyValues, StringComparer.Ordinal);
        selfWords = new HashSet<string>(v.SelfAgentWords, StringComparer.Ordinal);
    }

    private sealed record Piece(string? Key, string Slot, string Value);

    /// <summary>
    /// The sentence a form-style note stands for, or null where <paramref name="text"/> is no form. <paramref name="unitsIn"/>
    /// finds the organisations named in a piece of text (start and length of each).
    /// </summary>
    public string? Rewrite(string text, Func<string, List<(int Start, int Length)>> unitsIn)
    {
        (int Start, int Length)? unitAt(string words) => unitsIn(words) is { Count: > 0 } found ? found[0] : null;
        if (text.Length > MaxNote || text.Contains('？') || text.Contains('?') || (text.IndexOf('：') < 0 && text.IndexOf(':') < 0 && !HasItemMarker(text)))
        {
            return null;
        }

        var (heading, body) = SplitHeading(text);
        var pieces = new List<Piece>();
        foreach (var line in Lines(body))
        {
            ReadLine(line, pieces);
        }

        var slots = pieces.Count(p => p.Key is not null);
        var items = pieces.Count(p => p.Key is null);
        string? template = null;
        var lead = heading;
        foreach (var (word, frame) in frames)
        {
            var at = lead.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                template = frame;
                lead = lead.Remove(at, word.Length);
                break;
            }
        }

        // "今天又排查出两名党员：一位是…；另一位…": a heading that is a report itself (the frame word, then a count of people) opens
        // the parts it goes on to tell; with no slot it is a sentence, not a form's heading.
        if (slots == 0 && template is not null && CountsAfterFrame(heading))
        {
            return null;
        }

        // Items alone make a form only of one unit's note: a work log's items ("走访记录：1. 上午瑞康医疗… 2. 下午…") are read
        // item by item by the grammar (MessageParser.Items.cs).
        if (!(slots >= 2 || (template is not null && (slots >= 1 || (items >= 2 && unitsIn(text).Count <= 1))))
            || pieces.Count(p => p.Slot == "organization") > 1)
        {
            return null;
        }

        lead = StripHeadingNouns(lead);
        string? org = null;
        var orgSaid = false;
        var dates = new List<string>();
        var agent = "";
        var facts = new List<string>();
        var dayVerb = "";
        var framed = template is not null;
        foreach (var piece in pieces)
        {
            var empty = IsEmpty(piece.Value);
            switch (piece.Slot)
            {
                case "organization":
                    orgSaid = true;
                    org = empty ? null : piece.Value;
                    break;
                case "date":
                    if (!empty)
                    {
                        dates.Add(piece.Value);
                        // "成立日期：12月14日", "走访时间：…": the key names the day's event, the frame of a note whose heading names none.
                        var verb = piece.Key!.Length > 2 ? piece.Key[..^2] : "";
                        if (template is null && verb.Length > 0)
                        {
                            template = frames.FirstOrDefault(f => f.Word == verb).Template;
                            dayVerb = template is null ? verb : "";
                        }
                    }

                    break;
                case "agent":
                    agent = empty ? "" : selfWords.Contains(piece.Value) ? "我" : piece.Value;
                    break;
                case "remark":
                    if (!empty)
                    {
                        facts.Add(piece.Value);
                    }

                    break;
                case "figure":
                    if (!empty)
                    {
                        // "员工人数：140人" is said "员工140人"; a bare number counts people ("党员：0" → 党员0名).
                        var noun = piece.Key!.Length > 3 && (piece.Key.EndsWith("人数", StringComparison.Ordinal) || piece.Key.EndsWith("总数", StringComparison.Ordinal)) ? piece.Key[..^2] : piece.Key;
                        facts.Add(noun + (piece.Value.All(char.IsAsciiDigit) ? piece.Value + "名" : piece.Value));
                    }

                    break;
                default:
                    if (!empty)
                    {
                        facts.Add(piece.Key is null ? piece.Value : piece.Key + piece.Value);
                    }

                    break;
            }
        }

        if (!framed && template is null && agent.Length > 0)
        {
            // "帮扶责任人：本人 帮扶对象：… 方式：一对一帮扶组建": with a person in an agent slot and no frame in the heading or a
            // date key, a frame word said in a value frames the note (that value is the frame, not a fact).
            foreach (var (word, frame) in frames)
            {
                if (facts.FindIndex(f => f.Contains(word, StringComparison.Ordinal)) is var at and >= 0)
                {
                    template = frame;
                    facts.RemoveAt(at);
                    break;
                }
            }
        }

        if (!framed)
        {
            // No frame in the heading: the heading is the note's subject ("阳光社工服务中心党支部 成立日期：…", "安捷电子基本情况").
            var plain = new StringBuilder();
            plain.Append(string.Join(' ', dates)).Append(' ').Append(Tidy(lead).TrimEnd());
            plain.Append(template is null ? (org is null ? "" : " " + org) + dayVerb + "，"
                : " " + template.Replace("{agent}", agent, StringComparison.Ordinal).Replace("{org}", org ?? "", StringComparison.Ordinal));
            plain.Append(string.Join('，', facts));
            return Tidied(plain.ToString());
        }

        if (!orgSaid)
        {
            // The unit named in the heading ("安捷电子基本情况", "排查结果（顺达快递，12月14日）") or alone before the items.
            if (unitAt(lead) is { } named)
            {
                org = lead.Substring(named.Start, named.Length);
                lead = lead.Remove(named.Start, named.Length);
            }
            else if (facts.Count > 0 && unitAt(facts[0]) is { Start: 0 } first && first.Length == facts[0].Length)
            {
                org = facts[0];
                facts.RemoveAt(0);
            }
        }

        var sentence = new StringBuilder();
        sentence.Append(Tidy(lead)).Append(' ').Append(string.Join(' ', dates)).Append(' ');
        sentence.Append((template ?? "{org}，").Replace("{agent}", agent, StringComparison.Ordinal).Replace("{org}", org ?? "", StringComparison.Ordinal));
        sentence.Append(string.Join('，', facts));
        return Tidied(sentence.ToString());
    }

    /// <summary>A count of people (a figure and 名/个/位/人) after the heading's frame word.</summary>
    private bool CountsAfterFrame(string heading)
    {
        var at = frames.Select(f => heading.IndexOf(f.Word, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        for (var i = Math.Max(0, at); at >= 0 && i < heading.Length; i++)
        {
            if (ChineseNumber.TryRead(heading, i, out _, out var length) && i + length < heading.Length && heading[i + length] is '名' or '个' or '位' or '人')
            {
                return true;
            }
        }

        return false;
    }

    private static string Tidied(string sentence)
    {
        var result = sentence.Trim(' ', '，');
        while (result.Contains("  ", StringComparison.Ordinal))
        {
            result = result.Replace("  ", " ", StringComparison.Ordinal);
        }

        return result.Replace(" ，", "，", StringComparison.Ordinal).Replace("，，", "，", StringComparison.Ordinal).TrimStart(' ', '，');
    }

    /// <summary>The heading and the body: the first line when the note has several and its first holds no slot; else the
    /// words before a first ： that opens no slot; else the words before the first slot.</summary>
    private (string Heading, string Body) SplitHeading(string text)
    {
        var newline = text.IndexOf('\n');
        var firstKey = FirstKeyStart(text);
        if (newline > 0 && newline <= MaxHeading && (firstKey < 0 || firstKey > newline))
        {
            return (text[..newline], text[(newline + 1)..]);
        }

        var colon = text.AsSpan().IndexOfAny('：', ':');
        if (colon > 0 && colon <= MaxHeading && KeyEndingAt(text, colon) is null && (newline < 0 || colon < newline))
        {
            return (text[..colon], text[(colon + 1)..]);
        }

        return firstKey > 0 && firstKey <= MaxHeading ? (text[..firstKey], text[firstKey..]) : ("", text);
    }

    private int FirstKeyStart(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '：' or ':' && KeyEndingAt(text, i) is { } key)
            {
                return i - key.Length;
            }
        }

        return -1;
    }

    /// <summary>The longest key that ends at the ：/: at <paramref name="colon"/> and starts the text, a line or a stretch after
    /// a blank or a pause.</summary>
    private string? KeyEndingAt(string text, int colon)
    {
        for (var length = Math.Min(longestKey, colon); length >= 1; length--)
        {
            var start = colon - length;
            if (keys.ContainsKey(text.Substring(start, length)) && (start == 0 || IsBoundary(text[start - 1])))
            {
                return text.Substring(start, length);
            }
        }

        return null;
    }

    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || c is '/' or '／' or '；' or ';' or '，' or ',' or '。' or '）' or ')' or '|';

    /// <summary>The body's lines: cut at line breaks, ；, and a / between blanks.</summary>
    private static IEnumerable<string> Lines(string body)
    {
        var start = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || body[i] is '\n' or '；' or ';' or '／'
                || (body[i] == '/' && ((i > 0 && body[i - 1] == ' ') || (i + 1 < body.Length && body[i + 1] == ' '))))
            {
                var line = body[start..i].Trim();
                if (line.Length > 0)
                {
                    yield return line;
                }

                start = i + 1;
            }
        }
    }

    /// <summary>One line's slots and items: a slot's value runs to the next blank (a remark's to the next slot), then free
    /// words, cut at item numbers.</summary>
    private void ReadLine(string line, List<Piece> pieces)
    {
        var starts = new List<(int Start, int Colon, string Key)>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '：' or ':' && KeyEndingAt(line, i) is { } key)
            {
                starts.Add((i - key.Length, i, key));
            }
        }

        var at = 0;
        for (var k = 0; k <= starts.Count; k++)
        {
            var next = k < starts.Count ? starts[k].Start : line.Length;
            if (next > at)
            {
                AddItems(line[at..next], pieces);
            }

            if (k == starts.Count)
            {
                break;
            }

            var (_, colon, name) = starts[k];
            var slot = keys[name];
            var end = k + 1 < starts.Count ? starts[k + 1].Start : line.Length;
            var valueStart = colon + 1;
            while (valueStart < end && line[valueStart] == ' ')
            {
                valueStart++;
            }

            var valueEnd = end;
            if (slot != "remark")
            {
                var blank = line.IndexOf(' ', valueStart, end - valueStart);
                valueEnd = blank > 0 ? blank : end;
            }

            pieces.Add(new Piece(name, slot, line[valueStart..valueEnd].Trim(' ', '，', '。', ',')));
            at = valueEnd;
        }
    }

    private static void AddItems(string words, List<Piece> pieces)
    {
        var start = 0;
        for (var i = 0; i <= words.Length; i++)
        {
            var marker = i < words.Length ? ItemMarkerLength(words, i) : 0;
            if (i == words.Length || marker > 0)
            {
                var item = words[start..i].Trim(' ', '，', '。', ',', '：', ':');
                if (item.Length > 0)
                {
                    pieces.Add(new Piece(null, "", item));
                }

                start = i + marker;
                i += Math.Max(0, marker - 1);
            }
        }
    }

    private static bool HasItemMarker(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (ItemMarkerLength(text, i) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An item number at <paramref name="at"/>: ①, (1)/（1）, or 1、/1. after a blank or a pause (not a date: no
    /// digit after it).</summary>
    private static int ItemMarkerLength(string text, int at)
    {
        var c = text[at];
        if (c is >= '①' and <= '⑳')
        {
            return 1;
        }

        if (at > 0 && !IsBoundary(text[at - 1]) && text[at - 1] is not ('：' or ':'))
        {
            return 0;
        }

        if (c is '（' or '(' && at + 2 < text.Length && char.IsAsciiDigit(text[at + 1]) && text[at + 2] is '）' or ')')
        {
            return 3;
        }

        return char.IsAsciiDigit(c) && at + 1 < text.Length && text[at + 1] is '、' or '.' or '．'
            && (at + 2 >= text.Length || !char.IsAsciiDigit(text[at + 2])) ? 2 : 0;
    }

    private string StripHeadingNouns(string heading)
    {
        var words = heading.Trim();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var noun in headingNouns)
            {
                if (words.EndsWith(noun, StringComparison.Ordinal))
                {
                    words = words[..^noun.Length].TrimEnd();
                    changed = true;
                }
            }
        }

        return words;
    }

    private bool IsEmpty(string value)
    {
        var bare = value.Trim(' ', '（', '）', '(', ')', '【', '】', '[', ']');
        return bare.Length == 0 || emptyValues.Contains(bare) || bare.All(c => c is '-' or '—' or '/' or '／' or '*' or '_');
    }

    /// <summary>The heading's words as a sentence's opening: brackets and pauses as blanks.</summary>
    private static string Tidy(string words) =>
        new([.. words.Select(c => c is '（' or '）' or '(' or ')' or '，' or ',' or '【' or '】' ? ' ' : c)]);
}
