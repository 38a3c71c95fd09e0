using InstructorBot.Bot.Understanding;
using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// A ledger unit's short name heard with same-sounding characters resolves as the exact name does. The cases are generated
/// over the fixture ledger's units except the four the class was written from (佳和餐饮, 启航外国语, 仁爱医院, 恒信建筑):
/// one character of the proper part swapped for another of the same reading.
/// </summary>
public sealed class OrganizationSoundAlikeTests
{
    private static readonly string[] WrittenFrom = ["佳和", "启航", "仁爱", "恒信"];

    // Names with no proper part (a trade and a kind only: nothing of theirs is a name to mishear), and one starting with a
    // place (坂田 is a street: 手造咖啡 is the name, found exactly after a misheard place).
    private static readonly string[] NoProperPart = ["电子商务协会", "物流行业协会", "坂田手造咖啡"];

    private static readonly OrganizationIndex Index = new MessageUnderstanding(FixtureLedger.Organizations()).Index;

    [Fact]
    public void One_character_of_the_proper_part_heard_alike_resolves_as_the_exact_short_name()
    {
        var checkedCases = 0;
        var wrong = new List<string>();
        foreach (var org in FixtureLedger.Organizations().Where(o => !WrittenFrom.Any(w => o.Name.Contains(w, StringComparison.Ordinal))))
        {
            var shortName = ShortName(org.Name);
            var exact = Resolve(shortName);
            if (exact is null || NoProperPart.Contains(shortName))
            {
                continue;
            }

            foreach (var run in Slips(shortName, positions: [0, 1]))
            {
                checkedCases++;
                if (Resolve(run) is not { } heard || heard.Written != run || !SameAs(heard, exact))
                {
                    wrong.Add($"{run} (for {shortName})");
                }
            }
        }

        Assert.True(checkedCases >= 30, $"only {checkedCases} cases generated");
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void Two_characters_of_the_proper_part_changed_is_another_unit()
    {
        var linked = new List<string>();
        foreach (var org in FixtureLedger.Organizations())
        {
            var shortName = ShortName(org.Name);
            if (Resolve(shortName) is null)
            {
                continue;
            }

            foreach (var first in Slips(shortName, positions: [0]))
            {
                foreach (var both in Slips(first, positions: [1]).Where(r => r[1] != shortName[1]))
                {
                    if (Resolve(both) is { } heard && (heard.Organization is not null || heard.IsAmbiguous))
                    {
                        linked.Add($"{both} → {heard.Organization?.Name ?? "ambiguous"}");
                    }
                }
            }
        }

        Assert.Empty(linked);
    }

    [Theory]
    [InlineData("今天去了嘉禾餐饮，党员五个", null)] // 佳和 → 嘉禾: both characters changed, a real different unit
    [InlineData("王佳何说他们党员五个", null)] // a person's name: no trade word after it
    [InlineData("家和万事兴，党员五个", null)]
    [InlineData("今天去了恒信建筑，党员五个", "深圳市恒信建筑工程有限公司")] // the exact name stays exact
    public void Controls_are_read_as_before(string text, string? linked)
    {
        var names = Index.FindMentions(text).Where(m => m.Organization is not null || m.IsAmbiguous).Select(m => m.Organization?.Name);
        Assert.Equal(linked is null ? [] : [linked], names);
    }

    [Fact]
    public void The_task_cases_resolve()
    {
        Assert.Equal("深圳市佳和餐饮管理有限公司", Resolve("家和餐饮")?.Organization?.Name);
        Assert.Equal("深圳市龙岗区仁爱医院", Resolve("人爱医院")?.Organization?.Name);
        Assert.Equal("深圳市恒信建筑工程有限公司", Resolve("恒心建筑")?.Organization?.Name);
        Assert.Equal("深圳市龙岗区启航外国语学校", Resolve("起航外国语")?.Organization?.Name);
    }

    [Fact]
    public void A_real_word_or_another_trade_word_is_no_slip()
    {
        var sounds = new OrganizationSoundAlikes(w => w == "华丁精密" ? 1000 : 0);
        sounds.Add("华鼎精密", 2);
        sounds.Add("华鼎物流", 2);

        Assert.Empty(sounds.HeardAs("华丁精密")); // a dictionary word used in its own sense
        Assert.Empty(sounds.HeardAs("华鼎精蜜")); // the trade word is heard right or not at all
        Assert.Equal(["华鼎物流"], sounds.HeardAs("画鼎物流"));
    }

    private static OrganizationMention? Resolve(string name) =>
        Index.FindMentions($"今天去了{name}，党员五个").SingleOrDefault(m => m.Start == 4);

    private static bool SameAs(OrganizationMention heard, OrganizationMention exact) =>
        heard.Organization?.Id == exact.Organization?.Id
        && heard.Candidates.Select(c => c.Id).Order().SequenceEqual(exact.Candidates.Select(c => c.Id).Order());

    private static string ShortName(string name)
    {
        foreach (var prefix in new[] { "深圳市", "广东", "龙岗区", "龙华区" })
        {
            name = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
        }

        return name.EndsWith("有限公司", StringComparison.Ordinal) ? name[..^4] : name;
    }

    /// <summary>The name with one character at each given position swapped for the first two others of its reading that make no known name or word.</summary>
    private static IEnumerable<string> Slips(string name, int[] positions)
    {
        foreach (var at in positions)
        {
            var readings = Pinyin.Readings(name[at]);
            if (readings.Count != 1)
            {
                continue;
            }

            var made = 0;
            foreach (var c in Pinyin.WithReading(readings[0]).Where(c => c != name[at] && Pinyin.Readings(c).Count == 1).Order())
            {
                var run = name[..at] + c + name[(at + 1)..];
                if (made == 2 || SoundAlikes.DictionaryFrequency(run) >= SoundAlikes.RealWordFrequency || Index.FindExact(run) is not null)
                {
                    continue;
                }

                made++;
                yield return run;
            }
        }
    }
}
