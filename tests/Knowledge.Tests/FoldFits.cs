using System.Collections.Concurrent;
using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// <see cref="AnswerScorer.FitAll(IReadOnlyList{AnswerScorer.FitCase})"/> on one case list with each fold held out, each
/// logistic fit computed once per test run. Holding out fold f fits on the other folds and chooses the thresholds on their
/// leave-one-fold-out confidences: fits on every fold but f and g, and the fit without f and g is the fit without g and f
/// (the same cases in the same order), so a pair's fit is shared by its two folds instead of computed twice. The scorers
/// are those <see cref="AnswerScorer.FitAll(IReadOnlyList{AnswerScorer.FitCase})"/> gives on the same cases, to the bit
/// (<see cref="FoldFitsTests"/> compares them). Keyed on the case list's folds, whatever their count.
/// </summary>
internal sealed class FoldFits
{
    private readonly IReadOnlyList<AnswerScorer.FitCase> cases;
    private readonly ConcurrentDictionary<(string, string), Lazy<(double[] Weights, double Bias)>> fits = new();
    private readonly ConcurrentDictionary<string, Lazy<AnswerScorer>> heldOut = new();

    public FoldFits(IReadOnlyList<AnswerScorer.FitCase> cases)
    {
        this.cases = cases;
        Folds = [.. cases.Select(c => c.Fold).Distinct()];
    }

    /// <summary>The cases' folds in the order of their first case (the order FitAll's leave-one-fold-out walks them).</summary>
    public IReadOnlyList<string> Folds { get; }

    /// <summary>
    /// Per fold of <paramref name="folds"/> (a fold may have no case here: then every case is fitted on), the scorer fitted
    /// without it, each made once per instance. The folds are independent and CPU-bound: fitted side by side, no more at once
    /// than the machine has cores (the thread pool would otherwise add threads while the fits run long).
    /// </summary>
    public Dictionary<string, AnswerScorer> HeldOut(IReadOnlyList<string> folds)
    {
        var scorers = new AnswerScorer[folds.Count];
        Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => scorers[i] = heldOut.GetOrAdd(folds[i], f => new Lazy<AnswerScorer>(() => FitAllWithout(f))).Value);
        return folds.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => scorers[x.i]);
    }

    /// <summary>Exactly <c>AnswerScorer.FitAll([.. cases.Where(c => c.Fold != fold)])</c>, its fits shared.</summary>
    public AnswerScorer FitAllWithout(string fold) =>
        AnswerScorer.FitAll([.. cases.Where(c => c.Fold != fold)], ThresholdRule.Answer, other => Without(fold, other), Without(fold, fold));

    /// <summary>The fit on the cases outside folds a and b (a = b: outside one fold), made once.</summary>
    private (double[] Weights, double Bias) Without(string a, string b) =>
        fits.GetOrAdd(string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a), key => new Lazy<(double[] Weights, double Bias)>(
            () => AnswerScorer.Fit(AnswerScorer.Labelled(cases.Where(c => c.Fold != key.Item1 && c.Fold != key.Item2))))).Value;
}
