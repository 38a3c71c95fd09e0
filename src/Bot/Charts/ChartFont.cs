using SkiaSharp;

namespace InstructorBot.Bot.Charts;

/// <summary>
/// The font the charts draw Chinese with: Noto Sans CJK SC from Debian's <c>fonts-noto-cjk</c> (installed by .ci/run and
/// named in deploy/README.md). Without it a chart's Chinese would be tofu boxes, so <see cref="Find"/> falls back to any
/// installed family that has the glyphs, and says none was found rather than drawing boxes silently.
/// </summary>
public static class ChartFont
{
    public const string Preferred = "Noto Sans CJK SC";

    /// <summary>Characters every chart title and label uses; a family must draw all of them.</summary>
    public const string Probe = "覆盖率街道走访趋势";

    /// <summary>The family to draw with, or null when no installed family draws Chinese.</summary>
    public static string? Find()
    {
        if (Draws(Preferred))
        {
            return Preferred;
        }

        using var fallback = SKFontManager.Default.MatchCharacter(Probe[0]);
        return fallback is not null && Draws(fallback.FamilyName) ? fallback.FamilyName : null;
    }

    /// <summary>Whether the installed family <paramref name="family"/> has a glyph for every character of <see cref="Probe"/>.</summary>
    public static bool Draws(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        if (typeface is null || !string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return typeface.GetGlyphs(Probe).All(g => g != 0);
    }
}
