namespace InstructorBot.Bot.Understanding;

// Stage (round 21, r21-uvisit): a lookup verb that says what a trip is for is no request for a unit's card; a unit found by a
// body (我们社区新摸到一家…) is that body's survey, not the sender's visit.
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

    /// <summary>
    /// "我们社区新摸到一家…": a verb of finding a unit (a visit verb that ends with its classifier, 摸到一家, 摸排到一家) whose
    /// subject is a body (社区, 街道, 上级 — the appointer words) reports the body's survey, not a visit the sender made; a body
    /// said as the place (在坂田社区摸到一家) does not count.
    /// </summary>
    private bool UnitFoundByABody(Clause clause, int position, string verb) =>
        verb.EndsWith("一家", StringComparison.Ordinal) && rules.Agents.Appointers.FindFirst(text, clause.Start, position) is { } body
        && text.AsSpan(clause.Start, body.Position - clause.Start).IndexOfAny("在到") < 0;
}
