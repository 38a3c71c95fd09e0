namespace InstructorBot.Bot.Conversation;

/// <summary>A message as any channel delivers it to the turn pipeline.</summary>
/// <param name="Channel">The channel's name: <c>web</c>, <c>terminal</c>, <c>botframework</c>, <c>wecom</c>, <c>dingtalk</c>, <c>feishu</c>.</param>
/// <param name="ChannelUserId">The sender's id on that channel (for <c>web</c> and <c>terminal</c>, the registered user id).</param>
/// <param name="ConversationId">The channel's conversation id.</param>
/// <param name="ChannelMessageId">The channel's id of this message; a message id already handled is not handled again.</param>
/// <param name="Text">What the user wrote.</param>
/// <param name="SentAt">When it was sent; relative dates resolve against it.</param>
public sealed record IncomingMessage(
    string Channel,
    string ChannelUserId,
    string ConversationId,
    string ChannelMessageId,
    string Text,
    DateTimeOffset SentAt);
