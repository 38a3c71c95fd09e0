using System.Globalization;
using System.Text.Json.Nodes;
using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;
using Xunit.Abstractions;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// The words of doing read in generated messages (<see cref="ActionWordsGrammar"/>: every word of the classes of each
/// recording kind × units × days × numerals × typed/voice; 300 messages a frame, 2,400 in all, seed 20261206), and every
/// word appended from 词林 or speech (tests/data/lexicon-sources.tsv) read in a frame of its class (docs/understanding.md,
/// round 10, branch r10-ulex).
/// </summary>
public sealed class ActionWordsGrammarTests(ITestOutputHelper output)
{
    private const int PerFrame = 300;
    private const int Seed = 20261206;
    private const string Qinghe = "深圳市青禾文化传媒有限公司";

    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations());
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly Vocabulary Words = Vocabulary.Default();

    [Fact]
    public void The_grammar_is_deterministic_large_and_reads_every_word_of_its_classes()
    {
        var first = ActionWordsGrammar.Generate(PerFrame, Seed);
        var second = ActionWordsGrammar.Generate(PerFrame, Seed);
        Assert.Equal(first.Select(c => c.Text), second.Select(c => c.Text));
        Assert.True(first.Select(c => c.Text).Distinct().Count() >= 2000, $"{first.Select(c => c.Text).Distinct().Count()} distinct messages");
        foreach (var frame in ActionWordsGrammar.Frames)
        {
            var words = ActionWordsGrammar.WordsOf(frame);
            Assert.True(words.Count <= PerFrame, $"{frame}: {words.Count} words, more than {PerFrame} messages");
            Assert.All(words, w => Assert.Contains(first, c => c.Frame == frame && c.Text.Contains(w, StringComparison.Ordinal)));
        }

        Assert.Contains(first, c => !c.Text.Contains('，', StringComparison.Ordinal) && c.Text.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void The_generated_messages_are_understood()
    {
        var users = FixtureLedger.Users();
        var rows = ActionWordsGrammar.Generate(PerFrame, Seed).Select(c =>
            (c.Row(), UnderstandingJson.ToJson(Understanding.Understand(c.Text, users[ActionWordsGrammar.User], c.Now), c.Id))).ToList();
        foreach (var frame in ActionWordsGrammar.Frames)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{frame,-10} {UnderstandingScorer.Evaluate([.. rows.Where(r => r.Item1["id"]!.GetValue<string>().StartsWith($"aw-{frame}-", StringComparison.Ordinal))])}"));
        }

        var score = UnderstandingScorer.Evaluate(rows);
        output.WriteLine($"all        {score}");
        foreach (var failure in score.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(score.CaseExact >= 0.99, $"case exact {score.CaseExact:F3} < 0.99:\n{string.Join("\n", score.Failures.Take(40))}");
    }

    [Theory]
    [InlineData("鹏城数据那边九十个人，党员就俩，今天过去聊了聊。", "深圳市鹏城数据服务有限公司")]
    [InlineData("美好时光家政在职家政员42人，我过去核对了花名册", "深圳市美好时光家政服务有限公司")]
    [InlineData("青禾文化 员工四十五个 下午过去核了一遍台账", Qinghe)]
    public void Going_over_to_do_an_activity_is_a_visit_to_the_unit_talked_about(string text, string organization) =>
        Assert.Contains(Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions, a => a is { Kind: ActionKind.Visit } && a.Organization == organization);

    [Theory]
    [InlineData("青禾文化过去一年查了两次台账")] // 过去 as the past
    [InlineData("青禾文化还没对接，明天过去聊聊")] // planned
    [InlineData("今天过去聊了聊")] // no unit talked about
    public void Going_over_is_no_visit_when_past_planned_anothers_or_unplaced(string text) =>
        Assert.DoesNotContain(Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions, a => a.Kind == ActionKind.Visit);

    [Theory]
    [InlineData("瑞康医疗今天新招的工人中有1名党员", 1)]
    [InlineData("青禾文化新来的设计师里面有2名党员", 2)]
    public void Members_among_new_hires_are_hired_members_not_a_total(string text, int count)
    {
        var actions = Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;
        Assert.Contains(actions, a => a.Kind == ActionKind.MemberDiscovery && a.Count == count && a.Categories is { } c && c.Hired == count);
        Assert.DoesNotContain(actions, a => a.Kind == ActionKind.OrgUpdate);
    }


    [Fact]
    public void Members_among_the_staff_are_members_not_staff() =>
        Assert.Contains(Understanding.Understand("青禾文化员工里有3名党员", FixtureLedger.Users()["u_zhang"], Now).Actions, a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 3, Employees: null });

    public static IEnumerable<object[]> SourcedWords() =>
        File.ReadAllLines(FixtureLedger.DataFile("lexicon-sources.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("class\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(f => new object[] { f[0], f[1], f[2], f.Length > 3 ? f[3] : "" });

    [Theory]
    [MemberData(nameof(SourcedWords))]
    public void A_word_taken_from_a_general_source_is_in_its_class_and_reads_in_its_frame(string wordClass, string word, string source, string value)
    {
        Assert.True(source == "spoken" || (source.Length == 8 && source[7] is '=' or '#' or '@' || source.Length == 7), $"source {source}");
        var property = typeof(Vocabulary).GetProperties().Single(p => Snake(p.Name) == wordClass);
        var members = property.GetValue(Words) switch
        {
            IReadOnlyDictionary<string, string> map => map.Keys,
            IEnumerable<string> list => list,
            _ => [],
        };
        Assert.Contains(word, members);
        var (text, reads) = Frame(wordClass, word, value);
        var actions = Understanding.Understand(text, FixtureLedger.Users()["u_zhang"], Now).Actions;
        Assert.True(actions.Any(reads), $"{wordClass} {word}: 「{text}」 read as {string.Join("; ", actions.Select(a => a.ToString()))}");
    }

    private static string Snake(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The frame sentence of a class and what reading it must give.</summary>
    private static (string Text, Func<UnderstoodAction, bool> Reads) Frame(string wordClass, string w, string value) => wordClass switch
    {
        "visit_verbs" => ($"今天{w}青禾文化", a => a is { Kind: ActionKind.Visit, Organization: Qinghe }),
        "motion_verbs" => ($"今天{w}青禾文化了解情况", a => a is { Kind: ActionKind.Visit, Organization: Qinghe }),
        "discovery_verbs" => ($"今天在青禾文化{w}2名党员", a => a is { Kind: ActionKind.MemberDiscovery, Organization: Qinghe, Count: 2 }),
        "hire_verbs" => ($"青禾文化今天{w}2名党员", a => a is { Kind: ActionKind.MemberDiscovery, Count: 2, Categories.Hired: 2 }),
        "formation_verbs" => ($"青禾文化今天{w}了党支部", a => a is { Kind: ActionKind.Formation, Organization: Qinghe, Level: PartyOrganizationLevel.Branch }),
        "completion_verbs" => ($"青禾文化的党支部今天{w}", a => a is { Kind: ActionKind.Formation, Organization: Qinghe, Level: PartyOrganizationLevel.Branch }),
        "member_total_verbs" => ($"青禾文化党员{w}5名", a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 5 }),
        "statuses" => ($"青禾文化已经{w}了", a => a.Kind == ActionKind.OrgUpdate && a.Status == Enum.Parse<OperatingStatus>(value, ignoreCase: true)),
        "status_descriptions" => ($"青禾文化已经{w}了", a => a is { Kind: ActionKind.OrgUpdate, Status: OperatingStatus.Zombie }),
        "split_markers" => ($"青禾文化今天从联合党支部里{w}，单独成立了党支部", a => a is { Kind: ActionKind.Formation, Method: FormationMethod.Single }),
        "titles" => ($"青禾文化今天成立了党支部，书记由{w}王建国兼任", a => a is { Kind: ActionKind.Formation, Secretary: "王建国" }),
        "staff_nouns" => ($"青禾文化今天新招的两个{w}都是党员", a => a is { Kind: ActionKind.MemberDiscovery, Count: 2, Categories.Hired: 2 }),
        "employee_words" => ($"青禾文化{w}45人", a => a is { Kind: ActionKind.OrgUpdate, Employees: 45 }),
        "unit_part_nouns" => ($"今天在青禾文化{w}待了一下午", a => a is { Kind: ActionKind.Visit, Organization: Qinghe }),
        "unit_place_nouns" => ($"今天走访了青禾文化，{w}里45个人", a => a is { Kind: ActionKind.OrgUpdate, Organization: Qinghe, Employees: 45 }),
        "instructor_verbs" => ($"今天给青禾文化{w}党建指导员，由张伟担任", a => a is { Kind: ActionKind.WorkCoverage, Measure: WorkCoverageMeasure.Instructor, Person: "张伟" }),
        "own_scope_words" => ($"{w}覆盖率多少", a => a is { Kind: ActionKind.ProgressQuery, Scope: null }),
        "member_descriptions" => ($"今天在青禾文化找到1名党员，{w}", a => a.Kind == ActionKind.MemberDiscovery
            && (value == "pocket" ? a.Categories is { Pocket: 1 } : value == "hidden" && a.Categories is { Hidden: 1 })),
        "pairing_verbs" => ($"青禾文化由我{w}，争取年底前建起党组织", a => a is { Kind: ActionKind.Pairing, Organization: Qinghe, Secretary: "张伟" }),
        "self_agent_phrases" => ($"青禾文化的一对一帮扶组建{w}了", a => a is { Kind: ActionKind.Pairing, Organization: Qinghe, Secretary: "张伟" }),
        "discovery_after_verbs" => ($"青禾文化今天有2名党员{w}", a => a is { Kind: ActionKind.MemberDiscovery, Organization: Qinghe, Count: 2 }),
        "change_verbs" => ($"青禾文化的党支部今天{w}党总支", a => a is { Kind: ActionKind.Formation, Organization: Qinghe, Level: PartyOrganizationLevel.GeneralBranch }),
        "settled_words" => ($"青禾文化今天成立了党支部，书记{w}，是王建国", a => a is { Kind: ActionKind.Formation, Secretary: "王建国" }),
        "fact_changes" => ($"青禾文化党员{w}5名", a => a is { Kind: ActionKind.OrgUpdate, PartyMembers: 5 }),
        "few_words" => ($"青禾文化跟蓝海电商{w}成立了联合党支部", a => a is { Kind: ActionKind.Formation, Method: FormationMethod.Joint }),
        "correction_markers" => ($"青禾文化员工45人{w}50人", a => a is { Kind: ActionKind.OrgUpdate, Organization: Qinghe, Employees: 50 }),
        "name_boundaries" => ($"青禾文化的人事{w}公司现在45人", a => a is { Kind: ActionKind.OrgUpdate, Organization: Qinghe, Employees: 45 }),
        _ => throw new ArgumentOutOfRangeException(nameof(wordClass), wordClass, "no frame for this class: add one"),
    };
}
