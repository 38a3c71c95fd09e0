using System.Security.Cryptography;
using System.Text;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The trained mention model as a file in a folder (beside the intent model's), named by a hash of the training data,
/// the recipe and the word classes: the first start trains (a few seconds) and saves it, later starts load it. A
/// changed training set, recipe or vocabulary gets a new file; a file that cannot be read is trained again. Several
/// processes may race: each writes its own temporary file and moves it into place.
/// </summary>
public static class MentionModelCache
{
    public static string FileName(byte[] trainingData, MentionFeatures features)
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        ArgumentNullException.ThrowIfNull(features);
        var recipe = Encoding.UTF8.GetBytes(MentionModel.Recipe + "\n" + features.Classes.Fingerprint + "\n");
        var hash = SHA256.HashData([.. recipe, .. trainingData]);
        return $"mention-model-{Convert.ToHexStringLower(hash)[..16]}.bin";
    }

    /// <summary>The model for <paramref name="trainingData"/>: loaded from <paramref name="folder"/>, or trained and saved there.</summary>
    public static MentionModel LoadOrTrain(string folder, byte[] trainingData, MentionFeatures features, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(features);
        var path = Path.Combine(folder, FileName(trainingData, features));
        if (File.Exists(path))
        {
            try
            {
                using var stream = File.OpenRead(path);
                return MentionModel.Load(stream, features);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                log?.Invoke($"cached mention model {Path.GetFileName(path)} unreadable ({e.GetType().Name}); training again");
            }
        }

        var model = MentionModel.Train(MentionExample.Parse(trainingData), features);
        OpinionFiles.SaveAtomically(path, model.Save, "mention model", log);

        return model;
    }

    /// <summary>The shipped training data's model, cached in <paramref name="folder"/>.</summary>
    public static MentionModel Shipped(string folder, Action<string>? log = null) =>
        LoadOrTrain(folder, MentionExample.ShippedBytes(), new MentionFeatures(new MentionWordClasses(Vocabulary.Default())), log);
}
