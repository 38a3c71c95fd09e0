using InstructorBot.Knowledge.Formation;
using InstructorBot.Knowledge.Ingestion;
using InstructorBot.Knowledge.Search;

namespace InstructorBot.Knowledge.Answering;

// Retrieval: Retrieve, which ranks the candidate sentences for a question, judges the best with the bank-aware and
// plain scorers and composes the cited answer (or abstains).
public sealed partial class AskService
{
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
}
