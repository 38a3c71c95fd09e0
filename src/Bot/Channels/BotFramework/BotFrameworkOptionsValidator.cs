using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.BotFramework;

/// <summary>
/// An app id that is not a GUID is a placeholder left in the configuration (deploy/appsettings.Production.json ships
/// one): the host refuses to start rather than run an endpoint no channel can reach, or fall back to local mode.
/// </summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        if (options.IsLocalMode)
        {
            return ValidateOptionsResult.Success;
        }

        return Guid.TryParse(options.AppId, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "BotFramework:AppId must be the bot's Microsoft App ID (a GUID); replace the placeholder, or remove the "
                + "BotFramework section to turn the /api/messages endpoint off.");
    }
}
