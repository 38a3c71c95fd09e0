using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The mention classifier: for each organisation a message mentions, the probability that the message records or asks
/// each kind of action about that unit (<see cref="Kinds"/>). One logistic regression per kind (ML.NET's L-BFGS, L2
/// only, one thread so training is repeatable) over <see cref="MentionFeatures"/>: features seen in at least two
/// training mentions, their counts as values. No pretrained weights. Trained with ML.NET; the weights are then read out,
/// so a prediction is a few dictionary look-ups and sums (no ML.NET pipeline per message) and the cached model is a
/// small binary file. Thread-safe (read-only after training or loading).
/// </summary>
public sealed class MentionModel
{
    /// <summary>Changes when the trainer or its settings change (with <see cref="MentionFeatures.Recipe"/>: the cache key).</summary>
    public const string Recipe = MentionFeatures.Recipe + "/lbfgs-lr-ovr/l2=1/it=100/df>=2/v1";

    /// <summary>The kinds a mention is read for, in score order (snake_case as in the contract).</summary>
    public static IReadOnlyList<string> Kinds => KindList;

    private static readonly string[] KindList =
        ["visit", "member_discovery", "formation", "work_coverage", "org_update", "pairing", "formation_advice", "org_lookup"];

    private const int Magic = 0x4D4F4D31;

    private readonly Dictionary<ulong, int> index;
    private readonly float[] weights;
    private readonly float[] bias;
    private readonly float[] slope;
    private readonly float[] offset;

    private MentionModel(MentionFeatures features, Dictionary<ulong, int> index, float[] weights, float[] bias, float[] slope, float[] offset)
    {
        Features = features;
        this.index = index;
        this.weights = weights;
        this.bias = bias;
        this.slope = slope;
        this.offset = offset;
    }

    public MentionFeatures Features { get; }

    /// <summary>How many features the model has weights for.</summary>
    public int Dimension => index.Count;

    public static int KindIndex(string kind) => Array.IndexOf(KindList, kind);

    public static MentionModel Train(IReadOnlyList<MentionExample> examples, MentionFeatures features, int seed = 20261205)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(features);
        var rows = new List<(Dictionary<ulong, int> Counts, IReadOnlyList<string> Kinds)>();
        var message = new List<ulong>();
        var mention = new List<ulong>();
        var found = new List<(int, int, int)>();
        foreach (var example in examples)
        {
            var text = example.Masked;
            message.Clear();
            MentionFeatures.Message(text, message);
            features.FindClasses(text, found);
            for (var i = 0; i < text.At.Count; i++)
            {
                mention.Clear();
                features.Mention(text, i, found, mention);
                var counts = new Dictionary<ulong, int>();
                foreach (var h in message.Concat(mention))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, h, out _)++;
                }

                rows.Add((counts, example.Kinds[i]));
            }
        }

        var frequency = new Dictionary<ulong, int>();
        foreach (var (counts, _) in rows)
        {
            foreach (var h in counts.Keys)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(frequency, h, out _)++;
            }
        }

        var index = new Dictionary<ulong, int>();
        foreach (var h in frequency.Where(p => p.Value >= 2).Select(p => p.Key).Order())
        {
            index[h] = index.Count;
        }

        var dimension = Math.Max(1, index.Count);
        var vectors = rows.Select(r =>
        {
            var kept = r.Counts.Where(p => index.ContainsKey(p.Key)).Select(p => (Index: index[p.Key], Value: (float)p.Value)).OrderBy(p => p.Index).ToArray();
            return new VBuffer<float>(dimension, kept.Length, [.. kept.Select(p => p.Value)], [.. kept.Select(p => p.Index)]);
        }).ToList();

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(MentionRow));
        schema[nameof(MentionRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var k = Kinds.Count;
        var weights = new float[dimension * k];
        var bias = new float[k];
        var slope = new float[k];
        var offset = new float[k];
        for (var kind = 0; kind < k; kind++)
        {
            var label = Kinds[kind];
            var data = ml.Data.LoadFromEnumerable(
                rows.Select((r, i) => new MentionRow { Label = r.Kinds.Contains(label), Features = vectors[i] }).ToList(), schema);
            var fitted = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(MentionRow.Label),
                FeatureColumnName = nameof(MentionRow.Features),
                L1Regularization = 0f,
                L2Regularization = 1f,
                MaximumNumberOfIterations = 100,
                NumberOfThreads = 1,
            }).Fit(data);
            var linear = fitted.Model.SubModel;
            var w = linear.Weights;
            for (var f = 0; f < w.Count && f < dimension; f++)
            {
                weights[f * k + kind] = w[f];
            }

            bias[kind] = linear.Bias;
            slope[kind] = (float)fitted.Model.Calibrator.Slope;
            offset[kind] = (float)fitted.Model.Calibrator.Offset;
            // The probability below must be ML.NET's: check the formula against its calibrator once.
            var expected = fitted.Model.Calibrator.PredictProbability(0.75f);
            if (Math.Abs(Sigmoid(0.75f, slope[kind], offset[kind]) - expected) > 1e-4)
            {
                throw new InvalidOperationException($"Platt calibration formula differs from ML.NET's ({expected})");
            }
        }

        return new MentionModel(features, index, weights, bias, slope, offset);
    }

    /// <summary>For each mention of <paramref name="text"/>, the probability of each of <see cref="Kinds"/>.</summary>
    public float[][] Score(MentionText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var k = Kinds.Count;
        var shared = new float[k];
        var buffer = new List<ulong>(256);
        MentionFeatures.Message(text, buffer);
        Accumulate(buffer, shared);
        var found = new List<(int, int, int)>();
        Features.FindClasses(text, found);
        var scores = new float[text.At.Count][];
        for (var i = 0; i < text.At.Count; i++)
        {
            buffer.Clear();
            Features.Mention(text, i, found, buffer);
            var z = (float[])shared.Clone();
            Accumulate(buffer, z);
            for (var kind = 0; kind < k; kind++)
            {
                z[kind] = Sigmoid(z[kind] + bias[kind], slope[kind], offset[kind]);
            }

            scores[i] = z;
        }

        return scores;
    }

    private void Accumulate(List<ulong> features, float[] z)
    {
        var k = z.Length;
        foreach (var h in features)
        {
            if (index.TryGetValue(h, out var f))
            {
                var row = weights.AsSpan(f * k, k);
                for (var kind = 0; kind < k; kind++)
                {
                    z[kind] += row[kind];
                }
            }
        }
    }

    private static float Sigmoid(float score, float slope, float offset) => 1f / (1f + MathF.Exp(slope * score + offset));

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Recipe);
        writer.Write(Kinds.Count);
        writer.Write(index.Count);
        foreach (var (h, f) in index.OrderBy(p => p.Value))
        {
            writer.Write(h);
            for (var kind = 0; kind < Kinds.Count; kind++)
            {
                writer.Write(weights[f * Kinds.Count + kind]);
            }
        }

        foreach (var values in new[] { bias, slope, offset })
        {
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>A saved model; <see cref="InvalidDataException"/> when the file is not one of this recipe.</summary>
    public static MentionModel Load(Stream stream, MentionFeatures features)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadInt32() != Magic || reader.ReadString() != Recipe || reader.ReadInt32() != Kinds.Count)
            {
                throw new InvalidDataException("not a mention model of this recipe");
            }

            var k = Kinds.Count;
            var count = reader.ReadInt32();
            if (count < 0 || count > 50_000_000)
            {
                throw new InvalidDataException("mention model size out of range");
            }

            var index = new Dictionary<ulong, int>(count);
            var weights = new float[Math.Max(1, count) * k];
            for (var f = 0; f < count; f++)
            {
                index[reader.ReadUInt64()] = f;
                for (var kind = 0; kind < k; kind++)
                {
                    weights[f * k + kind] = reader.ReadSingle();
                }
            }

            float[] Read()
            {
                var values = new float[k];
                for (var kind = 0; kind < k; kind++)
                {
                    values[kind] = reader.ReadSingle();
                }

                return values;
            }

            var bias = Read();
            var slope = Read();
            var offset = Read();
            return new MentionModel(features, index, weights, bias, slope, offset);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("mention model file is cut short", e);
        }
    }

    private sealed class MentionRow
    {
        public bool Label { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
