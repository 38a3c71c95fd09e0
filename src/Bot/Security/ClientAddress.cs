namespace InstructorBot.Bot.Security;

/// <summary>
/// The client a request comes from, as rate limits and code throttles key on it: the connection's address, which the
/// forwarded-headers middleware has replaced by the real client's only when the request came through a configured proxy.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
