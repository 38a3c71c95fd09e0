using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Tests.Channels;

public sealed partial class ChannelTextSplitterTests
{
    private static readonly ChannelTextLimit[] Limits =
        [ChannelTextLimit.WeCom, ChannelTextLimit.DingTalk, ChannelTextLimit.Feishu, ChannelTextLimit.BotFramework];

    /// <summary>An 应建未建-style list: numbered organisation names, a heading and blank lines between sections.</summary>
    private static string LongList(int count)
    {
        var text = new StringBuilder("福田区 应建未建（").Append(count).Append(" 家）：");
        for (var i = 1; i <= count; i++)
        {
            text.Append('\n').Append(i).Append(". 深圳市").Append(i % 7 == 0 ? "前海国际供应链管理" : "云启").Append("科技有限公司第").Append(i).Append("分公司");
            if (i % 50 == 0)
            {
                text.Append("\n\n小计：").Append(i).Append(" 家");
            }
        }

        return text.ToString();
    }

    private static string Unnumbered(string part) => PartNumber().Replace(part, string.Empty);

    [Fact]
    public void A_reply_within_the_limit_is_sent_as_it_is()
    {
        foreach (var limit in Limits)
        {
            var text = "已记录：今天走访了深圳市云启科技有限公司\n发现党员 2 名";
            Assert.Equal([text], ChannelTextSplitter.Split(text, limit));
        }
    }

    [Theory]
    [InlineData(120)]
    [InlineData(250)]
    public void A_long_list_is_split_at_line_boundaries_in_order_each_part_within_the_limit_and_numbered(int organisations)
    {
        var text = LongList(organisations);
        foreach (var limit in Limits.Where(l => ChannelTextSplitter.Measure(LongList(organisations), l.Measure) > l.Max))
        {
            var parts = ChannelTextSplitter.Split(text, limit);

            Assert.InRange(parts.Count, 2, limit.MaxParts);
            Assert.All(parts, p => Assert.InRange(ChannelTextSplitter.Measure(p, limit.Measure), 1, limit.Max));
            for (var i = 0; i < parts.Count; i++)
            {
                Assert.StartsWith($"（{i + 1}/{parts.Count}）\n", parts[i], StringComparison.Ordinal);
            }

            // Every line arrives whole, once, in order; only blank lines at a part's edge may go.
            var sent = parts.SelectMany(p => Unnumbered(p).Split('\n')).Where(l => l.Length > 0).ToList();
            Assert.Equal(text.Split('\n').Where(l => l.Length > 0), sent);
        }
    }

    [Fact]
    public void Chinese_counts_three_bytes_a_character_so_700_characters_become_two_wecom_messages_cut_after_punctuation()
    {
        var sentence = "今天走访了深圳市云启科技有限公司，了解了企业的生产经营情况，发现党员两名。";
        var text = string.Concat(Enumerable.Repeat(sentence, 700 / sentence.Length + 1));

        var parts = ChannelTextSplitter.Split(text, ChannelTextLimit.WeCom);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 2048, $"{Encoding.UTF8.GetByteCount(p)} bytes"));
        Assert.Equal(text, string.Concat(parts.Select(Unnumbered)));
        Assert.Matches("[，。]$", Unnumbered(parts[0]));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_never_cut_in_half()
    {
        var text = string.Concat(Enumerable.Repeat("👍", 1500));

        var parts = ChannelTextSplitter.Split(text, ChannelTextLimit.DingTalk);

        Assert.True(parts.Count > 1);
        foreach (var part in parts)
        {
            Assert.True(Encoding.UTF8.GetByteCount(part) <= 2048);
            for (var i = 0; i < part.Length; i++)
            {
                Assert.False(char.IsHighSurrogate(part[i]) && (i + 1 == part.Length || !char.IsLowSurrogate(part[i + 1])), $"lone surrogate at {i}");
                Assert.False(char.IsLowSurrogate(part[i]) && (i == 0 || !char.IsHighSurrogate(part[i - 1])), $"lone surrogate at {i}");
            }
        }

        Assert.Equal(text, string.Concat(parts.Select(Unnumbered)));
    }

    [Fact]
    public void Bot_framework_counts_utf16_code_units()
    {
        var text = string.Join('\n', Enumerable.Range(1, 1000).Select(i => "line " + i.ToString(CultureInfo.InvariantCulture) + new string('x', 20)));

        var parts = ChannelTextSplitter.Split(text, ChannelTextLimit.BotFramework);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 15_000));
    }

    [Fact]
    public void Past_the_most_messages_a_reply_may_become_the_rest_is_left_out_with_a_note_counting_the_lines()
    {
        var text = LongList(3000);
        var limit = ChannelTextLimit.WeCom;

        var parts = ChannelTextSplitter.Split(text, limit);

        Assert.Equal(limit.MaxParts, parts.Count);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= limit.Max));
        var note = OmittedNote().Match(parts[^1]);
        Assert.True(note.Success, parts[^1]);
        var sent = parts.SelectMany(p => Unnumbered(p).Split('\n')).Where(l => l.Length > 0 && !OmittedNote().IsMatch(l)).ToList();
        var all = text.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal(all.Take(sent.Count), sent);
        Assert.Equal(all.Count - sent.Count, int.Parse(note.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void With_room_for_one_message_only_the_reply_is_cut_at_a_line_and_says_how_many_lines_were_left_out_unnumbered()
    {
        var text = LongList(200);

        var part = Assert.Single(ChannelTextSplitter.Split(text, ChannelTextLimit.WeCom with { MaxParts = 1 }));

        Assert.True(Encoding.UTF8.GetByteCount(part) <= 2048);
        Assert.DoesNotMatch(PartNumber(), part);
        var lines = part.Split('\n');
        Assert.Equal(text.Split('\n').Take(lines.Length - 1), lines[..^1]);
        var omitted = text.Split('\n').Skip(lines.Length - 1).Count(l => l.Length > 0);
        Assert.Equal(omitted, int.Parse(OmittedNote().Match(lines[^1]).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^（\d+/\d+）\n")]
    private static partial Regex PartNumber();

    [GeneratedRegex(@"其余 (\d+) 行未发送")]
    private static partial Regex OmittedNote();
}
