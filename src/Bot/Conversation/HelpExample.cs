namespace InstructorBot.Bot.Conversation;

/// <summary>One help line: what it does and a message that does it.</summary>
public sealed record HelpExample(string What, string Text)
{
    /// <summary>
    /// The examples as buttons that fill the composer: an example names a real unit of the sender's jurisdiction, so
    /// sending it as it stands would record a visit that did not happen. Titled with the example's own text, which the
    /// reply already holds (a text-only channel adds nothing).
    /// </summary>
    public static IReadOnlyList<QuickReply>? Buttons(IEnumerable<HelpExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var buttons = examples.Select(e => new QuickReply(e.Text, e.Text, Compose: true)).ToList();
        return buttons.Count == 0 ? null : buttons;
    }
}
