using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace InstructorBot.Bot.Tests.Conversation;

/// <summary>
/// The in-memory test server has no socket, so a request has no remote address; it comes from this process, so it gets
/// the loopback address Kestrel would give a local client. Requests over Kestrel keep their real address.
/// </summary>
public sealed class InProcessLoopback : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, following) =>
        {
            http.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return following(http);
        });
        next(app);
    };
}
