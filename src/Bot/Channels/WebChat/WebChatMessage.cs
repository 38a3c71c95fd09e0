using InstructorBot.Bot.Conversation;

namespace InstructorBot.Bot.Channels.WebChat;

/// <summary>
/// One reply as the page gets it: the turn's reply and, for a reply that lists units, a button per unit that opens its
/// card (<see cref="UnitButtons"/>; the page shows them after the reply's own quick replies).
/// </summary>
public sealed record WebChatMessage(string Text, IReadOnlyList<QuickReply>? QuickReplies, ReplyAttachment? Attachment, IReadOnlyList<QuickReply>? Units)
{
    public static WebChatMessage Of(ReplyMessage reply, UnitButtons units)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(units);
        return new(reply.Text, reply.QuickReplies, reply.Attachment, units.For(reply));
    }
}
