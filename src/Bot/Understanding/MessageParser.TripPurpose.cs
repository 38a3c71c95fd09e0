namespace InstructorBot.Bot.Understanding;

// Stage (round 21, r21-uvisit): a lookup verb that says what a trip is for is no request for a unit's card.
internal sealed partial class MessageParser
{
    /// <summary>
    /// Round 21 (r21-uvisit): a verb of seeing (看看, 看下, 了解一下) with a motion verb (去, 到, 过去) before it in its clause and
    /// no word that turns to the bot there (帮我, 给我, 你): "让我去看看X", "去龙城那边看下X" say what a trip is (or was) for,
    /// not a request for the unit's card.
    /// </summary>
    private bool GoneToSee(int position)
    {
        if (clauses.Find(c => c.Start <= position && position <= c.End) is not { } clause)
        {
            return false;
        }

        var from = Math.Max(clause.Start, position - 10);
        return rules.Motion.FindFirst(text, from, position) is not null && !rules.Agents.BotRequests.ContainsAny(text, clause.Start, position);
    }
}
