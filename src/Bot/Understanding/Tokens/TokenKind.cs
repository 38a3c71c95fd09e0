namespace InstructorBot.Bot.Understanding.Tokens;

/// <summary>The word classes of the token layer (vocabulary keys in brackets).</summary>
internal enum TokenKind
{
    /// <summary>Any other word (one character where the vocabulary knows no longer word).</summary>
    Word,

    /// <summary>A blank or punctuation.</summary>
    Pause,

    /// <summary>A ledger organisation or a name that looks like one (<see cref="OrganizationIndex"/>).</summary>
    Organization,

    /// <summary>A day (<see cref="DateExpressions"/>).</summary>
    Date,

    /// <summary>A figure: 6, 十二, 一百七 (=170), 三百二 (=320), 俩, 仨.</summary>
    Number,

    /// <summary>名/个/位/人 (and 个人) right after a figure; <see cref="Token.Key"/> is "人" when it counts people.</summary>
    Measure,

    /// <summary>党员 and its categories (member_categories): a count noun for members.</summary>
    Members,

    /// <summary>职工/员工/从业人员… (employee_words) and 人 standing alone before a figure: a count noun for employees.</summary>
    Employees,

    /// <summary>是/有/呢/一共/还是/就剩… (fact_fillers, figure_particles): may stand between a count noun and its figure.</summary>
    Particle,

    /// <summary>约/左右/多/来 (approximation_prefixes/suffixes): the figure is not exact.</summary>
    Approximation,

    /// <summary>嗯/那个/就是 (spoken_fillers).</summary>
    Filler,

    /// <summary>然后/另外/上午/下午 (sequence_words, topic_shift_markers): the speaker turns to the next thing.</summary>
    Turn,

    /// <summary>那边/这边 (topic_place_words): "at that one", a new topic.</summary>
    Place,

    /// <summary>去了/走访/跑了 (visit_verbs, motion_verbs).</summary>
    Visit,

    /// <summary>发现/找到 (discovery_verbs).</summary>
    Discovery,

    /// <summary>不对/哦不是/说错了 (correction_markers, pause_correction_markers).</summary>
    Correction,

    /// <summary>没有/没/不 (negation_markers).</summary>
    Negation,

    /// <summary>一样/没变/同上次 (same_as_before_words): a figure said as the same as an earlier report.</summary>
    Same,

    /// <summary>他们/公司/说 (head_count_leads): whose head count follows, or the report of it ("人事说现在二百六十个人").</summary>
    HeadCountLead,
}
