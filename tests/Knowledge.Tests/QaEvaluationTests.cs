using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using InstructorBot.Knowledge.Answering;
using Xunit.Abstractions;

namespace InstructorBot.Knowledge.Tests;

/// <summary>The development questions and our own, scored by the rules of shared/eval/score.py against a real index on disk.</summary>
public sealed class QaEvaluationTests(ITestOutputHelper output)
{
    /// <summary>The contract's JSON: snake_case, enums as snake_case strings.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Not answered as if the documents said it: declined (no citation), or answered under the sure threshold with
    /// <see cref="AskService.Hedge"/> before it. Round 19 (r19-qjudge) lowered the answer threshold by an explicit trade
    /// (<see cref="ThresholdRule.Answer"/>); a few questions these tests had declined ("双强六好的标准是什么", "党员领导干部可以在企业兼职吗",
    /// a changed notice's old 联席会议) are now in the hedged band, whose reply says the documents do not say it and gives the
    /// closest passage. A changed criterion, with its reason in docs/knowledge.md; the strict one returns with a higher threshold.
    /// </summary>
    public static bool DeclinedOrHedged(Answer answer) =>
        answer.Answered ? answer.Text.StartsWith(AskService.Hedge, StringComparison.Ordinal) : answer.Citations.Count == 0;

    /// <summary>
    /// qa-own is the scorer's own fitting set: a fitted scorer trades a few wrong answers to off-corpus questions for many
    /// right answers to context-first ones, so its abstention there is a floor, not 1.0 (held out: <see cref="HeldOutFoldTests"/>).
    /// Round 19 (r19-qjudge) chose the threshold by an explicit trade (<see cref="ThresholdRule.Answer"/>: a no-answer question
    /// answered costs four right answers) instead of abstention first: own abstention 0.93 → 0.897 (most of the answered ones
    /// hedged: <see cref="AskService.Hedge"/>), pass 0.931; the floor moved with the rule, not with a case.
    /// </summary>
    [Theory]
    [InlineData("qa-dev.jsonl", 1.0)]
    [InlineData("qa-own.jsonl", 0.88)]
    public void Answers_the_question_file_above_the_bar_with_001_added_through_index(string file, double abstainFloor)
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        var gold = QaScorer.Load(TestFolder.Data(file));
        var predictions = gold.ToDictionary(
            c => c["id"]!.GetValue<string>(),
            c => JsonSerializer.SerializeToNode(knowledge.Ask(c["question"]!.GetValue<string>()), Json)!.AsObject());
        var result = QaScorer.Score(gold, predictions);

        output.WriteLine(result.ToString());
        foreach (var failure in result.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(result.PassRate >= 0.90, result + "\n" + string.Join('\n', result.Failures));
        Assert.True(result.AbstainAccuracy >= abstainFloor, result.ToString());
        Assert.Equal(1.0, result.RecommendationAccuracy);
    }

    /// <summary>
    /// A round's own batch asked as the CLI asks it (001 added through <c>index</c>), at the floor it reaches when written up:
    /// qa-r19-qjudge.jsonl (round 19: when to answer; 18 questions the documents answer in other words, 8 whose topic is near
    /// the documents but not in them; first run on main 66c1da8 in docs/knowledge.md, "Round 19, branch r19-qjudge"). The
    /// forced answers (whatever the confidence) are reported beside: the ceiling the judge can reach.
    /// </summary>
    [Theory]
    [InlineData("qa-r19-qjudge.jsonl", PassFloorR19, AbstainFloorR19)]
    [InlineData("qa-r20-qask.jsonl", PassFloorR20, AbstainFloorR20)]
    [InlineData("qa-r21-qrank.jsonl", PassFloorR21, AbstainFloorR21)]
    [InlineData("qa-r22-qctx.jsonl", PassFloorR22, AbstainFloorR22)]
    [InlineData("qa-r22-qassoc.jsonl", PassFloorR22Assoc, AbstainFloorR22Assoc)]
    [InlineData("qa-r23-qjudge.jsonl", PassFloorR23, AbstainFloorR23)]
    [InlineData("qa-r24-qanswer.jsonl", PassFloorR24, AbstainFloorR24)]
    public void Answers_a_round_batch_at_its_floor(string file, double passFloor, double abstainFloor)
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        var gold = QaScorer.Load(TestFolder.Data(file));
        var result = QaScorer.Score(gold, Answers(gold, question => knowledge.Ask(question)));
        var forced = QaScorer.Score(gold, Answers(gold, question => knowledge.Asker.AskScored(question).Answer));

        output.WriteLine(result.ToString());
        output.WriteLine("forced: " + forced);
        foreach (var failure in result.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(result.PassRate >= passFloor, result + "\n" + string.Join('\n', result.Failures));
        Assert.True(result.AbstainAccuracy >= abstainFloor, result.ToString());
    }

    /// <summary>Each gold question's answer by <paramref name="ask"/>, as the JSON the scorer reads, by id.</summary>
    private static Dictionary<string, JsonObject> Answers(List<JsonObject> gold, Func<string, Answer> ask) =>
        gold.ToDictionary(c => c["id"]!.GetValue<string>(), c => JsonSerializer.SerializeToNode(ask(c["question"]!.GetValue<string>()), Json)!.AsObject());

    // First run (main 66c1da8): 0.846 / abstain 1.000 (forced: 17 of 18 answerable right); after the round-19 rule and refit
    // 0.808 / 0.875: jd24 (流动党员转组织关系要带哪些材料) answered, hedged, with a sentence on 流动党员; the four declined right
    // answers (jd02, jd06, jd09, jd10) are still under the lower threshold.
    private const double PassFloorR19 = 0.80;
    private const double AbstainFloorR19 = 0.87;

    // qa-r20-qask.jsonl (round 20: questions written context first; 19 the documents answer, 7 near them but not in them).
    // First run (main 6d59443's code): 0.808 / abstain 0.857 (forced: 17 of 19 answerable right); qk02, qk08, qk19 right
    // answers declined, qk01 a wrong passage, qk21 a no-answer question answered (hedged).
    private const double PassFloorR20 = 0.80;
    private const double AbstainFloorR20 = 0.85;

    // qa-r21-qrank.jsonl (round 21: the ranking; 21 questions the documents answer with a member or an everyday word for the
    // documents' term, 4 near them but not in them). First run (r21-int 3df379d's code, through the CLI): 0.920 / abstain
    // 0.750 (forced: 20 of 21 answerable right); rk13 (行业协会 under 商务局: 业务主管单位) declined, rk25 answered.
    private const double PassFloorR21 = 0.92;
    private const double AbstainFloorR21 = 0.75;

    // qa-r22-qctx.jsonl (round 22: the asking clause decides; 21 questions written context first whose context shares words
    // with other passages, 4 near the documents but not in them). First run (r22-int 6f82be5's code, through the CLI, 001
    // indexed): 0.800 / abstain 0.750 (forced: 18 of 21 answerable right); qc01 (中组部的通知 takes the 培训会 sentence's
    // 中组部…通知), qc03 and qc11 (a party-member count in the context takes the advice route), qc08 declined, qc23 answered.
    private const double PassFloorR22 = 0.80;
    private const double AbstainFloorR22 = 0.75;
    // qa-r22-qassoc.jsonl (round 22: users' everyday words for the documents' terms; 22 answerable, 3 the documents do not
    // answer). First run (r22-int 6f82be5's code, through the CLI, 001 indexed): 0.680 / abstain 1.000 (forced: 19 of 22
    // answerable right); qs01 qs05 qs08 qs10 qs14 qs16 qs22 declined, qs07's answer lacks its start date.
    private const double PassFloorR22Assoc = 0.68;
    private const double AbstainFloorR22Assoc = 1.0;
    // qa-r23-qjudge.jsonl (round 23: the judge knows whether the asking clause found its passage itself; 25 questions context
    // first in everyday words, 5 the documents do not answer that share words with them). First run (r23-int 380bd71's code,
    // in process, 001 indexed): 0.833 / abstain 1.000 (forced: 21 of 25 answerable right); qj04 and qj07 a wrong passage,
    // qj12 and qj13 declined, qj15's answer lacks 党员排查.
    private const double PassFloorR23 = 0.83;
    private const double AbstainFloorR23 = 1.0;
    // qa-r24-qanswer.jsonl (round 24: messages typed without punctuation, context first; 8 the documents answer, 2 not). First
    // run (2026-12-08, through the CLI, 001 indexed): main 41cb311's code 0.300 / abstain 1.000 (every answerable one declined
    // but qr08); r24-qanswer 0cd37da's code 0.700 / 1.000 (qr01 qr04 qr08 declined).
    private const double PassFloorR24 = 0.70;
    private const double AbstainFloorR24 = 1.0;

    [Theory]
    [InlineData("qa-own-c.jsonl")]
    [InlineData("blind/qa-2026-12-05-a.jsonl")]
    [InlineData("blind/qa-2026-12-05-b.jsonl")]
    public void Reports_a_batch_of_new_questions_without_asserting_its_score(string file)
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        var gold = QaScorer.Load(TestFolder.Data(file));
        var result = QaScorer.Score(gold, Answers(gold, question => knowledge.Ask(question)));

        output.WriteLine(result.ToString());
        foreach (var failure in result.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.Equal(gold.Count, result.Cases);
    }

    [Theory]
    [InlineData("双强六好的标准是什么？")] // the name is there, its 标准 is not
    [InlineData("入党要交什么材料？")] // 材料 and 缴纳 are there, what it is about (入党) is not
    public void Abstains_when_the_evidence_lacks_what_is_asked_of_the_topic_or_the_topic_itself(string question)
    {
        var answer = AskWithPlan(question);

        Assert.True(DeclinedOrHedged(answer), answer.Text);
    }

    [Theory]
    [InlineData("五个清都是啥？", "经营运行情况清")]
    [InlineData("党员超过五十个能不能建总支？", "总支部")]
    [InlineData("暂时建不了党组织的两新组织要先建啥？", "群团组织")]
    public void Answers_colloquial_wording_through_the_vocabulary(string question, string expected)
    {
        var answer = AskWithPlan(question);

        Assert.True(answer.Answered, question);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我们街道最近排查了不少企业，人手很紧，流动党员外出时要向谁报告？", "报告去向")]
    [InlineData("上周好几个老板问起这事，大家都很关心，联合党组织原则上最多覆盖几个单位？", "不超过3个")]
    [InlineData("我们街道商户非常多又很分散，小微企业谁来兜底管理？", "兜底管理责任")] // 的小微 (分散的小微企业) is no word: 的 joins
    public void Answers_a_question_that_tells_its_situation_before_asking_by_its_asking_clause(string question, string expected)
    {
        var answer = AskWithPlan(question);

        Assert.True(answer.Answered, question);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我们公司有个员工想入党，要交什么材料？")] // the asking clause has no subject: 入党 of the clause before is what it asks about
    [InlineData("党员领导干部可以在企业兼职吗？")] // 兼职 stands in the documents only inside 专兼职
    [InlineData("流动党员电话里怎么报告？")] // 报告 is there, the manner asked about (电话里) is not
    public void Abstains_when_the_asked_topic_is_only_in_the_telling_clause_or_only_inside_a_longer_word(string question)
    {
        var answer = AskWithPlan(question);

        Assert.True(DeclinedOrHedged(answer), answer.Text);
    }

    [Fact]
    public void A_bigram_the_documents_use_inside_a_longer_word_still_answers_when_the_question_uses_that_word()
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);

        var answer = knowledge.Ask("党务工作者队伍要专兼职结合吗？");

        Assert.True(answer.Answered);
        Assert.Contains("专兼职结合", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("流动党员外出时怎么报告？", "报告去向")]
    [InlineData("海口要报的新组建党组织基本情况表，就是附件2，几号前报？", "将附件2报送")] // not the sentence on 附件9 and 附件8
    [InlineData("附件6几号前报？", "附件6")]
    public void Answers_a_how_question_whose_manner_the_documents_hold_and_a_numbered_item_by_its_own_number(string question, string expected)
    {
        var answer = AskWithPlan(question);

        Assert.True(answer.Answered, question);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("四个一群是哪四个？", "排查一批")] // “四个一批” with one character changed
    [InlineData("五个同时是什么？", "同步做好组建准备")] // “五个同步”
    [InlineData("每个支部能有80人吗？", "不超过50人")] // a yes/no question's figure, answered by the documents' own
    [InlineData("排查摸底截止哪天？", "8月26日")] // the heading 全面排查摸底 named without its verb
    public void Answers_a_name_quoted_slightly_wrong_a_proposed_figure_and_a_heading_without_its_verb(string question, string expected)
    {
        var answer = AskWithPlan(question);

        Assert.True(answer.Answered, question);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Known misses since the question bank shipped (round 9): the thesaurus reads 党委 as one of 党组织/党支部/党的组织, and
    /// the bank questions of "凡有3名以上正式党员的…成立党组织" ("几个党员能成立支部") then match a question about a 党委 a little
    /// better (bank 0.52) than those of 001's "党员人数100名以上的…可以成立党的基层委员会" (0.44): the wrong sentence is answered.
    /// Both passed before the bank. The fix is a narrower term's literal match (党委 is a kind of 党组织, not the same); until
    /// then this test fails when they are answered right again, so that they move back to the tests above.
    /// </summary>
    [Theory]
    [InlineData("党委要多少党员才能成立？", "100名")]
    [InlineData("成立党委最少多少党员？", "100名")]
    public void Known_misses_a_narrower_organisation_word_answered_by_the_broader_ones_sentence(string question, string expected)
    {
        var answer = AskWithPlan(question);

        Assert.True(answer.Answered, question);
        Assert.DoesNotContain(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains("3名以上正式党员", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_does_not_open_with_the_documents_heading_number_but_its_quote_keeps_it()
    {
        var answer = AskWithPlan("功能型党组织适合什么样的社会组织？");

        // Since round 8 the question bank ranks the sentence saying which organisations first ("以机关事业单位人员为主体组成的
        // 社会组织等，可以建立功能型党组织…") above the heading-like "4、建立功能型党组织。"; neither opens the answer with the number.
        Assert.True(answer.Answered);
        Assert.Matches("^(建立功能型党组织|以机关事业单位人员为主体)", answer.Text);
        Assert.Contains(answer.Citations, c => (c.Section + c.Quote).Contains("4、建立功能型党组织", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("非党员可以当党建指导员吗？")] // the documents never speak of 非党员
    [InlineData("非会员企业要不要建党组织？")]
    public void Abstains_on_a_negated_word_the_documents_never_negate(string question)
    {
        var answer = AskWithPlan(question);

        Assert.False(answer.Answered, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("今天天气怎么样", AskService.OffTopic)]
    [InlineData("入党需要写几份思想汇报？", AskService.NoAnswer)]
    public void Small_talk_gets_what_the_bot_can_do_and_an_unanswered_policy_question_says_the_documents_do_not_say(string question, string expected)
    {
        var answer = AskWithPlan(question);

        Assert.False(answer.Answered);
        Assert.Equal(expected, answer.Text);
    }

    /// <summary>Asks over the shipped corpus plus 001 (the quality plan the tests add through indexing), in a fresh index.</summary>
    private static Answer AskWithPlan(string question)
    {
        using var folder = new TestFolder();
        using var knowledge = new KnowledgeBase(folder.File("index"), TestFolder.Corpus);
        knowledge.AddDocuments([TestFolder.Data("documents", "001-quality-plan.txt")]);
        return knowledge.Ask(question);
    }
}
