namespace InstructorBot.Store.Domain;

/// <summary>A user's id on one channel, e.g. (<c>wecom</c>, <c>ZhangWei</c>).</summary>
public sealed record ChannelIdentity(string Channel, string ChannelUserId);
