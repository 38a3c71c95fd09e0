using System.Text;

namespace InstructorBot.Bot.Understanding;

/// <summary>
/// The word classes of ASKING (round 10, branch r10-uask), from the <c>asking</c> map of vocabulary.json (data, not code):
/// the interrogative mood (spoken question words and the written ones they stand for, final particles, 哪 + a numeral) and
/// the objects a question or request asks for (the bot's capabilities, a document's rule, a unit's ledger card, the ledger
/// as a file, the sender's own activity). Several classes were widened from 哈工大同义词词林扩展版 (jieba.NET's
/// cn_synonym.txt): Ba10B01/Ka35B01/Ka35C01 (什么 啥 啥子 甚么 怎么 咋样 哪样 干吗), Da25A01/Da25A02/De04B06 (功能 功用
/// 作用 职能 用处 用途 用场 本领 本事 能耐), Dk17B01/Di24A03 (文件 文书 公文 规定 规程), Da21A01 (情况 情形 状况 状态),
/// Dk18B01/Bp18A05 (表 表格 报表 名册 花名册 名单).
/// </summary>
internal sealed class AskingWords
{
    private readonly (string Spoken, string Written)[] variants;

    public AskingWords(IReadOnlyDictionary<string, List<string>> words)
    {
        List<string> List(string key) => words.TryGetValue(key, out var list) ? list : [];
        KeywordSet Of(string key) => new(List(key));
        variants = [.. List("question_word_variants").Select(v => v.Split('=')).Where(p => p.Length == 2 && p[0].Length > 0)
            .Select(p => (p[0], p[1])).OrderByDescending(p => p.Item1.Length)];
        SpokenQuestionWords = new KeywordSet(variants.Select(v => v.Spoken));
        FinalParticles = Of("final_particles");
        WhichNumerals = Of("which_numerals");
        CapabilityNouns = Of("capability_nouns");
        CapabilityHaves = Of("capability_haves");
        CapabilityObjects = Of("capability_objects");
        BesidesMarkers = Of("besides_markers");
        DocumentRuleWords = Of("document_rule_words");
        LedgerPlaces = Of("ledger_places");
        CardStates = Of("card_states");
        LedgerFileWords = Of("ledger_file_words");
        SelfActivityAdverbs = Of("self_activity_adverbs");
        SelfActivityVerbs = Of("self_activity_verbs");
        CoverageNouns = Of("coverage_nouns");
        FormationNouns = Of("formation_nouns");
        ConjunctJoiners = Of("conjunct_joiners");
        ConjunctEllipsisMarkers = Of("conjunct_ellipsis_markers");
        ConjunctShowVerbs = Of("conjunct_show_verbs");
        ConjunctRestatements = Of("conjunct_restatements");
        ConjunctAdditives = Of("conjunct_additives");
        ConjunctComparisons = Of("conjunct_comparisons");
        ConjunctSelfWords = Of("conjunct_self_words");
        RetractionErrorWords = Of("retraction_error_words");
    }

    /// <summary>Words that join two requests in one message (和/跟/还有/另外/再/顺便/以及): a conjunct may start at one.</summary>
    public KeywordSet ConjunctJoiners { get; }

    /// <summary>单独/也/再/分别: a conjunct that repeats the request before it for another scope or person ("坂田的再单独导一个").</summary>
    public KeywordSet ConjunctEllipsisMarkers { get; }

    /// <summary>The verbs of showing or sending a repeated request keeps (列/导/拉/发/报).</summary>
    public KeywordSet ConjunctShowVerbs { get; }

    /// <summary>也/再/还/另外/分别/各: an adverb that adds a request to the one before, or spreads one over several.</summary>
    public KeywordSet ConjunctAdditives { get; }

    /// <summary>比/相比/对比: 跟/和/与 before one of these (跟上个月比) introduce what is compared, they join no requests.</summary>
    public KeywordSet ConjunctComparisons { get; }

    /// <summary>就是/也就是/我是说: what follows restates the request before it, it asks nothing new.</summary>
    public KeywordSet ConjunctRestatements { get; }

    /// <summary>我/本人/我自己: the sender as the person of a repeated request ("我自己跑的单独列一下").</summary>
    public KeywordSet ConjunctSelfWords { get; }

    /// <summary>
    /// Words of error that also take a record back (报错了, 记错了): with a figure said as it should be (是/应该是 + a figure)
    /// they are part of the figure's correction, not an undo.
    /// </summary>
    public KeywordSet RetractionErrorWords { get; }

    /// <summary>啥/咋/干嘛: spoken question words, each standing for a written one (什么/怎么/干什么).</summary>
    public KeywordSet SpokenQuestionWords { get; }

    /// <summary>来着/吗/呢: particles that close a question.</summary>
    public KeywordSet FinalParticles { get; }

    /// <summary>哪三/哪几: 哪 and a numeral ask which ones ("到底是哪三有来着").</summary>
    public KeywordSet WhichNumerals { get; }

    /// <summary>功能/用处/本事: what the bot is good for, asked with 有 and a question word ("还有啥用处").</summary>
    public KeywordSet CapabilityNouns { get; }

    /// <summary>有/还有: the bot has (a capability).</summary>
    public KeywordSet CapabilityHaves { get; }

    /// <summary>干嘛/干啥: a doing and its question word said as one ("会干嘛").</summary>
    public KeywordSet CapabilityObjects { get; }

    /// <summary>除了: "除了记走访还能干嘛": the work named after it is mentioned, not reported.</summary>
    public KeywordSet BesidesMarkers { get; }

    /// <summary>文件里/规定/怎么说的: the object asked is a document's rule.</summary>
    public KeywordSet DocumentRuleWords { get; }

    /// <summary>台账上/台账里/登记的: where a unit's record is kept, asked about after the unit's name.</summary>
    public KeywordSet LedgerPlaces { get; }

    /// <summary>情况/状况: a unit's state asked for.</summary>
    public KeywordSet CardStates { get; }

    /// <summary>台账/导出/excel: the ledger as a file; without one, a table asked of a figure is the figure's table.</summary>
    public KeywordSet LedgerFileWords { get; }

    /// <summary>都/一共/大概: adverbs between the sender (我) and the verb of the sender's own activity.</summary>
    public KeywordSet SelfActivityAdverbs { get; }

    /// <summary>走访/去了/跑过: the sender's own activity asked about.</summary>
    public KeywordSet SelfActivityVerbs { get; }

    /// <summary>覆盖率/覆盖情况/组建率: the coverage figure named in a table asked for.</summary>
    public KeywordSet CoverageNouns { get; }

    /// <summary>新建党组织/新成立/组建了: the formations figure named in a table asked for.</summary>
    public KeywordSet FormationNouns { get; }

    /// <summary>The text with each spoken question word written as the written one, or null when it holds none.</summary>
    public string? WrittenQuestionWords(string text)
    {
        if (!SpokenQuestionWords.ContainsAny(text))
        {
            return null;
        }

        var written = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var match = variants.FirstOrDefault(v => text.AsSpan(i).StartsWith(v.Spoken, StringComparison.Ordinal));
            if (match.Spoken is null)
            {
                written.Append(text[i]);
                continue;
            }

            written.Append(match.Written);
            i += match.Spoken.Length - 1;
        }

        return written.ToString();
    }
}
