using System.Text;

namespace InstructorBot.Bot.Tests.Hardening;

/// <summary>
/// Messages meant to break a turn: correction markers before numerals, the parser crashes of issue 10, emoji, lone
/// surrogates, empty and 2,000-character texts, control characters, absurd numbers and dates, markup, deep nesting of
/// the grammar's own markers. <see cref="Random"/> adds CJK text from a seeded generator, so every run sends the same.
/// </summary>
internal static class HostileMessages
{
    public static readonly IReadOnlyList<string> Fixed =
    [
        // Correction markers followed by numerals (issue 10: 不对，发现2名党员 stopped the host).
        "不对，撤销上一条记录", "不对，发现2名党员", "不对，是3名", "不对，3", "不是，改成5名党员", "错了，应该是十二名",
        "更正：发现0名党员", "不对，发现-1名党员", "不对，发现99999999999名党员", "不对，不对，不对，发现2名党员",
        "不对不对，撤销", "说错了，是昨天", "不对，是顺达快递，发现1名流动党员", "纠正一下，2名", "不对，第2个",
        // The two parser crashes of issue 10.
        "今天走访了皮包公司，建议怎么处理？", "今天走访了皮包公司，建议怎么处理？今天走访了皮包公司，建议怎么处理？",
        // Emoji, joined emoji, flags, skin tones, a half emoji.
        "😀😀😀", "今天走访了云启科技👍发现2名党员🎉", "👨‍👩‍👧‍👦", "🇨🇳🇨🇳", "👍🏽", "\ud83d", "\ude00今天",
        // Lone surrogates anywhere.
        "\ud800", "今天\udc00走访了云启科技", "发现\udbff2名党员", "\udfff\ud800",
        // Empty and blank.
        "", " ", "\u3000", "\n\n\t", "\u200b", "。", "？？？", "!!!",
        // Length: at, over and far over the limit.
        new string('今', 2000), new string('党', 2001), string.Concat(Enumerable.Repeat("今天走访了云启科技，", 200)),
        string.Concat(Enumerable.Repeat("不对，", 666)), new string('（', 1999), string.Concat(Enumerable.Repeat("和", 1999)),
        string.Concat(Enumerable.Repeat("建议怎么处理？", 285)),
        // The time grammar's links and anchors said over and over in a question (round 24: "到以来" fourteen times, 49
        // characters, took over a minute; "截至" a thousand times 25 s).
        "我走访了多少家" + string.Concat(Enumerable.Repeat("到以来", 14)), "我走访了多少家" + new string('到', 1990),
        "我走访了多少家" + string.Concat(Enumerable.Repeat("截至", 995)), "覆盖率多少" + string.Concat(Enumerable.Repeat("上周到11月1日以来起", 180)),
        // Control characters and bidirectional overrides.
        "\u0000", "今天\u0000走访了云启科技", "\u202e技科启云了访走天今", "\u001b[31m红色\u001b[0m", "\r\n\r\n",
        // Absurd numbers.
        "发现一万亿名党员", "发现1e10名党员", "发现NaN名党员", "发现∞名党员", "发现二十亿零一名党员", "职工-5人", "0", "-1",
        "99999999999999999999", "第0个", "第2147483648个", "1", "3", "１２３", "发现０名党员", "发现一点五名党员",
        // Absurd dates.
        "9999年12月31日走访了云启科技", "0年1月1日走访了云启科技", "2月30日走访了云启科技", "13月1日走访了云启科技",
        "上上上上上上周五走访了云启科技", "昨天的昨天的昨天走访了云启科技", "明年走访了云启科技", "公元前221年走访了顺达快递",
        "10000年后走访了云启科技", "0点0分走访了云启科技",
        // Markup, injection, JSON as text.
        "<script>alert(1)</script>", "=1+1", "=HYPERLINK(\"http://x\")", "'; DROP TABLE visits;--", "{\"text\":1}", "[]", "null",
        "%s%s%s%n", "${jndi:ldap://x}", "../../etc/passwd",
        // Binding and commands in odd shapes.
        "绑定 000000", "绑定 绑定 绑定 绑定", "绑定", "撤销", "撤销撤销撤销", "取消", "帮助帮助", "help",
        // Ordinary messages, so the hostile ones sit between real turns.
        "今天走访了云启科技", "昨天去顺达快递，发现2名党员，其中1名口袋党员", "坂田街道覆盖率多少？", "帮助",
        "顺达快递有2名党员，职工95人，适合采用什么方式组建党组织？", "云启科技情况怎么样", "应建未建的有哪些",
        "今天走访了深圳市佳和餐饮管理有限公司", "不对，撤销上一条记录",
    ];

    /// <summary><paramref name="count"/> messages of random CJK, punctuation, digits and grammar words, from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<string> Random(int seed, int count)
    {
        var random = new Random(seed);
        string[] words = ["今天", "昨天", "走访", "发现", "名", "党员", "不对", "撤销", "和", "，", "？", "云启科技", "顺达快递", "建议", "怎么",
            "处理", "覆盖率", "街道", "组建", "联合", "1", "2", "十", "百", "万", "😀", "流动", "口袋", "上周五", "号", "。"];
        var messages = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 40);
            for (var j = 0; j < length; j++)
            {
                text.Append(random.Next(3) switch
                {
                    0 => words[random.Next(words.Length)],
                    1 => (char)random.Next(0x4E00, 0x9FA6),
                    _ => (char)random.Next(0x20, 0x7F),
                });
            }

            messages.Add(text.ToString());
        }

        return messages;
    }
}
