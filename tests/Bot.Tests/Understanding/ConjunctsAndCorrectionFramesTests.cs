using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Figures;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// Round 13, branch r13-umulti (docs/understanding.md): several requests in one message, each its own action with its own
/// scope, the scope shared or not by the coordination (和/还有/另外/再/顺便/然后, a list of streets or people, a conjunct that
/// repeats the one before for another scope); and a figure or a name corrected in either order (不是63是68, 应该是68个不是63,
/// 63说错了应该68), with an undo and the record said anew in one message. Cases generated over scopes, metrics, joiners,
/// units and figures other than the batch's, plus the branch batch (tests/data/understanding-r13-umulti.jsonl).
/// </summary>
public sealed class ConjunctsAndCorrectionFramesTests
{
    private static readonly MessageUnderstanding Understanding = new(FixtureLedger.Organizations())
    {
        KnownPeople = () => ["张伟", "刘洋", "赵敏", "孙磊", "陈静", "王强"],
    };

    private static readonly DateTimeOffset Now = new(2026, 12, 16, 10, 0, 0, TimeSpan.FromHours(8));

    private static IReadOnlyList<UnderstoodAction> Read(string text, string user = "u_wang") =>
        Understanding.Understand(text, FixtureLedger.Users()[user], Now).Actions;

    /// <summary>Metric phrases: how the figure is asked, and the metric.</summary>
    private static readonly (string Asked, ProgressMetric Metric)[] Metrics =
    [
        ("的覆盖率多少", ProgressMetric.Coverage),
        ("还有哪些应建未建的单位", ProgressMetric.Unformed),
        ("上个月新建了几个党组织", ProgressMetric.Formations),
    ];

    private static readonly string[] Streets = ["龙城街道", "横岗街道", "民治街道", "大浪街道"];

    [Fact]
    public void Two_figures_of_one_scope_joined_share_the_scope()
    {
        var misses = new List<string>();
        foreach (var street in Streets)
        {
            foreach (var joiner in (string[])["？另外", "，顺便", " 然后", "？还有"])
            {
                for (var i = 0; i < Metrics.Length; i++)
                {
                    var j = (i + 1) % Metrics.Length;
                    var text = $"{street}{Metrics[i].Asked}{joiner}{Metrics[j].Asked.TrimStart('的')}也列一下";
                    var read = Read(text);
                    var want = new[] { (Metrics[i].Metric, street), (Metrics[j].Metric, street) };
                    if (!read.Select(a => (a.Metric ?? default, a.Scope)).SequenceEqual(want.Select(w => (w.Item1, (string?)w.Item2))))
                    {
                        misses.Add($"{text} => {string.Join("; ", read.Select(a => $"{a.Kind}/{a.Metric}/{a.Scope}"))}");
                    }
                }
            }
        }

        Assert.True(misses.Count <= 2, string.Join("\n", misses));
    }

    [Theory]
    [InlineData("龙城街道的覆盖率多少？另外横岗还有哪些该建没建的", "龙城街道", "横岗")]
    [InlineData("民治的台账导出来，大浪的再单独导一份", "民治", "大浪")]
    [InlineData("把横岗街道的台账导一份 龙城街道的也单独导一份", "横岗街道", "龙城街道")]
    public void Each_conjunct_keeps_the_scope_it_names(string text, string first, string second)
    {
        var read = Read(text);
        Assert.Equal([first, second], read.Select(a => a.Scope));
    }

    [Fact]
    public void A_conjunct_for_the_own_scope_and_one_for_a_street()
    {
        var read = Read("全区的台账导出来，另外横岗的单独再导一个");
        Assert.Equal([(ActionKind.Export, (string?)null), (ActionKind.Export, "横岗")], read.Select(a => (a.Kind, a.Scope)));
    }

    [Fact]
    public void People_listed_before_one_figure_give_one_question_each()
    {
        var read = Read("孙磊和陈静上个月各走访了几家");
        Assert.Equal(["孙磊", "陈静"], read.Select(a => a.Person));
        Assert.All(read, a => Assert.Equal((ProgressMetric.Visits, new DateOnly(2026, 11, 1)), (a.Metric ?? default, a.From ?? default)));
    }

    [Fact]
    public void Streets_listed_without_their_suffix_give_one_question_each()
    {
        Assert.Equal(["龙城", "民治"], Read("龙城和民治两个街道分别新建了几个党组织").Select(a => a.Scope));
    }

    [Theory]
    [InlineData("龙城街道现在覆盖率到多少了 就是建了组织的占多少")]
    [InlineData("横岗街道应建没建的 给我拉个单子")]
    [InlineData("布吉街道的覆盖率和单独组建率现在多少？")]
    [InlineData("帮我拉一下我们街道应建未建的名单，社会组织那几家我要单独看")]
    public void One_request_said_again_is_one_request(string text) => Assert.Single(Read(text));

    /// <summary>Units, count nouns and figures for the correction frames (other than the batch's).</summary>
    private static readonly (string Unit, string Name)[] Units =
    [
        ("佳和餐饮", "深圳市佳和餐饮管理有限公司"),
        ("明德学校", "深圳市龙华区明德实验学校"),
        ("正衡律所", "广东正衡律师事务所"),
        ("智联物流", "深圳市智联物流有限公司"),
    ];

    [Fact]
    public void A_figure_corrected_in_either_order_is_the_figure_asserted()
    {
        var misses = new List<string>();
        foreach (var (unit, name) in Units)
        {
            foreach (var (noun, members) in ((string, bool)[])[("党员", true), ("职工", false), ("员工", false)])
            {
                foreach (var frame in (string[])["{0}应该是{1}个不是{2}", "{0}是{1}不是{2}", "{0}不是{2}是{1}", "{0}不是{2}，是{1}", "{0}{2}个说错了 应该是{1}个"])
                {
                    var said = string.Format(frame, noun, 37, 31);
                    var text = $"{unit}的{said}";
                    var update = Read(text, "u_liu").SingleOrDefault(a => a.Kind == ActionKind.OrgUpdate);
                    if (update?.Organization != name || (members ? update.PartyMembers : update.Employees) != 37 || Read(text, "u_liu").Count != 1)
                    {
                        misses.Add($"{text} => {string.Join("; ", Read(text, "u_liu").Select(a => $"{a.Kind}/{a.PartyMembers}/{a.Employees}"))}");
                    }
                }
            }
        }

        Assert.True(misses.Count <= 3, string.Join("\n", misses));
    }

    [Theory]
    [InlineData("撤回上一条 佳和餐饮的职工数报错了 不是70 是76", 76)]
    [InlineData("刚才那条发错了，撤回，智联物流的人数不是130是136", 136)]
    [InlineData("上一条作废 正衡律所的党员应该是4个", 4)]
    public void An_undo_and_the_figure_said_anew(string text, int figure)
    {
        var read = Read(text, "u_liu");
        Assert.Equal(ActionKind.Undo, read[0].Kind);
        var update = Assert.Single(read, a => a.Kind == ActionKind.OrgUpdate);
        Assert.Equal(figure, update.PartyMembers ?? update.Employees);
    }

    [Theory]
    [InlineData("佳和餐饮党员数应该是三个 不是两个 之前报错了")]
    [InlineData("明德学校职工不是120是126，上周报错了")]
    public void A_word_of_error_inside_a_figures_correction_is_no_undo(string text) =>
        Assert.DoesNotContain(Read(text, "u_liu"), a => a.Kind == ActionKind.Undo);

    [Theory]
    [InlineData("刚才那条记错了")]
    [InlineData("上一条记错了 撤回")]
    public void A_word_of_error_alone_still_takes_the_record_back(string text) =>
        Assert.Equal(ActionKind.Undo, Assert.Single(Read(text, "u_liu")).Kind);

    [Fact]
    public void A_name_asserted_then_denied_is_the_name_asserted()
    {
        var formation = Assert.Single(Read("明德学校昨天成立党支部了 书记是周明 不是周明华 党员五个", "u_chen"), a => a.Kind == ActionKind.Formation);
        Assert.Equal("周明", formation.Secretary);
    }

    [Fact]
    public void The_branch_batch_keeps_its_score()
    {
        var score = UnderstandingScorer.EvaluateFile("understanding-r13-umulti.jsonl", Understanding);
        Assert.True(score.CaseExact >= 0.88, $"{score}\n{string.Join("\n", score.Failures)}");
    }
}
