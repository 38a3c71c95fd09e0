namespace InstructorBot.Bot.Tests.Understanding;

/// <summary>
/// The blind understanding batches a test may read: every tests/data/blind/understanding-*.jsonl except those whose letter
/// is listed in tests/data/blind/sealed.txt (batches whose first run has not been taken, so that no test, example file
/// or fitted model sees them before it).
/// </summary>
internal static class BlindFiles
{
    public static IEnumerable<string> Understanding()
    {
        var folder = FixtureLedger.DataFile("blind");
        var sealedFile = Path.Combine(folder, "sealed.txt");
        var sealedLetters = File.Exists(sealedFile)
            ? File.ReadAllLines(sealedFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : [];
        return Directory.GetFiles(folder, "understanding-*.jsonl").Where(f => !IsSealed(Path.GetFileNameWithoutExtension(f), sealedLetters));
    }

    /// <summary>A dated batch (understanding-2026-12-06-x) whose letter is sealed; the engineers' own batches (understanding-batch-x) are not.</summary>
    private static bool IsSealed(string name, HashSet<string> sealedLetters)
    {
        var dated = System.Text.RegularExpressions.Regex.Match(name, @"^understanding-\d{4}-\d{2}-\d{2}-([a-z]+)$");
        return dated.Success && sealedLetters.Contains(dated.Groups[1].Value);
    }
}
