using FrontDesk.Channels.BotFramework;
using FrontDesk.Channels.Hosting;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.Twilio;
using FrontDesk.Channels.WebChat;

if (HostArguments.Translate(args, Console.Error) is not { } hostArgs)
{
    return 1;
}
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddFrontDeskChannels();
builder.AddFrontDeskLogging();
builder.AddFrontDeskTelemetry();
builder.AddFrontDeskWebChat();
builder.AddFrontDeskBotFramework();
builder.AddFrontDeskTerminalChat(args);

var app = builder.BuildValidated();
if (app is null || !await app.InitializeFrontDeskAsync())
{
    return 1;
}
if (await app.RunStaffCommandAsync(args) is { } exitCode)
{
    return exitCode;
}
if (TerminalChat.IsRequested(args))
{
    return await app.RunTerminalChatAsync();
}
app.UseFrontDeskWebChat();
app.MapHealthEndpoints();
app.MapWebChatEndpoints();
app.MapLandingPage();
app.MapBotFrameworkEndpoints();
app.MapTwilioEndpoints();
app.MapFrontDeskStaff();
app.PrintWhereToClick();
return await app.RunFrontDeskAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
