using System.Security.Cryptography;
using System.Text;

namespace InstructorBot.Bot.Understanding.Opinion;

/// <summary>
/// The trained intent model as a file in a folder (beside the database), named by a hash of the training data and the
/// recipe: the first start trains (a few seconds) and saves it, later starts load it. A changed training set or recipe
/// gets a new file; a file that cannot be read is trained again. Several processes may race: each writes its own
/// temporary file and moves it into place.
/// </summary>
public static class IntentModelCache
{
    public static string FileName(byte[] trainingData)
    {
        ArgumentNullException.ThrowIfNull(trainingData);
        var recipe = Encoding.UTF8.GetBytes(IntentModel.Recipe + "\n");
        var hash = SHA256.HashData([.. recipe, .. trainingData]);
        return $"intent-model-{Convert.ToHexStringLower(hash)[..16]}.zip";
    }

    /// <summary>The model for <paramref name="trainingData"/>: loaded from <paramref name="folder"/>, or trained and saved there.</summary>
    public static IntentModel LoadOrTrain(string folder, byte[] trainingData, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, FileName(trainingData));
        if (File.Exists(path))
        {
            try
            {
                using var stream = File.OpenRead(path);
                return IntentModel.Load(stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or InvalidDataException)
            {
                log?.Invoke($"cached intent model {Path.GetFileName(path)} unreadable ({e.GetType().Name}); training again");
            }
        }

        var model = IntentModel.Train(IntentExample.Parse(trainingData));
        OpinionFiles.SaveAtomically(path, model.Save, "intent model", log);

        return model;
    }

    /// <summary>The shipped training data's model, cached in <paramref name="folder"/>.</summary>
    public static IntentModel Shipped(string folder, Action<string>? log = null) => LoadOrTrain(folder, IntentExample.ShippedBytes(), log);
}
