using InstructorBot.Bot.Understanding.Tokens;

namespace InstructorBot.Bot.Tests.Understanding.Tokens;

public sealed class ClauseFramesTests
{
    [Theory]
    [InlineData((int)(FrameCues.Question | FrameCues.Visit), (int)FrameType.Question)]
    [InlineData((int)(FrameCues.Plan | FrameCues.Formation), (int)FrameType.Plan)]
    [InlineData((int)(FrameCues.Formation | FrameCues.Coverage | FrameCues.Figures), (int)FrameType.Formation)]
    [InlineData((int)(FrameCues.Coverage | FrameCues.Visit), (int)FrameType.WorkCoverage)]
    [InlineData((int)(FrameCues.Pairing | FrameCues.Figures), (int)FrameType.Pairing)]
    [InlineData((int)(FrameCues.Discovery | FrameCues.Visit | FrameCues.Figures), (int)FrameType.Discovery)]
    [InlineData((int)(FrameCues.Visit | FrameCues.Figures), (int)FrameType.Visit)]
    [InlineData((int)(FrameCues.Figures), (int)FrameType.Facts)]
    [InlineData((int)(FrameCues.None), (int)FrameType.Other)]
    public void A_clause_takes_the_frame_of_its_strongest_head_word(int cues, int type) =>
        Assert.Equal((FrameType)type, ClauseFrames.TypeOf((FrameCues)cues));

    [Fact]
    public void A_clause_that_helps_before_a_joint_formation_is_a_helper()
    {
        // "恒信建筑党支部派驻帮建，智联物流和汇通汽车的联合党支部今天建好了，书记许恒信"
        var types = ClauseFrames.Type([FrameCues.Helping, FrameCues.Formation | FrameCues.Joint, FrameCues.None]);
        Assert.Equal([FrameType.Helper, FrameType.Formation, FrameType.Other], types);
    }

    [Fact]
    public void A_plan_between_the_helper_and_the_formation_does_not_hide_it() =>
        Assert.Equal(FrameType.Helper, ClauseFrames.Type([FrameCues.Helping | FrameCues.Figures, FrameCues.Plan, FrameCues.Formation | FrameCues.Joint])[0]);

    [Theory]
    [InlineData((int)FrameCues.Formation)] // a single body after it: the help is no helper's clause
    [InlineData((int)FrameCues.Figures)] // "…，由星辰半导体党总支带建，党员3名": said after the formation
    public void Help_not_followed_by_a_joint_formation_is_read_by_its_other_words(int next) =>
        Assert.NotEqual(FrameType.Helper, ClauseFrames.Type([FrameCues.Helping | FrameCues.Visit, (FrameCues)next])[0]);

    [Fact]
    public void A_clause_that_forms_itself_is_no_helper_even_when_it_names_the_help() =>
        // "优品超市和坂田手造咖啡派驻帮建的联合支部已经建成，…联合党支部…"
        Assert.Equal(FrameType.Formation, ClauseFrames.Type([FrameCues.Helping | FrameCues.Formation | FrameCues.Joint, FrameCues.Formation | FrameCues.Joint])[0]);
}
