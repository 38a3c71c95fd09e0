using InstructorBot.Bot.Understanding;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>Random text built from the words the rules look for never throws.</summary>
public sealed class RandomTextTests
{
    [Fact]
    public void Ten_thousand_random_messages_from_report_words_never_throw()
    {
        string[] pieces = ["今天", "昨天", "上周五", "16号", "11月", "走访", "去了", "发现", "其中", "名", "个", "党员", "口袋", "流动", "职工", "人", "多",
            "成立", "联合", "党支部", "党委", "由", "带建", "书记", "担任", "工会", "指导员", "选派", "云启", "华鼎", "科技", "有限公司", "深圳市",
            "一", "十", "百", "两", "3", "0", "，", "？", "吗", "怎么", "没有", "准备", "撤销", "导出", "街道", "区", "我", "帮扶", "一对一", "😀", "\u0000", " ", "."];
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());
        var zhang = FixtureLedger.Users()["u_zhang"];
        var now = new DateTimeOffset(2026, 11, 18, 15, 30, 0, TimeSpan.FromHours(8));
        var random = new Random(42);
        for (var i = 0; i < 10_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            var result = understanding.Understand(text, zhang, now);
            Assert.NotNull(result);
            Assert.All(result.Actions, a => Assert.True(!a.IsRecord || a.Date is not null, text));
        }
    }
}
