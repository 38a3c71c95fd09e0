using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

// The entry points (Ask, AskScored, the fitting, tracing and tuning views), the shared constants and fields, and the
// types the parts share (Route, ScoredSentence). The rest of the class is in AskService.*.cs, one responsibility a file.

/// <summary>
/// Answers a question from the indexed documents with the sentences that answer it, each cited; abstains when the best
/// evidence does not cover what the question is about; advises on formation for a given or described unit.
/// </summary>
public sealed partial class AskService(KnowledgeIndex index, QuestionAnalyzer analyzer, FormationAdvisor advisor)
{
    private readonly FocusCoverage focus = FocusCoverage.Default(index, analyzer);

    /// <summary>The user's question against the bank's questions of each candidate sentence (<see cref="QuestionBank"/>).</summary>
    private readonly BankMatcher bank = new(index.Bank, index.Segmenter, analyzer, ShippedVocabulary.Value);

    /// <summary>
    /// Share of the question's weight a sentence earns for a bank question that matches the user's perfectly
    /// (<see cref="BankMatch.Score"/> 1): the bank says, in users' words, which sentence answers. Chosen on the forced-answer
    /// ceiling of the own and blind batches (docs/knowledge.md, round 8).
    /// </summary>
    public const double BankShare = 1.0;

    /// <summary>
    /// True to match every candidate sentence's bank questions before ranking (rounds 8–9), instead of only those that can
    /// reach the places of the ranking an answer reads: the reference the pruned match is tested against (BankPruningTests).
    /// </summary>
    internal bool ExhaustiveBank { get; set; }

    /// <summary>How many times a question has been matched with one bank question so far (<see cref="BankMatcher.Matched"/>).</summary>
    public long BankMatches => bank.Matched;

    /// <summary>The asking clauses' content words the scorer weighs (<see cref="AnswerFeatures.Focus"/>).</summary>
    internal FocusCoverage Focus => focus;

    /// <summary>
    /// The thesaurus the asking words are matched with when not the shipped hand thesaurus alone: the one the analyzer was
    /// given (hand entries and learned associations, <see cref="Search.WordAssociations"/>), so both read a question alike.
    /// </summary>
    public IReadOnlyList<ThesaurusEntry> FocusThesaurus
    {
        init => focus = new FocusCoverage(index, ShippedVocabulary.Value, value, analyzer);
    }

    private static readonly Lazy<Vocabulary> ShippedVocabulary = new(Vocabulary.LoadDefault);

    public const string NoAnswer = "已收录的文件里没有找到这方面的规定。";

    /// <summary>
    /// Before an answer the judge is not sure of (confidence between <see cref="AnswerScorer.Threshold"/> and
    /// <see cref="AnswerScorer.Sure"/>): the passage is the most relevant one, and may not answer exactly what was asked. It
    /// says the bot's doubt, not that the documents lack the answer: in the band most answers are right (a–ar: 192 of 234).
    /// </summary>
    public const string Hedge = "以下这段规定最相关，但未必正好回答您的问题：\n";

    /// <summary>The reply to a question none of whose words the documents use ("今天天气怎么样"): what the bot can do instead.</summary>
    public const string OffTopic = "这个问题不在“两个覆盖”工作文件的范围内。我可以解答两新组织党建的政策问题、建议单位怎么组建党组织，也可以登记走访和组建进展。发送“帮助”查看示例。";

    /// <summary>Share of the question's distinctive terms (by weight) the evidence must cover.</summary>
    public const double CoverageThreshold = 0.655;

    private const int Candidates = 30;

    /// <summary>
    /// What a question word earns when it is not in a sentence but in the documents' description of a term the sentence
    /// names ("有名无实" for “空壳”企业): less than the sentence's own words, more than the rest of its passage.
    /// </summary>
    public const double DefinitionCredit = 0.5;

    private static double Described(KeyTerm term, PassageHit hit, int sentence) =>
        hit.DescribedForms.Length > sentence && hit.DescribedForms[sentence].Length > 0 ? term.Credit(hit.DescribedForms[sentence]) : 0;
    private const int MaxQuote = 400;

    /// <summary>
    /// Answers <paramref name="question"/>. <paramref name="ledgerFacts"/> are the ledger's facts for an organisation the
    /// question names; facts stated in the question override them.
    /// </summary>
    public Answer Ask(string question, OrganizationFacts? ledgerFacts = null) => Scored(question, ledgerFacts, Threshold).Answer;

    /// <summary>
    /// The answer the evidence gives whatever its confidence, with that confidence (1 for advice): for choosing
    /// <see cref="Threshold"/> on held-out questions. An answer below the threshold is an abstention.
    /// </summary>
    public (Answer Answer, double Confidence) AskScored(string question, OrganizationFacts? ledgerFacts = null) =>
        Scored(question, ledgerFacts, double.NegativeInfinity);

    /// <summary>The scorer turning an answer's features into its confidence (Resources/answer-scorer.json by default).</summary>
    public AnswerScorer Scorer { get; init; } = AnswerScorer.Default;

    /// <summary>
    /// The scorer for a sentence of a passage without bank questions (a document added through <c>index</c>): fitted with no
    /// bank, as round 7's was (the "without_bank" part of Resources/answer-scorer.json; docs/knowledge.md, round 9).
    /// </summary>
    public AnswerScorer PlainScorer { get; init; } = AnswerScorer.Plain;

    /// <summary>The confidence below which the answer is "no answer" (chosen on held-out own questions: docs/knowledge.md).</summary>
    public double Threshold { get; init; } = AnswerScorer.Default.Threshold;

    /// <summary>
    /// For fitting <see cref="AnswerScorer"/>: the answer the best evidence gives whatever its confidence, and its features
    /// (null for advice and for questions no document word is in: they are not the scorer's to judge).
    /// </summary>
    internal (Answer Answer, AnswerFeatures? Features) Features(string question)
    {
        var sheet = new FeatureSheet();
        var (answer, _) = Scored(question, null, double.NegativeInfinity, sheet);
        return (answer, sheet.Features);
    }

    /// <summary>
    /// For fitting the two scorers: each judge's verdict on the question (<see cref="Route"/>: the bank-aware one when the best
    /// sentence ranked with the bank is in a passage with bank questions, the plain one when the best ranked without it is in
    /// a passage without), and the plain judge's verdict whether or not it would be asked (<paramref name="plain"/>: the
    /// plain scorer is fitted on every question, as round 7's was). Empty for advice and off-topic questions.
    /// </summary>
    internal (Answer Answer, IReadOnlyList<Route> Routes, Route? Plain) Judged(string question)
    {
        var sheet = new FeatureSheet();
        var (answer, _) = Scored(question, null, double.NegativeInfinity, sheet);
        return (answer, sheet.Routes, sheet.Plain);
    }

    private sealed class FeatureSheet
    {
        public AnswerFeatures? Features { get; set; }

        public IReadOnlyList<Route> Routes { get; set; } = [];

        public Route? Plain { get; set; }
    }

    private (Answer Answer, double Confidence) Scored(string question, OrganizationFacts? ledgerFacts, double threshold, FeatureSheet? sheet = null)
    {
        ArgumentNullException.ThrowIfNull(question);

        // A message typed on a phone separates its clauses with spaces ("进度很慢 上面会怎么处理"): they are clause breaks.
        question = SpokenBreak().Replace(question.Trim(), "，");
        // "当员超过50个" typed with the IME's first candidate for "dang yuan": the campaign term put back before analysis.
        question = Typos().Correct(question, RealWord, Written, CommonCharacter);
        if (FactExtractor.AsksForAdvice(question, ledgerFacts is not null))
        {
            var facts = (ledgerFacts ?? new OrganizationFacts()).OverriddenBy(FactExtractor.Extract(question));
            if (facts.Dormant == true || facts.Deregistered == true)
            {
                var reason = facts.Dormant == true ? advisor.DormantReason() : advisor.DeregisteredReason();
                var text = $"{reason.Text}{(reason.Citation is { } c ? $"（见《{c.Document}》{c.Section}）" : string.Empty)}";
                return (new Answer(true, text, reason.Citation is { } cited ? [cited] : [], null), 1);
            }

            if (facts.KnowsMembers && advisor.Advise(facts) is { } recommendation)
            {
                var citations = recommendation.Reasons.Select(r => r.Citation).OfType<Citation>().Distinct().ToList();
                return (new Answer(true, FormationAdvisor.Describe(recommendation, facts), citations, recommendation), 1);
            }
        }

        return Retrieve(RunOn(question), threshold, sheet: sheet);
    }

    /// <summary>A message typed without punctuation, told then asked: broken before its asking part (<see cref="ClauseOpeners"/>).</summary>
    private static string RunOn(string question) => ClauseOpeners.Default.Break(question, ShippedVocabulary.Value.Interrogatives ?? []);

    /// <summary>
    /// For measuring the ranking (the CLI's KB_TRACE): the <paramref name="top"/> best candidate sentences as the forced
    /// answer ranks them, with their section and score, and the forced answer's confidence. Empty for advice and off-topic.
    /// </summary>
    internal (IReadOnlyList<(string Section, string Sentence, double Score)> Ranked, double Confidence) Trace(string question, int top)
    {
        question = Typos().Correct(SpokenBreak().Replace(question.Trim(), "，"), RealWord, Written, CommonCharacter);
        if (FactExtractor.AsksForAdvice(question, false))
        {
            return ([], 1);
        }

        var trace = new List<ScoredSentence>();
        var (_, confidence) = Retrieve(RunOn(question), double.NegativeInfinity, trace);
        return ([.. trace.Take(top).Select(s => (s.Hit.Section, s.Hit.Text[s.Sentences[s.Index]], s.Score))], confidence);
    }

    /// <summary>For tuning: the question's terms with weights, and the best sentences with score and coverage.</summary>
    internal IEnumerable<string> Explain(string question)
    {
        // Read as AskScored reads it: spaces between clauses are breaks, typos put right.
        question = Typos().Correct(SpokenBreak().Replace(question.Trim(), "，"), RealWord, Written, CommonCharacter);
        question = FactExtractor.AsksForAdvice(question, false) ? question : RunOn(question);
        var (terms, weights, _, asking) = Weigh(question);
        for (var i = 0; i < terms.Count; i++)
        {
            yield return $"term {string.Join('/', terms[i].Alternatives)} generic={terms[i].Generic} w={weights[i]:F2}{(asking is not null && !asking[i] ? " telling" : string.Empty)}";
        }

        var trace = new List<ScoredSentence>();
        var sheet = new FeatureSheet();
        var (_, confidence) = Retrieve(question, double.NegativeInfinity, trace, sheet: sheet);
        foreach (var s in trace.Take(6))
        {
            yield return $"{s.Score:F2} cov={s.Coverage:F2} bank={s.Bank.Score:F2} [{s.Hit.Section}] {s.Hit.Text[s.Sentences[s.Index]]}";
        }

        if (bank.Active)
        {
            var reading = bank.Read(question);
            yield return $"bank words {string.Join('/', reading.Words)}; asking {string.Join('/', reading.AskingWords)}";
        }

        foreach (var word in focus.Words(question))
        {
            yield return $"asking word {word.Word} idf={word.Weight:F2} known={word.Known} also={string.Join('/', word.Alternatives.Select(a => a.Word).Concat(word.Abbreviated))}";
        }

        if (sheet.Features is { } features)
        {
            yield return "features " + string.Join(' ', AnswerFeatures.Names.Zip(features.Vector(), (n, v) => $"{n}={v:F2}"));
        }

        yield return $"confidence {confidence:F3}";
    }


    /// <summary>
    /// One judge's verdict on the best sentence of its ranking: the answer it gives, its features, whether the bank-aware
    /// scorer judged it, and its confidence less that scorer's threshold.
    /// </summary>
    internal sealed record Route(Answer Answer, AnswerFeatures Features, bool BankAware, double Margin)
    {
        /// <summary>Declined whatever the scorer says: a definition asked of a sentence that only lists the term.</summary>
        public bool Vetoed { get; init; }

        /// <summary>Its confidence is under its scorer's <see cref="AnswerScorer.Sure"/>: answered, with <see cref="Hedge"/> before it.</summary>
        public bool Hedged { get; init; }
    }

    private static (Answer Answer, double Confidence) Abstain() => (new(false, NoAnswer, [], null), 0);

    private sealed record ScoredSentence(PassageHit Hit, List<Range> Sentences, int Index, double Score, double Coverage)
    {
        /// <summary>The best of the bank's questions of this sentence against the user's.</summary>
        public BankMatch Bank { get; init; } = BankMatch.None;

        /// <summary>
        /// <see cref="Coverage"/> as the judge reads it: a unit type the question names (律所) covered by its class (社会组织) in
        /// the sentence, its headings or its passage (Resources/unit-classes.tsv). The ranking keeps <see cref="Coverage"/>.
        /// </summary>
        public double JudgedCoverage { get; init; }

        /// <summary>The sentence names what a definition question asks about only as one item of a list (its rank is scaled down).</summary>
        public bool Listed { get; init; }

        /// <summary>Place among the candidates as they were scored (passage by passage, sentence by sentence): breaks ties in the ranking.</summary>
        public int Order { get; init; }

        /// <summary>The score before the bank's share and before it is scaled down (<see cref="Score"/> is computed from it).</summary>
        public double Unscaled { get; init; }

        /// <summary>The score without the bank's share: the sentence as ranked before the bank (round 7).</summary>
        public double Plain { get; init; }
    }
}
