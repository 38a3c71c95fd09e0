namespace InstructorBot.Bot.Charts;

/// <summary>
/// A chart drawn as a PNG: its title (also the image's text alternative and the file name's stem), the bytes, and the
/// size in pixels.
/// </summary>
public sealed record ChartImage(string Title, byte[] Png, int Width, int Height)
{
    public const string ContentType = "image/png";

    /// <summary>A file name for the image: the title without characters a file name cannot carry.</summary>
    public string FileName => string.Concat(Title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is ' ' or '/' or '\\' ? '-' : c)) + ".png";
}
