using InstructorBot.Bot.Conversation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InstructorBot.Bot.Tests.Channels;

/// <summary>The real host (Program) with channel secrets from configuration and the recording turn pipeline.</summary>
public sealed class ChannelHost(IReadOnlyDictionary<string, string?> settings, RecordingTurnPipeline pipeline) : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("instructorbot-channels-").FullName;

    public RecordingTurnPipeline Pipeline => pipeline;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads Store:Path while composing, before the latter applies,
        // and the channels open the store (their delivery log) even with the recording pipeline.
        var all = TestHostSettings.Defaults();
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        all["Store:Path"] = Path.Combine(dataDirectory, "bot.db");
        foreach (var (key, value) in all)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITurnPipeline>();
            services.AddSingleton<ITurnPipeline>(pipeline);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, Conversation.InProcessLoopback>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background flush is left to the OS's temp cleanup.
            }
        }
    }
}
