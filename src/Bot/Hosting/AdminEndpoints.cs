using System.Net;
using InstructorBot.Bot.Cli;
using InstructorBot.Store;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace InstructorBot.Bot.Hosting;

/// <summary>
/// Admin while the host runs (CLI.md additions): <c>import</c>, <c>index</c>, <c>users code</c> and <c>users bind</c> from
/// the command line reach the running host through <c>POST /admin/run</c>, which answers only requests from loopback
/// that carry the token of <see cref="AdminFile"/>; everyone else gets 404, as if there were no such endpoint. The verbs
/// run the same code as they do directly, on the host's own store and index.
/// </summary>
public static class AdminEndpoints
{
    private const long MaxUpload = 256L * 1024 * 1024;

    public static IServiceCollection AddBotAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = configuration["Store:Path"] is { Length: > 0 } path ? path : BotPaths.DefaultDatabase;
        services.AddSingleton(new AdminAccess(database));
        services.AddHostedService<AdminFilePublisher>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost(AdminClient.Path, RunAsync);
        return app;
    }

    private static async Task<IResult> RunAsync(HttpContext http, AdminAccess access, InstructorStore store, AddedKnowledge added,
        Demo.DemoWorkspace demo, CancellationToken cancellationToken)
    {
        var remote = http.Connection.RemoteIpAddress;
        var token = http.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;
        // A request relayed by a reverse proxy on this machine also arrives from loopback: one that carries forwarding
        // headers came from elsewhere, and the command line never sends them.
        var relayed = http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded");
        if (remote is null || !IPAddress.IsLoopback(remote) || relayed || access.Current is not { } admin || !admin.Accepts(token))
        {
            return Results.NotFound();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUpload;
        }

        AdminRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<AdminRequest>(CliContext.Json, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            return Results.BadRequest(new AdminReply(false, [], "请求格式不对", "malformed admin request"));
        }

        try
        {
            var lines = await ExecuteAsync(request, access, store, added, demo, cancellationToken);
            return Results.Ok(new AdminReply(true, lines));
        }
        catch (CliException refused)
        {
            return Results.BadRequest(new AdminReply(false, [], refused.Chinese, refused.English));
        }
        catch (StoreException refused)
        {
            return Results.BadRequest(new AdminReply(false, [], refused.Message, "the store refused the request"));
        }
    }

    private static async Task<IReadOnlyList<string>> ExecuteAsync(AdminRequest request, AdminAccess access, InstructorStore store,
        AddedKnowledge added, Demo.DemoWorkspace demo, CancellationToken cancellationToken)
    {
        string Option(string name) => request.Options.TryGetValue(name, out var value)
            ? value
            : throw new CliException($"缺少参数 {name}", $"missing option {name}");

        switch (request.Verb)
        {
            case "users code":
                var minutes = int.TryParse(Option("--minutes"), System.Globalization.CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 1440 ? m : 15;
                return [await UsersVerb.IssueCodeAsync(store, Option("--user"), minutes, cancellationToken)];
            case "users bind":
                return [await UsersVerb.BindAsync(store, Option("--user"), Option("--channel"), Option("--id"), cancellationToken)];
            case "import":
            {
                using var folder = access.UploadFolder();
                var ledger = request.Files.FirstOrDefault(f => f.Option == "--ledger") is { } l ? folder.Save(l) : null;
                var users = request.Files.FirstOrDefault(f => f.Option == "--users") is { } u ? folder.Save(u) : null;
                return await ImportVerb.ImportAsync(store, ledger, users, cancellationToken);
            }

            case "index":
            {
                // Indexed documents are kept under the data folder, one file per name, so indexing a changed file again
                // replaces it, as it does when the index is written directly.
                // On PostgreSQL they also go into the database, from which every host's index follows.
                return added.Add(() => request.Files.Select(access.SaveDocument).ToList(), Path.GetFileName);
            }

            case "demo remove":
                return [await demo.RemoveAsync(cancellationToken)];

            default:
                throw new CliException($"运行中的服务不执行该命令：{request.Verb}", $"the running host does not run {request.Verb}");
        }
    }

    /// <summary>Writes the admin file once the host listens on an address the command line can reach, and deletes it on stop.</summary>
    private sealed class AdminFilePublisher(IServer server, IHostApplicationLifetime lifetime, AdminAccess access, ILogger<AdminFilePublisher> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                if (LoopbackAddress.Of(addresses) is { } url)
                {
                    access.Publish(url);
                    logger.LogInformation("Admin endpoint published for the command line at {Url}", url);
                }
            });
            lifetime.ApplicationStopping.Register(access.Withdraw);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
