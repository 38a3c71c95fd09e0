using System.Globalization;

namespace InstructorBot.Knowledge.Formation;

/// <summary>
/// A count said approximately ("五十多", "六十好几", "一百多", "三十来"): the bounds it lies within and the words as said.
/// A rule that only needs a bound ("超过50名", "3名以上") decides on it when the whole range is on one side.
/// </summary>
public sealed record CountRange(int Low, int High, string Said)
{
    /// <summary>
    /// The range of "N多/N余/N几/N好几/N出头" (above N, below the next step of N's last place: 五十多 → 51–59, 一百多 → 101–199)
    /// or "N来/N左右" (about N: within a fifth of it either way).
    /// </summary>
    public static CountRange? Of(int n, string approximation, string said)
    {
        if (n <= 0)
        {
            return null;
        }

        var place = 1;
        while (n % (place * 10) == 0)
        {
            place *= 10;
        }

        return approximation switch
        {
            "多" or "余" or "几" or "好几" or "出头" when place >= 10 => new CountRange(n + 1, n + place - 1, said),
            "来" or "左右" => new CountRange(n - (n / 5), n + (n / 5), said),
            _ => null,
        };
    }

    public bool Contains(int count) => count >= Low && count <= High;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Said} ({Low}–{High})");
}
