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

                using var store = InstructorStore.Open(context.DatabasePath);
                RequireUser(store, userId);
                var code = await new OneTimeCodes(store, TimeProvider.System).IssueAsync(userId, TimeSpan.FromMinutes(minutes), cancellationToken);
                await context.Output.WriteLineAsync(code);
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

                using var store = InstructorStore.Open(context.DatabasePath);
                RequireUser(store, userId);
                await new ChannelBindings(store).BindAsync(userId, channel, channelUserId, cancellationToken);
                await context.Output.WriteLineAsync($"已绑定：{channel} {channelUserId} → {userId}");
                return 0;
            }

            default:
                throw new CliException(
                    "用法：users code --user ID [--minutes N] | users bind --user ID --channel C --id X",
                    "usage: users code --user ID [--minutes N] | users bind --user ID --channel C --id X");
        }
    }

    private static void RequireUser(InstructorStore store, string userId)
    {
        if (store.FindUser(userId) is null)
        {
            throw new CliException($"未找到用户 {userId}（请先 import --users）", $"unknown user {userId} (import users first)");
        }
    }
}
