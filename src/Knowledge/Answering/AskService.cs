using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

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

        return Retrieve(question, threshold, sheet: sheet);
    }

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
        var (_, confidence) = Retrieve(question, double.NegativeInfinity, trace);
        return ([.. trace.Take(top).Select(s => (s.Hit.Section, s.Hit.Text[s.Sentences[s.Index]], s.Score))], confidence);
    }

    /// <summary>For tuning: the question's terms with weights, and the best sentences with score and coverage.</summary>
    internal IEnumerable<string> Explain(string question)
    {
        // Read as AskScored reads it: spaces between clauses are breaks, typos put right.
        question = Typos().Correct(SpokenBreak().Replace(question.Trim(), "，"), RealWord, Written, CommonCharacter);
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

    private (Answer Answer, double Confidence) Retrieve(string question, double threshold, List<ScoredSentence>? trace = null, bool renamed = false, FeatureSheet? sheet = null)
    {
        var (terms, weights, predicate, asking) = Weigh(question);
        if (!terms.Any(t => t.Words.Max(DocumentFrequency) > 0))
        {
            // Nothing the question says is a word of the documents: small talk or another subject.
            return (new Answer(false, OffTopic, [], null), 0);
        }

        var defined = AsksDefinition(question) ? QuestionAnalyzer.MatchForm(question) : null;
        var subject = defined is null ? null : DefinedSubject(defined);
        // People are counted in 人, 名 or 位 alike ("多少名党员" is answered by "不超过50人"), and "几个党员" counts people too.
        var unit = AskedUnit().Match(analyzer.Asked(question)) is { Success: true } u
            ? PersonUnits.Contains(u.Groups["u"].Value, StringComparison.Ordinal) || u.Groups["p"].Success ? PersonUnits : u.Groups["u"].Value
            : null;
        // "要具备哪几个条件" asks for items: a sentence listing some ("有场所、有人员、有经营") says what they are.
        var asksList = AnswerKind.Asked(analyzer.Asked(question)) == AnswerKind.Kind.List;

        // Words in the word field, bigrams only inside words; the clauses that only tell the situation weigh less. The
        // question's content words also meet the bank's questions of each passage.
        var reading = bank.Active ? bank.Read(question) : null;
        var hits = index.Search(question, terms, asking is null ? null : [.. asking.Select(a => a ? 1.0 : ContextWeight)], Candidates,
            reading is null ? null : bank.Query(reading, (float)ContextWeight));
        if (hits.Count == 0)
        {
            return Abstain();
        }

        if (!renamed && NearName(question, hits) is { } corrected)
        {
            // "三同时" for the documents' "三同步": asked again with the name they use.
            return Retrieve(corrected, threshold, trace, renamed: true, sheet);
        }

        var asksQuantity = analyzer.AsksQuantity(question);

        // "联系安排表在哪" is answered by "联系安排表见附件2".
        var asksWhere = WherePattern().IsMatch(question);
        var asksTime = analyzer.AsksTime(question);
        var distinctTotal = terms.Select((t, i) => t.Generic ? 0 : weights[i]).Sum();
        var allTotal = weights.Sum();
        var topScore = hits.Max(h => h.Score);
        var questionForm = QuestionAnalyzer.MatchForm(question);
        var labelled = LabelledNumber().Matches(questionForm).Select(m => (Label: m.Groups["l"].Value, Number: m.Groups["n"].Value)).ToList();
        // Per candidate passage, by its place among the hits (a dictionary by PassageHit would hash its whole text per sentence).
        var ownHeading = hits.Select(h => OwnHeading(h.Section)).ToArray();

        // "联合党组织能覆盖5个单位吗？": a yes/no question proposes a figure; a sentence giving one in the same unit ("不超过3个")
        // answers it, yes or no.
        var proposed = new string?[terms.Count];

        // "党委最少多少党员？" is answered by "党员人数100名以上的…": a figure with 以上 states the least, one with 以下 the most.
        var bound = terms.Select(t => !asksQuantity ? null : t.Alternatives.Contains("至少") ? LeastFigure() : t.Alternatives.Contains("最多") ? MostFigure() : null).ToArray();
        if (YesNo().IsMatch(questionForm))
        {
            foreach (System.Text.RegularExpressions.Match m in ProposedFigure().Matches(questionForm))
            {
                var i = terms.FindIndex(t => t.Alternatives[0] == m.Groups["n"].Value);
                if (i >= 0)
                {
                    proposed[i] = m.Groups["u"].Value;
                }
            }
        }

        // A question that negates nothing and asks no yes/no ("要先具备哪几个条件") is not answered by a sentence that holds its
        // word only negated ("暂不具备条件的"); a yes/no question may be answered no ("党费要交两份吗" ← "不重复交纳党费").
        var affirmative = !YesNo().IsMatch(questionForm) && !questionForm.Any(c => Negators.Contains(c));
        // "多少人以上就得建支部" asks for the least figure: "30人以上" answers it, "不超过50人" does not.
        var askedBound = asksQuantity && unit is not null ? AskedBound(questionForm) : null;
        var scored = new List<ScoredSentence>();

        // Per candidate: its bank keys (null when it has none) and what scales its score after the bank's share.
        var pendingKeys = new List<BankKeys?>();
        var scales = new List<(bool Listed, bool OtherLabel, bool Annex)>();
        // A term's credit in a passage's headings and in its whole text is the same for each of its sentences: read once per
        // passage, when first needed (NaN: not read yet).
        var contextCredits = new double[terms.Count];
        var passageCredits = new double[terms.Count];
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            Array.Fill(contextCredits, double.NaN);
            Array.Fill(passageCredits, double.NaN);
            // The bank's questions of each sentence that has some: the best of them against the user's question, computed
            // here for every sentence only when exhaustive (the reference); else only for the sentences the answer reads
            // (Ranking).
            var keysOf = reading is null ? null : hit.AskedBySentence;
            var banked = keysOf is null || !ExhaustiveBank ? null : keysOf.ToDictionary(k => k.Key, k => bank.Best(reading!, k.Value));
            var passage = hit.MatchText;
            var context = hit.MatchContext;
            double ContextCredit(int i) => double.IsNaN(contextCredits[i]) ? contextCredits[i] = terms[i].Credit(context) : contextCredits[i];
            double PassageCredit(int i) => double.IsNaN(passageCredits[i]) ? passageCredits[i] = terms[i].Credit(passage) : passageCredits[i];
            var sentences = hit.SentenceRanges;
            for (var s = 0; s < sentences.Count; s++)
            {
                var sentence = hit.SentenceForms[s];
                if (sentence.Length < 4)
                {
                    continue;
                }

                // "目标任务是什么" is answered by the passage under the heading "一、目标任务": its heading speaks for it.
                // "集中组建截止哪天" names the heading "抓好集中组建" without its leading verb.
                var headed = ownHeading[h] is { Length: >= 3 } heading && (questionForm.Contains(heading, StringComparison.Ordinal)
                    || heading.Length >= 6 && questionForm.Contains(heading[2..], StringComparison.Ordinal));
                var contextCredit = headed ? 1.0 : 0.6;
                double covered = 0, distinct = 0, classGain = 0;
                for (var i = 0; i < terms.Count; i++)
                {
                    var own = terms[i].Credit(sentence);
                    if (affirmative && own > 0 && OnlyNegated(terms[i], sentence))
                    {
                        // "要具备哪些条件" against "暂不具备条件的，…": the sentence speaks of those who lack what the question asks about.
                        own *= NegatedCredit;
                    }

                    if (own > 0 && OnlyInAdverb(terms[i], sentence, questionForm))
                    {
                        // "遵循什么原则" against "原则上，每个联合党组织…": 原则上 says "as a rule", it states no 原则.
                        own *= AdverbCredit;
                    }

                    var credit = own >= 1 || bound[i] is { } figure && figure.IsMatch(sentence) ? 1.0 : proposed[i] is { } proposedUnit && HasCount(sentence, proposedUnit) ? Math.Max(own, 0.8)
                        : Math.Max(Math.Max(own, DefinitionCredit * Described(terms[i], hit, s)), Math.Max(ContextCredit(i) * contextCredit, PassageCredit(i) * 0.25));
                    covered += credit * weights[i];
                    distinct += terms[i].Generic ? 0 : credit * weights[i];
                    if (terms[i].UnitClass is not null && !terms[i].Generic)
                    {
                        // The judge's coverage (not the ranking's): a unit type the question names is covered by its class.
                        var byClass = ClassCredit(terms[i], hit, sentence);
                        classGain += Math.Max(byClass - credit, 0) * weights[i];
                    }
                }

                var score = covered + 0.05 * allTotal * hit.Score / topScore - 0.0005 * sentence.Length * allTotal / 10;
                if (asksQuantity && unit is not null && HasCount(sentence, unit) && (askedBound is null || HasBoundedCount(sentence, unit, askedBound)))
                {
                    // "多少天" and a sentence saying "100天": the strongest sign there is that it answers.
                    score += 0.3 * allTotal;
                }
                else if (asksQuantity && unit is null && HasQuantity(sentence))
                {
                    score += 0.12 * allTotal;
                }
                else if (asksList && !asksQuantity && (AnswerKind.Holds(AnswerKind.Kind.List, sentence) || Semicolons().Count(sentence) >= 2))
                {
                    score += 0.12 * allTotal;
                }

                if (asksTime && HasDate(sentence))
                {
                    score += 0.12 * allTotal;
                }
                else if (asksTime && HasDate(hit.Section))
                {
                    // A dated heading ("（三）全面排查摸底（8月26日前）") dates the passage below it, less surely than its own words.
                    score += 0.06 * allTotal;
                }

                if (headed)
                {
                    score += 0.1 * allTotal;
                }

                var keys = keysOf is not null && keysOf.TryGetValue(s, out var held) ? held : null;
                var bankMatch = banked is not null && banked.TryGetValue(s, out var matched) ? matched : BankMatch.None;

                // "落实“三会一课”、党员民主评议…等" names the term among others; it does not say what it is.
                var listed = defined is not null && (OnlyListed(hit.Text[sentences[s]], defined) ?? subject is not null && OnlyListedPlain(sentence, subject));

                // "附件2几号前报" against a sentence on 附件9 and 附件8: the same kind of thing, another one of them.
                var otherLabel = labelled.Count > 0 && labelled.Any(l => LabelledNumber().Matches(sentence).Any(m => m.Groups["l"].Value == l.Label))
                    && !labelled.Any(l => LabelledNumber().Matches(sentence).Any(m => m.Groups["l"].Value == l.Label && m.Groups["n"].Value == l.Number));

                // "联系安排表见附件2。" names the topic but says nothing about it.
                var annex = !asksWhere && (sentence.Contains("见附件", StringComparison.Ordinal) || sentence.StartsWith("附件", StringComparison.Ordinal));
                var scale = (listed, otherLabel, annex);
                var plain = Ranked(score, 0, scale, bankShare: false);
                var coverage = listed ? 0 : distinctTotal > 0 ? distinct / distinctTotal : covered / allTotal;
                var judgedCoverage = listed ? 0 : distinctTotal > 0 ? (distinct + classGain) / distinctTotal : (covered + classGain) / allTotal;
                scored.Add(new ScoredSentence(hit, sentences, s, Ranked(score, bankMatch.Score, scale, bankShare: true), coverage)
                    { Bank = bankMatch, Plain = plain, Order = scored.Count, Unscaled = score, JudgedCoverage = judgedCoverage, Listed = listed });
                pendingKeys.Add(banked is null ? keys : null);
                scales.Add(scale);
            }
        }

        if (scored.Count == 0)
        {
            return Abstain();
        }

        Ranking ranked;
        if (reading is null || ExhaustiveBank)
        {
            ranked = Ranking.Exact([.. scored.OrderByDescending(x => x.Score)]);
        }
        else
        {
            // Each sentence with bank questions stands at the score its best possible match would give, until read.
            var pending = pendingKeys.Select(k => k is not null).ToArray();
            var bounds = scored.Select((x, i) => pendingKeys[i] is { } keys ? Ranked(x.Unscaled, bank.Bound(reading, keys), scales[i], bankShare: true) : x.Score).ToArray();
            var candidates = scored.Select((x, i) => pending[i] ? x with { Score = bounds[i] } : x).ToList();
            ranked = Ranking.Lazy(candidates, bounds, pending, i =>
            {
                var match = bank.Best(reading, pendingKeys[i]!);
                return scored[i] with { Score = Ranked(scored[i].Unscaled, match.Score, scales[i], bankShare: true), Bank = match };
            });
        }

        trace?.AddRange(ranked);

        // Two judges (docs/knowledge.md, round 9): a sentence of a passage the bank has questions for is ranked with its bank
        // match and judged by the bank-aware scorer; one of a passage without bank questions (a document added through
        // `index`, a passage the bank's writers left) is ranked and judged as before the bank, by the scorer fitted without
        // it. Each route's best sentence is judged by its own scorer against its own threshold; the larger margin answers.
        var routes = new List<Route>(2);
        var plainRanked = reading is null ? ranked : Ranking.Exact([.. scored.Select(x => x with { Score = x.Plain, Bank = BankMatch.None }).OrderByDescending(x => x.Score)]);
        if (reading is not null && ranked[0].Hit.Asked.Count > 0)
        {
            routes.Add(Judge(ranked, Scorer, bankAware: true));
        }

        if (routes.Count == 0 || plainRanked[0].Hit.Asked.Count == 0)
        {
            routes.Add(Judge(plainRanked, reading is null ? Scorer : PlainScorer, bankAware: false));
        }

        var chosen = routes.MaxBy(r => r.Margin)!;
        if (sheet is not null)
        {
            sheet.Features = chosen.Features;
            sheet.Routes = routes;
            sheet.Plain = routes.FirstOrDefault(r => !r.BankAware) ?? Judge(plainRanked, PlainScorer, bankAware: false);
        }

        // On the bank-aware scorer's scale: its threshold plus the chosen route's margin over its own.
        var confidence = Math.Clamp(Threshold + chosen.Margin, 0, 1);
        if (confidence < threshold)
        {
            return Abstain();
        }

        // Between the threshold and the sure one (round 19): answered, with the bot's doubt said before it (Hedge). The forced
        // answer (no threshold: fitting, traces) stays as the judge gave it.
        return (chosen.Hedged && !double.IsNegativeInfinity(threshold) ? chosen.Answer with { Text = Hedge + chosen.Answer.Text } : chosen.Answer, confidence);

        // The rank of a sentence: its score before the bank, plus the bank's share of its match, scaled down for what makes it
        // a poor answer; in this order, so that the exhaustive and the pruned ranking compute the same numbers.
        double Ranked(double unscaled, double bankScore, (bool Listed, bool OtherLabel, bool Annex) scale, bool bankShare)
        {
            var score = unscaled;
            if (bankShare)
            {
                score += BankShare * allTotal * bankScore;
            }

            score = scale.Listed ? score * 0.3 : score;
            score = scale.OtherLabel ? score * 0.6 : score;
            return scale.Annex ? score * 0.5 : score;
        }

        Route Judge(Ranking ranked, AnswerScorer scorer, bool bankAware)
        {
            var best = ranked[0];
            // "双强六好的标准是什么" against "争创“双强六好”先进基层党组织": the name is there, what is asked of it (标准) is not.
            var predicateIndex = terms.FindIndex(t => t.Alternatives[0] == predicate);
            var predicateMissing = predicateIndex >= 0
                && !terms[predicateIndex].CoveredBy(best.Hit.SentenceForms[best.Index]) && !terms[predicateIndex].CoveredBy(best.Hit.MatchContext);
            // A question that tells its situation first is judged by its asking clauses: the situation is the asker's own.
            var judged = asking is null ? best.JudgedCoverage : AskingCoverage(terms, weights, asking, best, bound);
            // "党员组织关系网上怎么转接": the documents say 转接, but the manner the how-question asks about (网上, right before
            // 怎么) is a word they never use.
            var asksAt = analyzer.FirstInterrogative(question);
            var form = QuestionAnalyzer.MatchForm(question);
            var modifierMissing = predicateIndex >= 0 && !predicateMissing && asksAt > 0 && HowWords.Any(w => form.AsSpan(asksAt).StartsWith(w, StringComparison.Ordinal))
                && terms.Any(t => t.Run >= 0 && !t.Generic && t.Start >= 0 && t.Start + t.Alternatives[0].Length == asksAt && t.Words.Max(DocumentFrequency) == 0);
            // "可以由非党员担任吗": the documents speak of 党员 but never of 非党员; a sentence on 党员 answers another question.
            var bestForm = best.Hit.SentenceForms[best.Index];
            var negationMissing = Negated().Matches(form).Any(m => DocumentFrequency(m.Value[..2]) == 0 && DocumentFrequency(m.Groups["w"].Value) > 0
                && !bestForm.Contains(m.Value, StringComparison.Ordinal));
            var subjectMissing = Clauses().Matches(question.Trim()).Count == 0 && SubjectShare(terms, weights, best, analyzer.AskedAt(question), bound) < SubjectThreshold;
            var (answerText, answerEnd) = Expand(best);
            var answerParts = new List<string> { answerText };
            if (QuestionAnalyzer.MatchForm(answerText).Length < 16 && best.Index + 1 < best.Sentences.Count)
            {
                // A heading-like sentence ("招聘一批。") is answered by the sentence that follows it.
                var following = best.Sentences[best.Index + 1];
                answerParts[0] = best.Hit.Text[best.Sentences[best.Index].Start.Value..following.End.Value];
                answerEnd = Math.Max(answerEnd, following.End.Value);
            }

            var ordinals = Enumerated(best, answerEnd);
            if (ordinals.Count > 0)
            {
                // "做到“三结合”" is spelled out by the "一是…二是…" sentences that follow it.
                answerParts[0] += string.Concat(ordinals.Select(r => best.Hit.Text[r]));
            }

            var answerStart = best.Sentences[best.Index].Start.Value;
            var quoteFrom = best.Index;
            if (asksTime && !HasDate(answerParts[0]) && best.Index > 0 && HasDate(best.Hit.Text[best.Sentences[0]]))
            {
                // The date is in the passage's heading: answer with the heading, quote from it.
                answerParts[0] = best.Hit.Text[best.Sentences[0]] + answerParts[0];
                quoteFrom = 0;
            }

            foreach (var sibling in ranked.Among(x => x.Order != best.Order && x.Hit == best.Hit && x.Plain >= 0.85 * best.Plain
                && (x.Sentences[x.Index].Start.Value < answerStart || x.Sentences[x.Index].Start.Value >= answerEnd)).Take(1))
            {
                // A sibling that announces a list ("做到“五个清”：") brings the list with it, as the best sentence would.
                var (siblingText, siblingEnd) = Expand(sibling);
                answerParts.Add(siblingText);

                // The quote carries every sentence of the answer taken from this passage.
                quoteFrom = Math.Min(quoteFrom, sibling.Index);
                answerEnd = Math.Max(answerEnd, siblingEnd);
            }

            var citations = new List<Citation> { new(best.Hit.DocumentTitle, best.Hit.Section, QuoteOf(best with { Index = quoteFrom }, answerEnd)) };
            var used = new HashSet<PassageHit> { best.Hit };
            // Only sentences close enough to the best one's plain score are cited, each passage once, by its first sentence
            // (below): the others' order is never read.
            foreach (var next in ranked.Among(x => x.Hit != best.Hit && x.Plain >= 0.6 * best.Plain).FirstOfEachPassage())
            {
                if (citations.Count >= 3)
                {
                    break;
                }

                if (next.Plain < 0.6 * best.Plain)
                {
                    // Cited, and joined to the answer (as a sibling above), by the score without the bank's share: a bank
                    // question lifts the answer, not its neighbours out of it (round 8 lost the web chat's second part and
                    // citation so). Without the bank, Plain is the score.
                    continue;
                }

                if (!used.Add(next.Hit))
                {
                    continue;
                }

                var (text, end) = Expand(next);
                citations.Add(new Citation(next.Hit.DocumentTitle, next.Hit.Section, QuoteOf(next, end)));
                if (answerParts.Count < 2 && next.Plain >= 0.85 * best.Plain && next.Coverage >= CoverageThreshold
                    && !TextCleaner.Normalize(answerParts[0]).Contains(TextCleaner.Normalize(text), StringComparison.Ordinal))
                {
                    answerParts.Add(text);
                }
            }

            // A phone shows the answer, not the document's numbering: "4、建立功能型党组织…" reads "建立功能型党组织…" (quotes keep it).
            var answer = LeadingNumber().Replace(string.Join('\n', Once(answerParts)), string.Empty);

            // "多久开一次？" answered by a sentence with no figure or date is likely not answered.
            var figureMissing = (asksQuantity || asksTime) && !HasQuantity(answer) && !HasDate(answer);
            var neighbourhood = string.Concat(best.Hit.SentenceForms[Math.Max(best.Index - 1, 0)..Math.Min(best.Index + 2, best.Hit.SentenceForms.Length)]);
            var features = WithAnswerKind(Measure(terms, weights, asking, best, ranked, bound, judged, predicateMissing, modifierMissing, negationMissing, subjectMissing, figureMissing)
                with { Focus = focus.Measure(question, best.Hit.SentenceForms[best.Index], best.Hit.MatchContext, best.Hit.MatchText, neighbourhood), Bank = best.Bank,
                    SentenceMargin = ranked.Count < 2 || best.Score <= 0 ? 1 : Math.Clamp((best.Score - ranked[1].Score) / best.Score, 0, 1),
                    PlainShare = plainRanked[0].Plain <= 0 ? 1 : Math.Clamp(best.Plain / plainRanked[0].Plain, 0, 1) },
                question, terms, weights, asking, best, ranked, bound, answer);
            // "三会一课具体指什么" against "落实“三会一课”、民主评议党员…等": the sentence names what is to be defined only as one
            // item of a list; it says nothing of what it is, however well the bank's questions of it match (no answer).
            var vetoed = defined is not null && best.Listed;
            var confidence = scorer.Confidence(features);
            return new Route(new Answer(true, answer, citations, null), features, bankAware, vetoed ? -1 : confidence - scorer.Threshold)
                { Vetoed = vetoed, Hedged = confidence < scorer.Sure };
        }
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

    /// <summary>
    /// The question with a name quoted slightly wrong put right: a run the documents never write that is one of their quoted
    /// names (“三同步”, “功能型党组织”, “挂点促建”) with one character changed, or with one character added at its end
    /// ("五个清楚" for “五个清”). Numerals are never changed ("四个一批" is not "三个一批"). Null when there is none.
    /// </summary>
    private string? NearName(string question, IReadOnlyList<PassageHit> hits)
    {
        var form = QuestionAnalyzer.MatchForm(question);
        bool Written(string run) => hits.Any(h => h.MatchText.Contains(run, StringComparison.Ordinal));
        var names = hits.SelectMany(h => QuotedNames(h.Text)).Where(n => !form.Contains(n, StringComparison.Ordinal)).Distinct().ToList();
        foreach (var name in names)
        {
            for (var at = 0; at + name.Length <= form.Length; at++)
            {
                var run = form.Substring(at, name.Length);
                var differ = Enumerable.Range(0, name.Length).Where(i => run[i] != name[i]).ToList();
                if (differ.Count == 1 && TextCleaner.IsCjk(run[differ[0]]) && !Numerals.Contains(run[differ[0]]) && !Numerals.Contains(name[differ[0]])
                    && !Written(run) && question.Contains(run, StringComparison.Ordinal))
                {
                    return question.Replace(run, name, StringComparison.Ordinal);
                }
            }
        }

        var quoted = hits.SelectMany(h => QuotedNames(h.Text)).Distinct().ToList();
        foreach (var name in quoted)
        {
            var at = form.IndexOf(name, StringComparison.Ordinal);
            if (at < 0 || at + name.Length >= form.Length)
            {
                continue;
            }

            var run = form.Substring(at, name.Length + 1);
            var tail = string.Concat(name[^1], run[^1]);
            if (TextCleaner.IsCjk(run[^1]) && !FunctionCharacters.Contains(run[^1]) && !Written(run) && quoted.Any(n => n.EndsWith(tail, StringComparison.Ordinal))
                && question.Contains(run, StringComparison.Ordinal))
            {
                return question.Replace(run, name, StringComparison.Ordinal);
            }
        }

        return null;
    }

    private const string Numerals = "零一二两三四五六七八九十百千";

    /// <summary>The quoted names of three or more Han characters of each passage text, in match form and in order (read once per text).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string[]> quotedNames = new();

    private string[] QuotedNames(string text) => quotedNames.GetValue(text, static t =>
        [.. QuotedName().Matches(t).Select(m => QuestionAnalyzer.MatchForm(m.Groups["n"].Value)).Where(n => n.Length >= 3 && n.All(TextCleaner.IsCjk))]);

    /// <summary>Weight of a term that only the clauses telling the situation hold ("我们社区有家物业公司，…，该怎么建？").</summary>
    public const double ContextWeight = 0.45;

    /// <summary>
    /// The question's terms with their weights, and the word it turns on. In a question that first tells its situation and
    /// then asks, the telling clauses weigh <see cref="ContextWeight"/>, and their words the documents never use (人手不够, 顾虑)
    /// are dropped: they are the asker's own account, which no document could hold. The last item marks the terms the asking
    /// clauses hold (null when the whole question asks).
    /// </summary>
    private (List<KeyTerm> Terms, double[] Weights, string? Predicate, bool[]? Asking) Weigh(string question)
    {
        var total = Math.Max(index.PassageCount, 1);
        var form = QuestionAnalyzer.MatchForm(question);
        // A word of three or four characters the documents write ("联络员") stands for its bigrams (联络, 络员); one they do
        // not write leaves them.
        // A bigram across two words of the question ("对税" in 对|税务, "来抓" in 来|抓) is an artefact of reading two characters
        // at a time, not something the question asks about: it is no term (one the documents hold still weighs little, below).
        var terms = WithoutJunctions(analyzer.Terms(question)).Where(t => !t.CrossesWords || DocumentFrequency(t.Alternatives[0]) > 0).Select(t => Unbound(t, form))
            .Where(t => t.IsWord ? Written(t.Alternatives[0]) : t.InWord is not { } word || !Written(word))
            .Where(t => !Spoken(t)).ToList();
        var mask = analyzer.AskingMask(question);
        var asked = mask is null ? form : string.Concat(form.Select((c, i) => mask[i] ? c : '|'));
        bool Telling(KeyTerm t) => mask is not null && t.Start >= 0 && t.Start < mask.Length && !mask[t.Start]
            && !t.Alternatives.Any(a => asked.Contains(a, StringComparison.Ordinal));

        // The asking clauses are the question's focus however long the preamble: a rich account of the asker's campaign work
        // must neither make an off-corpus question look answered nor dilute an answerable one. Only an asking clause that
        // names nothing the documents speak of ("那还需要另外配人吗？", "该怎么办？") leaves the clause before it to say what it
        // asks about, and failing that the whole question.
        bool AsksKnown() => terms.Any(t => !t.Generic && !Telling(t) && t.Words.Max(DocumentFrequency) > 0);
        if (mask is not null && !AsksKnown())
        {
            mask = analyzer.AskingMask(question, extend: true);
            asked = mask is null ? form : string.Concat(form.Select((c, i) => mask[i] ? c : '|'));
        }

        if (mask is not null && !AsksKnown())
        {
            mask = null;
            asked = form;
        }

        terms = [.. terms.Where(t => !Telling(t) || t.Words.Max(DocumentFrequency) > 0)];
        var predicate = Predicate(asked);

        // The word a question turns on counts in full even when it is a campaign word ("几月份开始" turns on 开始).
        terms = [.. terms.Select(t => t.Generic && t.Alternatives[0] == predicate ? t with { Generic = false } : t)];
        var weights = terms.Select(t => Weight(t, total) * (IsMiddle(t, terms) ? 0.5 : 1) * (t.Alternatives[0] == predicate ? 1.5 : 1)
            * (Telling(t) ? ContextWeight : 1) * (Junction(t) ? JunctionWeight : 1)).ToArray();
        return (terms, weights, predicate, mask is null ? null : [.. terms.Select(t => !Telling(t))]);
    }

    /// <summary>
    /// A term no passage uses that stands for a word of speech ("一年回来不了几次": 回来; "当时", "这么", "以后"; see
    /// <see cref="QuestionAnalyzer.IsEverydayWord"/>): it
    /// says nothing the documents could answer or miss, so it neither asks nor counts against coverage. Rarer words no
    /// passage uses (补贴, 年龄, 工资) stay, however common: they are what an off-corpus question asks about.
    /// </summary>
    private bool Spoken(KeyTerm term)
    {
        var word = term.IsWord || term.InWord is null ? term.Alternatives[0] : term.InWord;
        return term.Alternatives.Count == 1 && term.Words.Max(DocumentFrequency) == 0 && word.Length >= 2 && QuestionAnalyzer.IsEverydayWord(word)
            && (word == term.Alternatives[0] || QuestionAnalyzer.IsEverydayWord(term.Alternatives[0]));
    }

    private static readonly string[] HowWords = ["怎么", "怎样", "如何", "咋"];

    /// <summary>Weight of a bigram across two words that the documents happen to hold (<see cref="Junction"/>).</summary>
    public const double JunctionWeight = 0.6;

    /// <summary>
    /// A bigram across two words of the question that the documents hold ("党员|有" → 员有, rare in 001's "党员有…"): a rare
    /// junction would weigh as a rare word and decide; it counts little, for the phrase it may still match ("党员积分").
    /// One they never hold keeps its weight: it tells that the question says something they do not.
    /// </summary>
    private bool Junction(KeyTerm term) => (term.CrossesWords || term.GuessedJoin) && DocumentFrequency(term.Alternatives[0]) > 0;

    /// <summary>Characters that join words rather than start one: "分散的小微企业" does not make 的小微 a word.</summary>
    private const string FunctionCharacters = "的地得和与及或等在对为是了把被从向由以将之其";

    /// <summary>How often a bigram may occur for <see cref="Unbound"/> to look at every place it stands.</summary>
    private const int BoundLookup = 6;

    /// <summary>
    /// A rare bigram the documents only ever use after one same character, as the end of a longer word ("兼职" only in
    /// "专兼职"), is another word where the question puts it after another character ("在企业兼职"): it then stands for the
    /// question's own three characters, which the documents do not hold.
    /// </summary>
    private KeyTerm Unbound(KeyTerm term, string form)
    {
        var bigram = term.Alternatives[0];
        // Only where the question's own word runs on to the left ("企业兼职"): a bigram after a question word ("几月结束") starts its word.
        if (term.Run < 0 || term.Position < 1 || term.Start < 1 || bigram.Length != 2 || DocumentFrequency(bigram) is 0 or > BoundLookup)
        {
            return term;
        }

        char? Around(int at) => at >= 0 && at < form.Length && TextCleaner.IsCjk(form[at]) ? form[at] : null;
        var left = Around(term.Start - 1);
        var lefts = new HashSet<char?>();
        var count = 0;
        foreach (var hit in index.Search([bigram], BoundLookup))
        {
            // Quotes kept: "“三有”" starts a word where the quote stands.
            var text = TextCleaner.Normalize(hit.Text);
            for (var at = text.IndexOf(bigram, StringComparison.Ordinal); at >= 0; at = text.IndexOf(bigram, at + 1, StringComparison.Ordinal))
            {
                lefts.Add(at > 0 && TextCleaner.IsCjk(text[at - 1]) ? text[at - 1] : null);
                count++;
            }
        }

        // "业兼" is nowhere in the documents while "每个" (of "每个社区") is: only a junction the documents never make is another word.
        if (count >= 2 && lefts.Count == 1 && lefts.First() is { } boundLeft && !FunctionCharacters.Contains(boundLeft) && boundLeft != left && left is { } ownLeft
            && DocumentFrequency(string.Concat(ownLeft, bigram[0])) == 0)
        {
            return term with { Alternatives = [ownLeft + bigram] };
        }

        return term;
    }

    /// <summary>
    /// The answering sentence, and when it introduces a list ("即：", "如下", a trailing colon) what follows it in the
    /// passage, or the headings of the sections below it.
    /// </summary>
    private static (string Text, int End) Expand(ScoredSentence best)
    {
        var text = best.Hit.Text;
        var range = best.Sentences[best.Index];
        var sentence = text[range];
        var trimmed = sentence.TrimEnd();
        var introducesList = trimmed.EndsWith('：') || trimmed.EndsWith(':') || trimmed.Contains("即：", StringComparison.Ordinal)
            || trimmed.Contains("如下", StringComparison.Ordinal) || trimmed.Contains("以下", StringComparison.Ordinal) && trimmed.EndsWith(':');
        if (!introducesList)
        {
            return (sentence, range.End.Value);
        }

        var end = range.End.Value;
        for (var i = best.Index + 1; i < best.Sentences.Count && best.Sentences[i].End.Value - range.Start.Value <= 600; i++)
        {
            end = best.Sentences[i].End.Value;
        }

        if (end > range.End.Value)
        {
            return (text[range.Start.Value..end], end);
        }

        return best.Hit.ChildHeadings.Count > 0
            ? (sentence + string.Join("；", best.Hit.ChildHeadings) + "。", end)
            : (sentence, end);
    }

    /// <summary>The passage's own text around the answer, long enough to carry it.</summary>
    private static string QuoteOf(ScoredSentence scored, int answerEnd)
    {
        var text = scored.Hit.Text;
        var sentences = scored.Sentences;
        var first = scored.Index;
        var start = sentences[first].Start.Value;
        var end = Math.Max(answerEnd, sentences[first].End.Value);
        var next = sentences.FindIndex(r => r.Start.Value >= end);
        while (end - start < 80)
        {
            if (next >= 0 && next < sentences.Count)
            {
                end = sentences[next++].End.Value;
            }
            else if (first > 0)
            {
                start = sentences[--first].Start.Value;
            }
            else
            {
                break;
            }
        }

        var quote = text[start..end];
        if (scored.Hit.ChildHeadings.Count > 0 && end >= text.TrimEnd().Length && (quote.TrimEnd().EndsWith('：') || quote.TrimEnd().EndsWith(':')))
        {
            quote += string.Join("；", scored.Hit.ChildHeadings);
        }

        return quote.Length > MaxQuote * 2 ? quote[..(MaxQuote * 2)] : quote;
    }

    /// <summary>
    /// Drops bigrams the documents never use that only join two known words ("方式选派" → 式选): artefacts of reading
    /// the question two characters at a time, not things it asks about.
    /// </summary>
    private List<KeyTerm> WithoutJunctions(IReadOnlyList<KeyTerm> terms)
    {
        bool Known(int run, int position) => terms.Any(t => t.Run == run && t.Position == position && DocumentFrequency(t.Alternatives[0]) > 0);
        return terms.Where(t => t.Run < 0 || t.Alternatives[0].Length < 2 || DocumentFrequency(t.Alternatives[0]) > 0
            || !(Known(t.Run, t.Position - 1) || Known(t.Run, t.Position + 1))).ToList();
    }

    /// <summary>
    /// How much of what the asking clauses hold (by weight) the answering sentence or its headings cover: a question that
    /// tells its situation first must still have its asking part answered, whatever its situation shares with the sentence.
    /// </summary>
    private static double AskingCoverage(IReadOnlyList<KeyTerm> terms, double[] weights, bool[]? asking, ScoredSentence best, System.Text.RegularExpressions.Regex?[] bound)
    {
        if (asking is null)
        {
            return 1;
        }

        var sentence = best.Hit.SentenceForms[best.Index];
        double total = 0, held = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            if (!asking[i] || terms[i].Generic)
            {
                continue;
            }

            total += weights[i];
            held += bound[i]?.IsMatch(sentence) == true ? weights[i] : Math.Max(Math.Max(terms[i].Credit(sentence), 0.6 * terms[i].Credit(best.Hit.MatchContext)), ClassCredit(terms[i], best.Hit, sentence)) * weights[i];
        }

        return total > 0 ? held / total : 1;
    }

    /// <summary>
    /// The scorer's view of the best sentence: how much of the asking clauses and of the whole question it covers, the
    /// heaviest asking term it leaves out, how much of the asking weight is words no document uses, how specific its best
    /// match is, how far it stands above the best sentence of another passage, and the missing-word signs.
    /// </summary>
    private AnswerFeatures Measure(IReadOnlyList<KeyTerm> terms, double[] weights, bool[]? asking, ScoredSentence best, Ranking ranked,
        System.Text.RegularExpressions.Regex?[] bound, double judged, bool predicateMissing, bool modifierMissing, bool negationMissing, bool subjectMissing, bool figureMissing)
    {
        var sentence = best.Hit.SentenceForms[best.Index];
        double total = 0, missing = 0, unknown = 0, rarest = 0;
        var maxIdf = Math.Log(1 + (Math.Max(index.PassageCount, 1) + 0.5) / 0.5);
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i].Generic || asking is not null && !asking[i])
            {
                continue;
            }

            total += weights[i];
            var credit = bound[i]?.IsMatch(sentence) == true ? 1 : Math.Max(Math.Max(terms[i].Credit(sentence), 0.6 * terms[i].Credit(best.Hit.MatchContext)), ClassCredit(terms[i], best.Hit, sentence));
            missing = Math.Max(missing, (1 - credit) * weights[i]);
            if (terms[i].Words.Max(DocumentFrequency) == 0)
            {
                unknown += weights[i];
            }
            else if (credit >= 0.99)
            {
                rarest = Math.Max(rarest, weights[i] / maxIdf);
            }
        }

        var other = ranked.Among(x => x.Hit != best.Hit).FirstOrDefault();
        var topWordScore = ranked.Unordered.Max(x => x.Hit.WordScore);
        var margin = other is null || best.Score <= 0 ? 1 : Math.Clamp((best.Score - other.Score) / best.Score, 0, 1);
        return new AnswerFeatures(judged, best.JudgedCoverage, total > 0 ? missing / total : 0, total > 0 ? unknown / total : 0, Math.Min(rarest, 1.5), margin,
            predicateMissing, modifierMissing, negationMissing, subjectMissing, figureMissing, asking is not null,
            best.Hit.HeadingMatch, topWordScore > 0 ? best.Hit.WordScore / topWordScore : 0);
    }

    /// <summary>Share of the subject of a one-clause question (by weight) the answering sentence or its headings must hold.</summary>
    public const double SubjectThreshold = 0.5;

    /// <summary>
    /// How much of the question's first phrase (what it is about: "入党要交什么材料" → 入党) the answering sentence or its
    /// headings hold, by weight.
    /// </summary>
    private static double SubjectShare(IReadOnlyList<KeyTerm> terms, double[] weights, ScoredSentence best, int askedAt, System.Text.RegularExpressions.Regex?[] bound)
    {
        if (askedAt <= 0)
        {
            return 1;
        }

        var subject = Enumerable.Range(0, terms.Count)
            .Where(i => terms[i].Start >= 0 && terms[i].Start < askedAt && !terms[i].Generic && !char.IsAsciiDigit(terms[i].Alternatives[0][0])).ToList();
        var sentence = best.Hit.SentenceForms[best.Index];
        var total = subject.Sum(i => weights[i]);
        var held = subject.Sum(i => bound[i]?.IsMatch(sentence) == true ? weights[i] : Math.Max(Math.Max(terms[i].Credit(sentence), terms[i].Credit(best.Hit.MatchContext)), ClassCredit(terms[i], best.Hit, sentence)) * weights[i]);
        return total > 0 ? held / total : 1;
    }

    /// <summary>
    /// What the answer gives a term inside a unit type the question names (律所) through the unit type's class (社会组织,
    /// Resources/unit-classes.tsv) in the sentence, its headings or its passage: a passage states its rule for the class, and
    /// the unit type is one of its members. For the judge's measures only; the ranking reads the term's own words.
    /// </summary>
    private static double ClassCredit(KeyTerm term, PassageHit hit, string sentence) =>
        term.UnitClass is null ? 0 : Math.Max(term.ClassCredit(sentence), Math.Max(term.ClassCredit(hit.MatchContext), term.ClassCredit(hit.MatchText)));

    /// <summary>A bigram with bigrams on both sides ("有条" in "三有条件") mostly joins two words: it counts half.</summary>
    private static bool IsMiddle(KeyTerm term, IReadOnlyList<KeyTerm> terms) =>
        term.Run >= 0 && terms.Any(t => t.Run == term.Run && t.Position == term.Position - 1)
        && terms.Any(t => t.Run == term.Run && t.Position == term.Position + 1);

    private double Weight(KeyTerm term, int total)
    {
        var df = term.Words.Max(DocumentFrequency);

        // A term the documents never use counts, but not as the rarest thing there is: it may be the question's own wording.
        var idf = df == 0 ? 0.4 * Math.Log(1 + (total + 0.5) / 0.5) : Math.Log(1 + (total - df + 0.5) / (df + 0.5));
        return term.Generic ? 0.3 * idf : idf;
    }

    private (int Version, Homophones Table)? typos;

    /// <summary>The question with its pinyin-IME typos put right, as <see cref="AskScored"/> reads it (for tests and tuning).</summary>
    internal string CorrectTypos(string question) => Typos().Correct(question, RealWord, Written, CommonCharacter);

    /// <summary>
    /// A character whose own frequency as a word in jieba's dictionary is at least this is too common to be a typo (的, 是,
    /// 了, 我; 之 at 140,957, 道 at 140,545 and 当 at 42,694 are below it: 之部, 知道员, 当员 are typos).
    /// </summary>
    public const int CommonCharacterFrequency = 150_000;

    private static readonly Lazy<HashSet<string>> CampaignWords =
        new(() => [.. Search.IndexWords.CampaignWords(Vocabulary.LoadDefault(), Thesaurus.LoadDefault())]);

    /// <summary>The fewest passages a corpus word other than the campaign's own is held by for a typo to be read as it.</summary>
    public const int MinTypoTarget = 2;

    /// <summary>
    /// A word of the dictionary that people write (jieba's dictionary holds 复盖 and 书纪 at frequency 2, as misprints):
    /// a run of the question that is one is no typo.
    /// </summary>
    private bool RealWord(string word) => analyzer.IsWord(word) && (analyzer.WordFrequency(word) >= 5 || CampaignWords.Value.Contains(word));

    /// <summary>A character no typo is read into: a very common word of its own, or a one-character question word (哪, 啥, 几).</summary>
    private bool CommonCharacter(char c) => analyzer.WordFrequency(c.ToString()) >= CommonCharacterFrequency || analyzer.IsQuestionWord(c.ToString());

    /// <summary>The pinyin index of the corpus vocabulary, built once per index version.</summary>
    private Homophones Typos()
    {
        var cached = typos;
        if (cached is { } held && held.Version == index.Version)
        {
            return held.Table;
        }

        var version = index.Version;
        // A word counts by the passages that hold it, as a word or as a bigram (支部 stands inside 党支部); one held by fewer
        // than MinTypoTarget passages (扛起, 我区) is too rare to be what a typo meant, unless it is one of the campaign's words.
        var vocabulary = index.Vocabulary();
        var table = new Homophones(vocabulary
            .Select(v => (v.Word, Frequency: v.Word.Length == 2 ? Math.Max(v.Frequency, index.DocumentFrequency(v.Word)) : v.Frequency))
            .Where(v => v.Frequency >= MinTypoTarget || CampaignWords.Value.Contains(v.Word))
            .Concat(InnerWords(vocabulary)));
        typos = (version, table);
        return table;
    }

    /// <summary>
    /// The campaign words of three or four characters that the word field never holds alone because they stand inside a
    /// longer word of it (指导员 in 党建工作指导员, 党支部 in 联合党支部), with the passages of the longer words: a typo of
    /// them ("只导员", "指到员") is read as they are. Only campaign words: an everyday word inside a long one is left alone.
    /// </summary>
    private static IEnumerable<(string Word, int Frequency)> InnerWords(IReadOnlyList<(string Word, int Frequency)> vocabulary)
    {
        var held = vocabulary.Select(v => v.Word).ToHashSet(StringComparer.Ordinal);
        var inner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, frequency) in vocabulary.Where(v => v.Word.Length > 3 && v.Word.All(TextCleaner.IsCjk)))
        {
            for (var n = 3; n <= 4 && n < word.Length; n++)
            {
                for (var at = 0; at + n <= word.Length; at++)
                {
                    var part = word.Substring(at, n);
                    if (!held.Contains(part) && CampaignWords.Value.Contains(part))
                    {
                        inner[part] = inner.GetValueOrDefault(part) + frequency;
                    }
                }
            }
        }

        return inner.Select(e => (e.Key, e.Value));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Version, string Word), bool> written = new();

    /// <summary>True when some passage writes <paramref name="word"/> as it is (not only its bigrams apart).</summary>
    private bool Written(string word) => DocumentFrequency(word) > 0 && written.GetOrAdd((index.Version, word),
        key => index.Search([key.Word], BoundLookup).Any(h => h.MatchText.Contains(key.Word, StringComparison.Ordinal)));

    private int DocumentFrequency(string word)
    {
        if (word.Length >= 2 && TextCleaner.IsCjk(word[0]))
        {
            var min = int.MaxValue;
            for (var i = 0; i + 1 < word.Length; i++)
            {
                min = Math.Min(min, index.DocumentFrequency(word.Substring(i, 2)));
            }

            return min;
        }

        var tokens = index.Analyze(word);
        return tokens.Count == 0 ? 0 : tokens.Min(index.DocumentFrequency);
    }

    /// <summary>The sentences after the answer that spell it out one by one ("一是…。", "二是…。"), when the next one starts so.</summary>
    private static List<Range> Enumerated(ScoredSentence best, int answerEnd)
    {
        var text = best.Hit.Text;
        var next = best.Sentences.FindIndex(r => r.Start.Value >= answerEnd);
        if (next < 0 || !text[best.Sentences[next]].TrimStart().StartsWith("一是", StringComparison.Ordinal))
        {
            return [];
        }

        return [.. best.Sentences.Skip(next).Where(r => OrdinalStart().IsMatch(text[r].TrimStart())).Take(10)];
    }

    /// <summary>
    /// The word a how- or what-question turns on ("怎么解决" → 解决, "带什么材料" → 材料): evidence that lacks it answers
    /// another question.
    /// </summary>
    private static string? Predicate(string question)
    {
        var m = PredicatePattern().Match(QuestionAnalyzer.MatchForm(question));
        return m.Success ? m.Groups["v"].Value : null;
    }

    /// <summary>The last heading of a section path without its number or dates: "二、工作安排 / （三）全面排查摸底（8月26日前）" → 全面排查摸底.</summary>
    private static string OwnHeading(string section)
    {
        var last = section[(section.LastIndexOf('/') + 1)..];
        return QuestionAnalyzer.MatchForm(HeadingNoise().Replace(last, string.Empty));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．])|[（(][^）)]*\d[^）)]*[）)]")]
    private static partial System.Text.RegularExpressions.Regex HeadingNoise();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\s+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial System.Text.RegularExpressions.Regex SpokenBreak();

    /// <summary>A heading number opening a line of the answer: （三） 4、 一、 2.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^[ \t]*([（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.、．](?!\d))")]
    private static partial System.Text.RegularExpressions.Regex LeadingNumber();

    [System.Text.RegularExpressions.GeneratedRegex("[，,；;。？?！!](?=.)")]
    private static partial System.Text.RegularExpressions.Regex Clauses();

    /// <summary>A numbered item of a document: 附件2, 附表1, 第3条.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<l>附件|附表|第)(?<n>\d+)(?!\d)")]
    private static partial System.Text.RegularExpressions.Regex LabelledNumber();

    [System.Text.RegularExpressions.GeneratedRegex("在哪|哪里|哪儿|什么地方|在何处")]
    private static partial System.Text.RegularExpressions.Regex WherePattern();

    private static bool AsksDefinition(string question) => DefinitionPattern().IsMatch(question);

    /// <summary>
    /// True when every quoted name in the sentence that the question asks about stands in a list ("“三会一课”、…",
    /// "“三会一课”等"), and there is at least one.
    /// </summary>
    private static bool? OnlyListed(string sentence, string question)
    {
        var any = false;
        foreach (System.Text.RegularExpressions.Match m in QuotedName().Matches(sentence))
        {
            var name = QuestionAnalyzer.MatchForm(m.Groups["n"].Value);
            if (name.Length < 2 || !question.Contains(name, StringComparison.Ordinal))
            {
                continue;
            }

            var after = m.Index + m.Length < sentence.Length ? sentence[m.Index + m.Length] : '。';
            if (after is not ('、' or '等' or ','))
            {
                return false;
            }

            any = true;
        }

        return any ? true : null;
    }

    /// <summary>What a definition question asks about: "入党誓词的内容是什么" → 入党誓词, "什么是五个清" → 五个清.</summary>
    private static string? DefinedSubject(string question)
    {
        var m = SubjectPattern().Match(question);
        return m.Success ? m.Groups["t"].Value : null;
    }

    /// <summary>
    /// True when the subject stands in the sentence only as one item of a list of other things ("重温入党誓词、集中上党课",
    /// "…等"); a list of its own kind ("片区联建、同业共建": same head or same shape, "党员找组织、党员找党员") still tells
    /// what it is.
    /// </summary>
    private static bool OnlyListedPlain(string sentence, string subject)
    {
        var any = false;
        for (var at = sentence.IndexOf(subject, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(subject, at + subject.Length, StringComparison.Ordinal))
        {
            var end = at + subject.Length;
            var after = end < sentence.Length ? sentence[end] : '。';
            if (after == '、')
            {
                var next = sentence[(end + 1)..];
                var stop = next.IndexOfAny(['、', '，', ',', '。', '；', ';', '等']);
                var item = stop < 0 ? next : next[..stop];
                if (item.Length == 0 || item[^1] == subject[^1] || item.Length == subject.Length)
                {
                    return false;
                }
            }
            else if (after != '等')
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(请问)?(?<t>\p{IsCJKUnifiedIdeographs}{2,10}?)(的具体内容|的内容|具体指的是|具体指|指的是|是指|是什么意思|什么意思|是什么|指什么|的含义|的意思|是啥)|(什么是|什么叫|何为)(?<t>\p{IsCJKUnifiedIdeographs}{2,10})")]
    private static partial System.Text.RegularExpressions.Regex SubjectPattern();

    [System.Text.RegularExpressions.GeneratedRegex("^[一二三四五六七八九十]是")]
    private static partial System.Text.RegularExpressions.Regex OrdinalStart();

    [System.Text.RegularExpressions.GeneratedRegex("(什么时候|什么时间|啥时候|几月份|几月|何时|哪天|怎么|如何|怎样|什么|咋|几人|几名|多少人)(?<v>[\\p{IsCJKUnifiedIdeographs}]{2})|的(?<v>[\\p{IsCJKUnifiedIdeographs}]{2})(是什么|有哪些|是啥|指什么)")]
    private static partial System.Text.RegularExpressions.Regex PredicatePattern();

    [System.Text.RegularExpressions.GeneratedRegex("指什么|是什么|什么是|什么叫|啥意思|什么意思|含义|具体指|指的是|包括哪些|包括什么|哪些内容|是指")]
    private static partial System.Text.RegularExpressions.Regex DefinitionPattern();

    [System.Text.RegularExpressions.GeneratedRegex("[“\"](?<n>[^”\"]{2,12})[”\"]")]
    private static partial System.Text.RegularExpressions.Regex QuotedName();

    /// <summary>A count in the unit the question asks for: "多少天" is answered by "100天左右", not by "40号".</summary>
    private static bool HasCount(string sentence, string unit) =>
        System.Text.RegularExpressions.Regex.IsMatch(sentence, @"(\d|[一二两三四五六七八九十百千半])" + UnitPattern(unit));

    /// <summary>The pattern of a count's unit: any of 人/名/位 for <see cref="PersonUnits"/>, else the unit itself.</summary>
    private static string UnitPattern(string unit) => unit == PersonUnits ? "[人名位]" : System.Text.RegularExpressions.Regex.Escape(unit);

    /// <summary>Items set apart by semicolons ("登记审批时，同步…；生产运营时，同步…；"): a list of long items.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("[；;]")]
    private static partial System.Text.RegularExpressions.Regex Semicolons();

    /// <summary>Characters that negate the word right after them (不具备, 未建立, 没有, 无党员; not 非, which makes words: 非公).</summary>
    private const string Negators = "不未没无";

    /// <summary>What a term held only negated earns of its credit (<see cref="OnlyNegated"/>).</summary>
    public const double NegatedCredit = 0.5;

    /// <summary>Whether every place <paramref name="sentence"/> holds the term (its own words or their expansions) is negated.</summary>
    private static bool OnlyNegated(KeyTerm term, string sentence)
    {
        var found = false;
        foreach (var word in term.Words)
        {
            if (word.Length == 0 || Negators.Contains(word[0]))
            {
                // A word that is itself negated ("不超过" of 最多) is held as it is.
                if (word.Length > 0 && sentence.Contains(word, StringComparison.Ordinal))
                {
                    return false;
                }

                continue;
            }

            for (var at = sentence.IndexOf(word, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || !Negators.Contains(sentence[at - 1]))
                {
                    return false;
                }

                found = true;
            }
        }

        return found;
    }

    /// <summary>The measure words that count people: one unit for <see cref="HasCount"/>.</summary>
    private const string PersonUnits = "人名位";

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+[名人个家]?(及)?以上")]
    private static partial System.Text.RegularExpressions.Regex LeastFigure();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+[名人个家]?(及)?以下")]
    private static partial System.Text.RegularExpressions.Regex MostFigure();

    /// <summary>A word negated by 非 ("非党员"); 非公 is a word of its own, which the documents use.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"非(?<w>\p{IsCJKUnifiedIdeographs}{2})")]
    private static partial System.Text.RegularExpressions.Regex Negated();

    [System.Text.RegularExpressions.GeneratedRegex("吗[？?]?$|能不能|可不可以|是不是|要不要|是否|能否|行不行|算不算")]
    private static partial System.Text.RegularExpressions.Regex YesNo();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)(?<n>\d+)(?<u>[天人名个年月次家项条所周%])")]
    private static partial System.Text.RegularExpressions.Regex ProposedFigure();

    [System.Text.RegularExpressions.GeneratedRegex("(多少|几)(?<u>[天人名位个年月次家项条所周])(?<p>(?<=多少个)(党员|职工|员工|工人|人))?")]
    private static partial System.Text.RegularExpressions.Regex AskedUnit();

    private static bool HasQuantity(string sentence) =>
        sentence.Any(char.IsAsciiDigit) || QuantityPattern().IsMatch(sentence);

    private static bool HasDate(string sentence) => DatePattern().IsMatch(sentence);

    [System.Text.RegularExpressions.GeneratedRegex("[一二两三四五六七八九十百千半]+[个名人项条次批类种家所天年月]|不重复|不超过|不少于|至少|以上|以下|每[年月季周天]")]
    private static partial System.Text.RegularExpressions.Regex QuantityPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+月|\d+日|年底|月底|上旬|中旬|下旬|季度|每[年月季周天]|半个月")]
    private static partial System.Text.RegularExpressions.Regex DatePattern();

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
