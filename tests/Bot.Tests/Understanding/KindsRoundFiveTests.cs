using InstructorBot.Bot.Understanding;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// The failure kinds of blind batch h (2026-12-05) in their general form (branch r5-u2h): each test reads a class of
/// messages (a grammar or a word class), never the batch's sentence.
/// </summary>
public sealed class KindsRoundFiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly MessageUnderstanding understanding = new(FixtureLedger.Organizations());

    private UnderstandingResult Understand(string text, string user = "u_zhang") => understanding.Understand(text, FixtureLedger.Users()[user], Now);

    public static IEnumerable<object[]> FormerStateMarkers() => Vocabulary.Default().FormerStateMarkers.Distinct().Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(FormerStateMarkers))]
    public void A_clause_said_of_the_old_joint_form_does_not_make_a_single_formation_joint(string marker)
    {
        var formation = Assert.Single(Understand($"青禾文化{marker}挂在社区的联合党支部里，今天单独成立了党支部，党员五名").Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal(FormationMethod.Single, formation.Method);

        var joint = Assert.Single(Understand("青禾文化和华鼎物流今天联合成立了党支部，党员五名").Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal(FormationMethod.Joint, joint.Method); // no old form said: joint stays joint
    }

    [Theory]
    [InlineData("华鼎物流建了党支部，党员三名，书记是华鼎的工会主席丁伟", "丁伟")]
    [InlineData("青禾文化成立了党支部，党员三名，书记是公司的工会副主席单红", "单红")]
    [InlineData("青禾文化成立了党支部，党员三名，书记是公司的副会长席晓峰", "席晓峰")]
    public void A_title_whose_last_character_is_a_surname_does_not_lend_it_to_the_name(string text, string secretary)
    {
        var formation = Assert.Single(Understand(text).Actions, a => a.Kind == ActionKind.Formation);
        Assert.Equal(secretary, formation.Secretary);
    }

    [Theory]
    [InlineData("智联物流一百三十人，还没有一个党员", 0)]
    [InlineData("蓝海电商员工六十个，没有一名党员", 0)]
    [InlineData("青禾文化员工二十人，有一个党员", 1)]
    public void A_negation_before_one_and_its_measure_is_none(string text, int members)
    {
        var figures = Understand(text).Actions.Select(a => a.PartyMembers ?? a.Count).Where(v => v is not null);
        Assert.Equal(members, figures.First());
    }

    [Theory]
    [InlineData("新来的同事问你是干啥用的，你跟他说说")]
    [InlineData("你是做什么用的")]
    [InlineData("你都能帮忙办什么事")]
    [InlineData("小助手能办哪些事情")]
    public void Asking_what_the_bot_is_for_or_can_do_in_other_words_is_help(string text) =>
        Assert.Equal(ActionKind.Help, Assert.Single(Understand(text).Actions).Kind);
}
