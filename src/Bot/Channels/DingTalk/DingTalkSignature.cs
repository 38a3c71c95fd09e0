using System.Security.Cryptography;
using System.Text;
using InstructorBot.Bot.Channels.ChannelDelivery;

namespace InstructorBot.Bot.Channels.DingTalk;

/// <summary>
/// 钉钉机器人回调签名: <c>sign</c> = Base64(HMAC-SHA256(key = AppSecret, data = timestamp + "\n" + AppSecret)),
/// with <c>timestamp</c> in milliseconds.
/// </summary>
public static class DingTalkSignature
{
    public static string Compute(string appSecret, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(appSecret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var key = Encoding.UTF8.GetBytes(appSecret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(timestamp + "\n" + appSecret)));
    }

    public static bool Verify(string appSecret, string timestamp, string? sign) =>
        ChannelHttp.FixedTimeEquals(Compute(appSecret, timestamp), sign);
}
