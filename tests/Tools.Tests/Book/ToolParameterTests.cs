using FrontDesk.TestSupport;

namespace FrontDesk.Tools.Tests.Book;

public sealed class ToolParameterTests
{
    [Fact]
    public async Task A_parameter_several_tools_share_is_described_the_same_in_each()
    {
        await using var h = await SpaBookHarness.StartAsync(TestStore.Sqlite);
        var parameters = h.Get<SpaToolsFactory>().Plugins.SelectMany(p => p).SelectMany(f => f.Metadata.Parameters).ToList();

        string[] shared = ["service", "provider", "time_of_day", "appointment_ref", "client_name", "client_phone"];
        foreach (var name in shared)
        {
            var descriptions = parameters.Where(p => p.Name == name).Select(p => p.Description).ToList();
            Assert.True(descriptions.Count >= 2, $"{name} is in {descriptions.Count} tool(s)");
            Assert.Single(descriptions.Distinct());
        }
    }
}
