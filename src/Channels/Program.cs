using FrontDesk.Channels.Hosting;
using FrontDesk.Channels.Twilio;
using FrontDesk.Channels.WebChat;

var builder = WebApplication.CreateBuilder(HostArguments.Translate(args));
builder.AddFrontDeskChannels();

var app = builder.Build();
if (!await app.InitializeFrontDeskAsync())
{
    return 1;
}
app.MapHealthEndpoints();
app.MapWebChatEndpoints();
app.MapTwilioEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
