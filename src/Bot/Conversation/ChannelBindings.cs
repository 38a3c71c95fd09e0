using InstructorBot.Store;
using InstructorBot.Store.Domain;

namespace InstructorBot.Bot.Conversation;

/// <summary>
/// Binds a channel identity (企业微信, 钉钉, 飞书, Bot Framework user id) to a registered user: by an admin (command line or
/// chat) or by the user with a one-time code. An identity belongs to one user; binding it again moves it.
/// </summary>
public sealed class ChannelBindings(InstructorStore store)
{
    /// <summary>Channels whose user ids are bound identities (web and terminal use the registered user id itself).</summary>
    public static readonly IReadOnlySet<string> BindableChannels =
        new HashSet<string>(["botframework", "wecom", "dingtalk", "feishu"], StringComparer.Ordinal);

    public async Task<User> BindAsync(string userId, string channel, string channelUserId, CancellationToken cancellationToken)
    {
        var user = store.FindUser(userId) ?? throw new ArgumentException($"unknown user {userId}", nameof(userId));
        var identity = new ChannelIdentity(channel, channelUserId);
        if (store.FindUserByChannel(channel, channelUserId) is { } previous && previous.Id != user.Id)
        {
            await store.SaveUserAsync(previous with { ChannelIdentities = [.. previous.ChannelIdentities.Where(i => i != identity)] }, cancellationToken);
        }

        if (user.ChannelIdentities.Contains(identity))
        {
            return user;
        }

        var bound = user with { ChannelIdentities = [.. user.ChannelIdentities, identity] };
        await store.SaveUserAsync(bound, cancellationToken);
        return bound;
    }
}
