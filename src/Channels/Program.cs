using FrontDesk.Channels.Hosting;
using FrontDesk.Channels.Staff;
using FrontDesk.Channels.WebChat;

var builder = WebApplication.CreateBuilder(HostArguments.Translate(args));
builder.AddFrontDeskChannels();

var app = builder.Build();
if (!await app.InitializeFrontDeskAsync())
{
    return 1;
}
if (await app.RunStaffCommandAsync(args) is { } exitCode)
{
    return exitCode;
}
app.MapHealthEndpoints();
app.MapWebChatEndpoints();
app.MapFrontDeskStaff();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
