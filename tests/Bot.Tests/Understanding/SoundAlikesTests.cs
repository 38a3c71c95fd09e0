using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Stage 1c on its own (<see cref="SoundAlikes"/>): same-sound and near-sound slips of speech recognition and pinyin IMEs
/// read as the vocabulary's words; real words in their own sense, people's names and organisations' names kept; and over
/// every case file the stage changes no reading for the worse.
/// </summary>
public sealed class SoundAlikesTests(ITestOutputHelper output)
{
    private static readonly Vocabulary Words = Vocabulary.Default();
    private static readonly SoundAlikes Sounds = new(Words, SoundAlikes.DefaultMerges, SoundAlikes.DictionaryFrequency);
    private static readonly SoundAlikes SameSoundOnly = new(Words, SoundMerges.None, SoundAlikes.DictionaryFrequency);
    private static readonly MessageUnderstanding With = new(FixtureLedger.Organizations());
    private static readonly MessageUnderstanding Without = new(FixtureLedger.Organizations()) { SoundAlikeMerges = null };

    private static string Correct(string text, SoundAlikes? sounds = null) => (sounds ?? Sounds).Correct(text, _ => []);

    [Theory]
    [InlineData("今天走仿了一家企业", "今天走访了一家企业")]
    [InlineData("发现2名当员", "发现2名党员")]
    [InlineData("发现2名党园", "发现2名党员")]
    [InlineData("成立了党之部", "成立了党支部")]
    [InlineData("今天连合组建了党支部", "今天联合组建了党支部")]
    [InlineData("发现3名流东党员", "发现3名流动党员")]
    [InlineData("其中一名是口代党员", "其中一名是口袋党员")]
    [InlineData("选派了党建指导圆", "选派了党建指导员")]
    [InlineData("团之部今天成立", "团支部今天成立")]
    [InlineData("已经注消了", "已经注销了")]
    [InlineData("我来跟他们结队帮扶", "我来跟他们结对帮扶")]
    public void A_same_sound_slip_of_a_campaign_word_is_read_as_the_word(string said, string read) =>
        Assert.Equal(read, Correct(said, SameSoundOnly));

    [Theory]
    [InlineData("发现一个牛动党员", "发现一个流动党员")] // n/l
    [InlineData("今天成立了党资部", "今天成立了党支部")] // zh/z
    [InlineData("今天层立了党支部", "今天成立了党支部")] // ch/c
    [InlineData("布吉街道湖盖率多少", "布吉街道覆盖率多少")] // f/h
    public void A_near_sound_slip_of_an_accent_or_fuzzy_pinyin_is_read_as_the_word(string said, string read)
    {
        Assert.Equal(said, Correct(said, SameSoundOnly));
        Assert.Equal(read, Correct(said));
    }

    [Theory]
    [InlineData("汇通汽车上礼拜成立了公会", "汇通汽车上礼拜成立了工会")]
    [InlineData("然后呢公会当天也成立了", "然后呢工会当天也成立了")]
    [InlineData("德润物业想把公会弄起来", "德润物业想把工会弄起来")]
    [InlineData("6名党员 书籍周海涛", "6名党员 书记周海涛")]
    [InlineData("升格为党委了 书籍是王海", "升格为党委了 书记是王海")]
    public void A_real_word_in_its_targets_frame_is_the_slip(string said, string read) =>
        Assert.Equal(read, Correct(said));

    [Theory]
    [InlineData("今天去了青禾文化 送了些书籍给他们的职工书屋")]
    [InlineData("老板前几年牵头成立了餐饮行业公会 他自己是会长")]
    [InlineData("今天上午在城里跑了两家")]
    [InlineData("安捷电子给空客做配件")]
    [InlineData("老板讲了讲当年创业的事")]
    [InlineData("没成立工会的原因是员工太分散")]
    [InlineData("应当建立党组织")]
    [InlineData("他们加入了游戏公会")]
    [InlineData("前天去的鹏城数据 新找着俩党员")]
    [InlineData("今天从原来的联合支部拆出来单独建了支部")]
    public void A_real_word_in_its_own_sense_stays(string text) =>
        Assert.Equal(text, Correct(text));

    [Theory]
    [InlineData("今天成立了党支部 书记陈立")]
    [InlineData("成立了党支部 党员3名 书记刘东")]
    [InlineData("书记是刘东")]
    [InlineData("由刘东同志担任")]
    public void A_persons_name_after_a_role_stays_though_it_sounds_like_a_word(string text) =>
        Assert.Equal(text, Correct(text));

    [Fact]
    public void Every_vocabulary_class_is_decided_a_slip_target_or_a_marker_class_and_not_both()
    {
        var classes = typeof(Vocabulary).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
            .Select(p => p.Name).ToList();

        Assert.True(classes.Count > 100, $"{classes.Count} classes");
        Assert.DoesNotContain(classes, c => !SoundAlikes.MarkerClasses.Contains(c) && !SoundAlikes.ContentClasses.Contains(c));
        Assert.Empty(SoundAlikes.MarkerClasses.Intersect(SoundAlikes.ContentClasses));
        Assert.Empty(SoundAlikes.MarkerClasses.Concat(SoundAlikes.ContentClasses).Except(classes));
    }

    [Theory]
    [InlineData("佳和餐饮七十名员工、两名党员，想推动他们建起来，走哪条路合适？")]
    [InlineData("优品超市140个职工，就1个党员，适合走哪条路子组建？")]
    [InlineData("宏图贸易那家 人早就跑光了 执照也注销了")]
    [InlineData("你看那家怎么样 哪家先去")]
    public void Demonstratives_and_interrogatives_are_heard_as_said(string text)
    {
        var understanding = new MessageUnderstanding(FixtureLedger.Organizations());

        var prepared = understanding.Prepared(text, DateTimeOffset.Parse("2026-12-05T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TextNormalizer.Normalize(text).Count(c => c is '哪'), prepared.Count(c => c is '哪'));
        Assert.Equal(TextNormalizer.Normalize(text).Count(c => c is '那'), prepared.Count(c => c is '那'));
    }

    [Fact]
    public void An_organisations_name_is_never_changed_and_the_length_is_kept()
    {
        const string text = "今天走访了流东物流 发现2名当员";
        var read = Sounds.Correct(text, _ => [(5, 9)]);
        Assert.Equal("今天走访了流东物流 发现2名党员", read);
        Assert.Equal(text.Length, read.Length);
    }

    [Fact]
    public void A_message_with_no_slip_comes_back_as_the_same_string_and_asks_for_no_names()
    {
        const string text = "今天走访了云启科技，职工180人，现有党员6名";
        var asked = false;
        var read = Sounds.Correct(text, _ =>
        {
            asked = true;
            return [];
        });
        Assert.Same(text, read);
        Assert.False(asked);
    }

    [Fact]
    public void The_campaign_terms_and_the_word_classes_are_the_words_read()
    {
        var targets = SoundAlikes.Targets(Words).ToHashSet();
        Assert.Contains("党员", targets);
        Assert.Contains("工会", targets);
        Assert.Contains("书记", targets);
        Assert.Contains("走访", targets);
        Assert.All(targets, t => Assert.InRange(t.Length, 2, 4));
        Assert.True(Sounds.Count > 300, $"{Sounds.Count} words");
    }

    [Theory]
    [InlineData("nian", SoundMerges.NL, "lian")]
    [InlineData("fu", SoundMerges.FH, "hu")]
    [InlineData("fang", SoundMerges.FH, "huang")]
    [InlineData("zhi", SoundMerges.ZhZ, "zi")]
    [InlineData("cheng", SoundMerges.ChC | SoundMerges.EnEng, "cen")]
    [InlineData("dang", SoundMerges.AnAng, "dan")]
    [InlineData("liang", SoundMerges.AnAng, "liang")]
    [InlineData("xing", SoundMerges.InIng, "xin")]
    [InlineData("shu", SoundMerges.None, "shu")]
    public void A_syllable_is_heard_as_its_merges_say(string syllable, SoundMerges merges, string heard) =>
        Assert.Equal(heard, SoundAlikes.Merge(syllable, merges));

    [Fact]
    public void Through_the_whole_reading_a_slip_gives_the_fact_and_a_name_comes_back_as_written()
    {
        var reading = With.Understand("云启网络科技今天城立了党之部 书记陈立", FixtureLedger.Users()["u_zhang"], new DateTimeOffset(2026, 12, 17, 10, 0, 0, TimeSpan.FromHours(8)));
        var formation = Assert.Single(reading.Actions);
        Assert.Equal(ActionKind.Formation, formation.Kind);
        Assert.Equal("陈立", formation.Secretary);
        Assert.Equal("深圳市云启网络科技有限公司", formation.Organization);
    }

    /// <summary>
    /// The stage alone over every case text (about 2,900 messages, most with no slip) against the whole reading of the
    /// same messages, timed in the same minutes: a ratio holds on a shared machine where absolute times do not. The budget
    /// is ≤ 60 µs a message for the whole reading at 100,000 organisations (38 µs before): the stage must stay a small part.
    /// </summary>
    [Fact]
    public void The_stage_is_a_small_part_of_a_reading()
    {
        var users = FixtureLedger.Users();
        var cases = Cases().Select(c => (Text: (string)c.Row["text"]!, User: users[(string)c.Row["user"]!],
            Now: DateTimeOffset.Parse((string)c.Row["now"]!, CultureInfo.InvariantCulture))).ToList();
        var texts = cases.Select(c => TextNormalizer.Normalize(c.Text)).ToList();
        texts.ForEach(t => Sounds.Correct(t, _ => []));
        cases.ForEach(c => Without.Understand(c.Text, c.User, c.Now));

        var stage = System.Diagnostics.Stopwatch.StartNew();
        texts.ForEach(t => Sounds.Correct(t, _ => []));
        stage.Stop();
        var reading = System.Diagnostics.Stopwatch.StartNew();
        cases.ForEach(c => Without.Understand(c.Text, c.User, c.Now));
        reading.Stop();

        var share = stage.Elapsed / reading.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{texts.Count} messages: stage {stage.Elapsed.TotalMicroseconds / texts.Count:F2} µs, reading without it {reading.Elapsed.TotalMicroseconds / cases.Count:F2} µs each; share {share:P1} (this build, this machine)"));
        Assert.True(share < 0.35, $"the stage takes {share:P1} of a reading");
    }

    /// <summary>The branch's batch (first run on the code before the stage: see docs/understanding.md) stays where the work left it.</summary>
    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var before = UnderstandingScorer.EvaluateFile("understanding-r7-uhomo.jsonl", Without);
        var after = UnderstandingScorer.EvaluateFile("understanding-r7-uhomo.jsonl", With);
        output.WriteLine($"without the stage: {before}\nwith it: {after}\n{string.Join("\n", after.Failures)}");
        Assert.True(after.CaseExact >= 0.975, $"{after}\n{string.Join("\n", after.Failures)}");
        Assert.True(after.Exact > before.Exact);
    }

    /// <summary>
    /// Over every own, development and blind case (a…k and the older batches): a case whose reading the stage changes
    /// never goes from right to wrong. Prints the cases it puts right.
    /// </summary>
    [Fact]
    public void No_case_of_any_batch_is_lost_to_the_stage()
    {
        var (changed, gained, lost) = Compare(With);
        output.WriteLine($"readings changed: {changed.Count}; gained: {string.Join(", ", gained)}; lost: {string.Join(", ", lost)}");
        foreach (var (id, text) in Cases().Select(c => (c.File + ":" + (string?)c.Row["id"], (string)c.Row["text"]!)).Where(c => changed.Contains(c.Item1)))
        {
            output.WriteLine($"{id}: {text} → {Correct(text)}");
        }

        // Blind batches after k were written after the stage was decided (l, m, n first, docs/understanding.md round 7):
        // there the stage makes slips readable, so the rules' own misses on what they now read show up as losses (round 7:
        // bl05, bl21; round 12: bx04, a help request once 指导原 is 指导员). Bounded, not exempt: at least five gains a loss.
        Assert.DoesNotContain(lost, id => !WrittenAfterTheStage(id));
        Assert.True(gained.Count(WrittenAfterTheStage) >= 10 && lost.Count(WrittenAfterTheStage) * 5 <= gained.Count(WrittenAfterTheStage), $"batches after k gained {gained.Count(WrittenAfterTheStage)}, lost {lost.Count(WrittenAfterTheStage)}");
    }

    /// <summary>A case of a dated blind batch written after the stage was decided: every letter after k (l, m, n in round 7, and
    /// every batch since: o–z, aa…, each unsealed after its first run).</summary>
    private static bool WrittenAfterTheStage(string id)
    {
        var dated = System.Text.RegularExpressions.Regex.Match(id, @"^understanding-\d{4}-\d{2}-\d{2}-([a-z]+)\.jsonl:");
        // Branch batches from round 14 on (understanding-r14-unarr.jsonl: na24) were written long after the stage, like l on.
        var branch = System.Text.RegularExpressions.Regex.Match(id, @"^understanding-r(\d+)-");
        return (dated.Success && (dated.Groups[1].Value.Length > 1 || dated.Groups[1].Value[0] > 'k'))
            || (branch.Success && int.Parse(branch.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 14);
    }

    /// <summary>
    /// Each merge on its own, over every case: how many readings it changes beyond the same-sound stage, and how many it
    /// loses. A merge that loses a case stays out of <see cref="SoundAlikes.DefaultMerges"/>.
    /// </summary>
    [Fact]
    public void Each_merge_in_the_default_loses_no_case()
    {
        var baseline = Readings(new MessageUnderstanding(FixtureLedger.Organizations()) { SoundAlikeMerges = SoundMerges.None });
        foreach (var merge in Enum.GetValues<SoundMerges>().Where(m => m is not SoundMerges.None and not SoundMerges.All))
        {
            var understanding = new MessageUnderstanding(FixtureLedger.Organizations()) { SoundAlikeMerges = merge };
            var (changed, gained, lost) = Compare(understanding, baseline);
            output.WriteLine($"{merge}: readings changed {changed.Count}, gained {gained.Count} ({string.Join(", ", gained)}), lost {lost.Count} ({string.Join(", ", lost)})");
            if (SoundAlikes.DefaultMerges.HasFlag(merge))
            {
                // l–n (written after the merges were chosen): f/h loses bl31 there and gains four; at most one loss each.
                Assert.DoesNotContain(lost, id => !WrittenAfterTheStage(id));
                Assert.True(lost.Count(WrittenAfterTheStage) <= 1, $"{merge} lost {string.Join(", ", lost)}");
            }
        }
    }

    private static IEnumerable<(string File, JsonObject Row)> Cases()
    {
        var data = FixtureLedger.DataFile("");
        var files = Directory.GetFiles(data, "understanding-*.jsonl")
            .Where(f => !f.EndsWith("first-readings.jsonl", StringComparison.Ordinal))
            .Concat(BlindFiles.Understanding())
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var line in File.ReadAllLines(file).Where(l => l.Trim().Length > 0))
            {
                var row = JsonNode.Parse(line)!.AsObject();
                if (row["gold"] is not null && row["text"] is not null)
                {
                    yield return (Path.GetFileName(file), row);
                }
            }
        }
    }

    private static Dictionary<string, (string Json, bool Right)> Readings(MessageUnderstanding understanding)
    {
        var users = FixtureLedger.Users();
        var readings = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        foreach (var (file, row) in Cases())
        {
            var now = DateTimeOffset.Parse((string)row["now"]!, CultureInfo.InvariantCulture);
            var result = understanding.Understand((string)row["text"]!, users[(string)row["user"]!], now);
            var json = UnderstandingJson.ToJson(result, (string?)row["id"]);
            readings[file + ":" + (string?)row["id"]] = (json.ToJsonString(), UnderstandingScorer.Evaluate([(row, json)]).Exact == 1);
        }

        return readings;
    }

    private static (List<string> Changed, List<string> Gained, List<string> Lost) Compare(
        MessageUnderstanding understanding, Dictionary<string, (string Json, bool Right)>? baseline = null)
    {
        baseline ??= Readings(Without);
        var now = Readings(understanding);
        var changed = baseline.Keys.Where(k => baseline[k].Json != now[k].Json).ToList();
        return (changed, [.. changed.Where(k => !baseline[k].Right && now[k].Right)], [.. changed.Where(k => baseline[k].Right && !now[k].Right)]);
    }
}
