using InstructorBot.Knowledge.Answering;

namespace InstructorBot.Knowledge.Tests;

/// <summary>
/// <see cref="FoldFits"/> shares fits between held-out folds: its scorer for a fold must be the one
/// <see cref="AnswerScorer.FitAll(IReadOnlyList{AnswerScorer.FitCase})"/> gives on the other folds' cases, to the bit.
/// </summary>
[Collection(OwnQuestions.Name)]
public sealed class FoldFitsTests(OwnQuestionFeatures own)
{
    [Fact]
    public void Shared_fits_give_the_scorer_fit_all_gives_without_the_fold()
    {
        foreach (var (cases, fits) in new[] { (own.BankCases, own.BankFits), (own.PlainCases, own.PlainFits) })
        {
            var fold = fits.Folds[^1];
            var made = AnswerScorer.FitAll([.. cases.Where(c => c.Fold != fold)]);
            var shared = fits.HeldOut([fold])[fold];
            Assert.Equal(made.Weights, shared.Weights);
            Assert.Equal(made.Bias, shared.Bias);
            Assert.Equal(made.Threshold, shared.Threshold);
            Assert.Equal(made.Sure, shared.Sure);
        }
    }
}
