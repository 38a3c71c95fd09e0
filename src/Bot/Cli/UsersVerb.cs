using System.Globalization;
using InstructorBot.Bot.Conversation;
using InstructorBot.Store;

namespace InstructorBot.Bot.Cli;

/// <summary>
/// The <c>users</c> verb: <c>users code --user ID [--minutes N]</c> prints a one-time code (web chat sign-in or
/// "绑定 CODE" on a channel); <c>users bind --user ID --channel C --id X</c> binds a channel identity.
/// </summary>
public sealed class UsersVerb : ICliVerb
{
    public string Name => "users";

    public async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Args;
        switch (args.SubVerb)
        {
            case "code":
            {
                var userId = args.Required("--user");
                var minutes = 15;
                if (args.Option("--minutes") is { } text
                    && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes is < 1 or > 1440))
                {
                    throw new CliException($"--minutes 应为 1 到 1440 之间的整数：{text}", $"--minutes must be a whole number from 1 to 1440: {text}");
                }

                var request = new AdminRequest("users code", new Dictionary<string, string> { ["--user"] = userId, ["--minutes"] = minutes.ToString(CultureInfo.InvariantCulture) }, []);
                if (await AdminClient.TrySendAsync(context.DatabasePath, request, cancellationToken) is { } reply)
                {
                    return await AdminClient.PrintAsync(context, reply);
                }

                using var store = StoreOpener.Open(context);
                await context.Output.WriteLineAsync(await IssueCodeAsync(store, userId, minutes, cancellationToken));
                return 0;
            }

            case "bind":
            {
                var userId = args.Required("--user");
                var channel = args.Required("--channel").ToLowerInvariant();
                var channelUserId = args.Required("--id");
                if (!ChannelBindings.BindableChannels.Contains(channel))
                {
                    throw new CliException(
                        $"未知的渠道 {channel}（可用：{string.Join("、", ChannelBindings.BindableChannels)}）",
                        $"unknown channel {channel}");
                }

                var request = new AdminRequest("users bind", new Dictionary<string, string> { ["--user"] = userId, ["--channel"] = channel, ["--id"] = channelUserId }, []);
                if (await AdminClient.TrySendAsync(context.DatabasePath, request, cancellationToken) is { } reply)
                {
                    return await AdminClient.PrintAsync(context, reply);
                }

                using var store = StoreOpener.Open(context);
                await context.Output.WriteLineAsync(await BindAsync(store, userId, channel, channelUserId, cancellationToken));
                return 0;
            }

            default:
                throw new CliException(
                    "用法：users code --user ID [--minutes N] | users bind --user ID --channel C --id X",
                    "usage: users code --user ID [--minutes N] | users bind --user ID --channel C --id X");
        }
    }

    /// <summary>A one-time code for <paramref name="userId"/>, valid for <paramref name="minutes"/>.</summary>
    internal static async Task<string> IssueCodeAsync(InstructorStore store, string userId, int minutes, CancellationToken cancellationToken)
    {
        RequireUser(store, userId);
        return await new OneTimeCodes(store, TimeProvider.System).IssueAsync(userId, TimeSpan.FromMinutes(minutes), cancellationToken);
    }

    /// <summary>Binds a channel identity to <paramref name="userId"/>; the line to print.</summary>
    internal static async Task<string> BindAsync(InstructorStore store, string userId, string channel, string channelUserId, CancellationToken cancellationToken)
    {
        RequireUser(store, userId);
        await new ChannelBindings(store).BindAsync(userId, channel, channelUserId, cancellationToken);
        return $"已绑定：{channel} {channelUserId} → {userId}";
    }

    private static void RequireUser(InstructorStore store, string userId)
    {
        if (store.FindUser(userId) is null)
        {
            throw new CliException($"未找到用户 {userId}（请先 import --users）", $"unknown user {userId} (import users first)");
        }
    }
}
