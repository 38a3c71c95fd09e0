using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Understanding;

// Stage: lookups and help said in other words (round 16, branch r16-uvisit). A lookup asked and then asked again in the
// next sentence with no unit of its own ("启航学校现在老师多少人来着？查一下", "能查到顺达快递的情况吗？想看看它现在有几个
// 党员") is one lookup, not a lookup and a question for the documents; a question about how the sender talks to the bot
// (发语音它能听懂吗, 是直接打字说就行吗) is help. Vocabulary as data: mood_operators input_modes (AgentWords).
internal sealed partial class MessageParser
{
    /// <summary>
    /// A request part of a compound message that names no unit and reads only as the rules' fallback (a question for the
    /// documents, or a card with no unit), after a lookup of a unit in the message: the same lookup said again, when it
    /// asks by a lookup verb (查一下, 看看) or points back (它, 他们) and asks neither how nor what a term means.
    /// </summary>
    private bool SameLookupAgain(int start, int end, IReadOnlyList<UnderstoodAction> read, List<UnderstoodAction> before)
    {
        if (!before.Any(a => a.Kind == ActionKind.OrgLookup) || read.Count == 0
            || !read.All(a => (a.Kind == ActionKind.PolicyQuestion && a.IsFallback) || (a.Kind == ActionKind.OrgLookup && a.Organization is null))
            || UsableMentions().Any(m => m.Start >= start && m.Start < end && !m.IsGeneric))
        {
            return false;
        }

        var words = text[start..end];
        return !rules.How.ContainsAny(words) && !rules.PolicyDefinition.ContainsAny(words) && !rules.AsksAdvice(words) && !DocumentRuleAsked()
            && (rules.Lookup.ContainsAny(words) || rules.Pronouns.FindFirst(words) is not null);
    }

    /// <summary>
    /// "发语音它能听懂吗", "是直接打字说就行吗", "能不能直接发语音报情况": a question with a word of how the sender talks to the
    /// bot, no unit named: how to use the bot.
    /// </summary>
    private bool InputModeAsked() =>
        rules.Agents.InputModes.ContainsAny(text) && !UsableMentions().Any(m => !m.IsGeneric) && IsQuestion(0, text.Length)
        && !rules.PolicyDefinition.ContainsAny(text) && !rules.AsksAdvice(text);
}
