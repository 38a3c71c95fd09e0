using System.Collections.Concurrent;
using System.Net;
using System.Text;
using InstructorBot.Bot.Tests.BotFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InstructorBot.Bot.Tests.Llm;

/// <summary>
/// A stand-in for the deployer's model: an OpenAI-compatible endpoint (<c>POST /v1/chat/completions</c>, as vLLM, Ollama
/// and Xinference serve it) on Kestrel at 127.0.0.1 and a free port, replaying chat-completion responses with tool calls
/// from tests/data/llm, or misbehaving on purpose (late, a 500, not JSON, a flood). It keeps every request body it got,
/// so a test can check what left the machine.
/// </summary>
internal sealed class StandInModel : IAsyncDisposable
{
    private LoopbackServer server = null!;

    /// <summary>The base address a deployer would put in <c>Llm:Endpoint</c>.</summary>
    public Uri Endpoint => new(server.Address, "/v1");

    /// <summary>What the endpoint does with the next requests (replays a file by default).</summary>
    public Func<HttpContext, Task> Reply { get; set; } = Status(HttpStatusCode.ServiceUnavailable);

    /// <summary>The request bodies received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<StandInModel> StartAsync()
    {
        var model = new StandInModel();
        model.server = await LoopbackServer.StartAsync((app, _) => app.MapPost("/v1/chat/completions", async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            model.Requests.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
            await model.Reply(context);
        }));
        return model;
    }

    /// <summary>Replays a recorded chat-completion response from tests/data/llm.</summary>
    public static Func<HttpContext, Task> Replay(string file) => async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "data", "llm", file)));
    };

    /// <summary>Answers only after <paramref name="delay"/> (a model busy or stuck), then with the recorded response.</summary>
    public static Func<HttpContext, Task> Late(TimeSpan delay, string file) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Replay(file)(context);
    };

    public static Func<HttpContext, Task> Status(HttpStatusCode status) => context =>
    {
        context.Response.StatusCode = (int)status;
        return context.Response.WriteAsync("""{"error":{"message":"model crashed","type":"server_error"}}""");
    };

    /// <summary>A 200 whose body is not the JSON of a chat completion.</summary>
    public static Func<HttpContext, Task> NotJson() => context =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"id":"chatcmpl-x","choices":[{"index":0,"message":{"role":"assistant","tool_calls":[{"id":"c""");
    };

    /// <summary>A model that does not stop: content streamed without end (until the client leaves, or 30 s).</summary>
    public static Func<HttpContext, Task> Flood() => async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":"chatcmpl-x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":" """);
        var tokens = string.Concat(Enumerable.Repeat("党建工作指导员", 500));
        var until = DateTime.UtcNow.AddSeconds(30);
        try
        {
            while (DateTime.UtcNow < until && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.WriteAsync(tokens, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client hung up: what the test wants.
        }
    };

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
