using InstructorBot.Bot.Channels.BotFramework;
using InstructorBot.Bot.Channels.WebChat;
using InstructorBot.Bot.Channels.DingTalk;
using InstructorBot.Bot.Channels.Feishu;
using InstructorBot.Bot.Channels.WeCom;
using InstructorBot.Bot.Security;

namespace InstructorBot.Bot.Hosting;

/// <summary>Registers and maps every channel (web chat, Bot Framework, 企业微信, 钉钉, 飞书). A channel without configuration is off.</summary>
public static class ChannelServices
{
    public static IServiceCollection AddBotChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddBotHttpErrors();
        services.AddBotForwardedHeaders(configuration);
        services.AddBotDataProtection(configuration);
        services.AddBotRequestLogging();
        services.AddWebChatChannel();
        services.AddBotFrameworkChannel(configuration);
        services.AddWeCom();
        services.AddDingTalk();
        services.AddFeishu();
        return services;
    }

    public static WebApplication MapBotChannels(this WebApplication app)
    {
        app.UseBotForwardedHeaders();
        app.UseBotRequestLogging();
        app.UseBotHttpErrors();
        app.UseWebChatChannel();
        app.MapWebChat();
        app.MapBotFramework();
        app.MapWeCom();
        app.MapDingTalk();
        app.MapFeishu();
        return app;
    }
}
