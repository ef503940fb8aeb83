using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Semantic;

namespace FrontDesk.Tools.Tests.Semantic;

/// <summary>The demo profile's services by meaning, with the real model (all-MiniLM-L6-v2, bundled).</summary>
public class SemanticServicesTests
{
    private static readonly SemanticServices Services = new(SpaProfileLoader.Load(TestFiles.DemoProfile), SentenceEmbedder.Shared);

    [Theory]
    [InlineData("i want plumper lips", "lip-filler")]
    [InlineData("fade the sun spots on my face", "ipl-photofacial")]
    public void Search_puts_the_service_meant_first(string text, string expected)
    {
        Assert.Equal(expected, Services.Search(text)[0].ServiceId);
    }

    [Fact]
    public void Search_puts_a_massage_first_for_tight_shoulders_and_nothing_near_for_a_garage_door()
    {
        var shoulders = Services.Search("something to work the knots out of my neck and shoulders");
        Assert.Contains(shoulders[0].ServiceId, new[] { "deep-tissue-60", "swedish-60", "swedish-90", "prenatal-60" });
        Assert.True(shoulders[0].Similarity >= 0.4f, $"shoulders {shoulders[0].Similarity}");
        Assert.True(Services.Search("can someone come fix my garage door")[0].Similarity < 0.4f);
    }

    [Fact]
    public void Search_returns_one_row_per_service_best_first()
    {
        var found = Services.Search("a relaxing massage", 6);
        Assert.Equal(found.Count, found.Select(f => f.ServiceId).Distinct().Count());
        Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
    }
}
