using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The intent classifier: character 1–3-grams of the prepared text (<see cref="IntentText"/>), a maximum-entropy
/// multiclass model (L-BFGS, L2 only, one thread so training is repeatable) over the action kinds and <c>none</c>. A message with several kinds is one training row per
/// kind, so the probabilities share out over the kinds a message holds. No pretrained weights: it learns only from the
/// examples given. Thread-safe: predictions apply the weights read out of the model (<see cref="IntentLinearScorer"/>),
/// falling back to a pool of ML.NET engines.
/// </summary>
public sealed class IntentModel
{
    /// <summary>Changes when the features or the trainer change, so cached models of another recipe are not reused.</summary>
    public const string Recipe = "char1-3/tf/l2+lbfgs-maxent/l1=0/l2=0.1/it=200/v1";

    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly DataViewSchema inputSchema;
    private readonly ConcurrentBag<PredictionEngine<IntentRow, IntentPrediction>> engines = [];
    private readonly Dictionary<string, int> labelIndex;
    private readonly IntentLinearScorer? linear;

    private IntentModel(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        this.ml = ml;
        this.model = model;
        this.inputSchema = inputSchema;
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref names);
        Labels = [.. names.DenseValues().Select(n => n.ToString())];
        labelIndex = Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        linear = IntentLinearScorer.From(model, inputSchema);
    }

    /// <summary>Whether predictions use the weights read out of the model (else ML.NET's prediction engine).</summary>
    internal bool ScoresWithoutEngine => linear is not null;

    /// <summary>The labels in score order: snake_case action kinds and <c>none</c>.</summary>
    public IReadOnlyList<string> Labels { get; }

    public static IntentModel Train(IReadOnlyList<IntentExample> examples, int seed = 20261205)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ml = new MLContext(seed);
        var rows = examples.SelectMany(e => e.Kinds.Distinct(StringComparer.Ordinal).Select(k => new IntentRow { Text = e.Text, Label = k })).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var features = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = null,
            CharFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = 3,
                UseAllLengths = true,
                Weighting = NgramExtractingEstimator.WeightingCriteria.Tf,
            },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(IntentRow.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", features, nameof(IntentRow.Text)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(IntentRow.Label),
                FeatureColumnName = "Features",
                // L1 would drop most n-grams of a set this small; a light L2 (chosen on the folds) keeps them.
                L1Regularization = 0f,
                L2Regularization = 0.1f,
                MaximumNumberOfIterations = 200,
                NumberOfThreads = 1,
            }));
        var model = pipeline.Fit(data);
        return new IntentModel(ml, model, data.Schema);
    }

    public static IntentModel Load(Stream stream)
    {
        var ml = new MLContext(20261205);
        var model = ml.Model.Load(stream, out var schema);
        return new IntentModel(ml, model, schema);
    }

    public void Save(Stream stream) => ml.Model.Save(model, inputSchema, stream);

    /// <summary>The probability of each label for a prepared text (the model's weights applied directly, <see cref="IntentLinearScorer"/>).</summary>
    public IntentScores Score(string preparedText)
    {
        ArgumentNullException.ThrowIfNull(preparedText);
        return linear?.Score(preparedText) is { } probabilities ? new IntentScores(labelIndex, probabilities) : ScoreWithEngine(preparedText);
    }

    /// <summary>The same probabilities through ML.NET's prediction engine (the reference the direct arithmetic is tested against).</summary>
    internal IntentScores ScoreWithEngine(string preparedText)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<IntentRow, IntentPrediction>(model, inputSchema);
        }

        try
        {
            var prediction = engine.Predict(new IntentRow { Text = preparedText });
            return new IntentScores(labelIndex, prediction.Score);
        }
        finally
        {
            engines.Add(engine);
        }
    }
}
