namespace InstructorBot.Bot.Understanding;

public sealed partial class OrganizationIndex
{
    // Measure words of buildings, floors and counts: a numeral before one says where or how many (同一栋楼, 三号楼, 两家),
    // it names nothing.
    private const string PlaceMeasures = "栋幢座层号楼间家个排";

    /// <summary>
    /// True when <paramref name="candidate"/> ends with a one-character head (<c>unit_head_characters</c>: 馆, 铺, 楼, 轩…)
    /// that can end a name here: the name's stretch of characters ends with it (<paramref name="endsStretch"/>: "巧手缝纫铺，",
    /// not "…馆长说"), and no numeral + measure word stands before it ("同一栋楼", "三号楼": a place, not a name).
    /// </summary>
    private bool EndsWithHeadCharacter(string candidate, bool endsStretch)
    {
        if (!endsStretch || !headCharacters.Contains(candidate[^1]))
        {
            return false;
        }

        for (var i = 0; i + 1 < candidate.Length - 1; i++)
        {
            if ((ChineseNumber.IsNumeralChar(candidate[i])) && PlaceMeasures.Contains(candidate[i + 1], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
