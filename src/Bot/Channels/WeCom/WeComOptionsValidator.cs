using Microsoft.Extensions.Options;

namespace InstructorBot.Bot.Channels.WeCom;

/// <summary>A configured WeCom channel must have a usable key; an unconfigured one is simply off.</summary>
internal sealed class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        if (WeComCrypto.DecodeKey(options.EncodingAESKey!) is null)
        {
            return ValidateOptionsResult.Fail("Channels:WeCom:EncodingAESKey must be 43 Base64 characters (a 32-byte key).");
        }

        return options.ReplyBudget <= TimeSpan.Zero || options.ReplyBudget >= TimeSpan.FromSeconds(5)
            ? ValidateOptionsResult.Fail("Channels:WeCom:ReplyBudget must be positive and under WeCom's 5 seconds.")
            : ValidateOptionsResult.Success;
    }
}
