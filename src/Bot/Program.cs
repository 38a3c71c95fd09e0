using InstructorBot.Bot.Cli;
using InstructorBot.Bot.Demo;
using InstructorBot.Bot.Hosting;

// One executable: a verb runs the command line (shared/contracts/CLI.md); none, or `serve`, starts the host.
if (!CliApp.StartsHost(args))
{
    return await CliApp.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(CliApp.HostArgs(args));
builder.Services.AddBotStore(builder.Configuration);
builder.Services.AddBotKnowledge(builder.Configuration);
builder.Services.AddBotUnderstanding(builder.Configuration);
builder.Services.AddBotConversation(builder.Configuration);
builder.Services.AddBotCoordination(builder.Configuration);
builder.Services.AddBotChannels(builder.Configuration);
builder.Services.AddBotRetention();
builder.Services.AddBotScheduler();
builder.Services.AddBotAdmin(builder.Configuration);
builder.Services.AddBotDemo();
builder.Services.AddBotHostLifetime();

var app = builder.Build();
app.MapHealth();
app.MapBotChannels();
app.MapAdmin();
return await app.RunBotHostAsync();
