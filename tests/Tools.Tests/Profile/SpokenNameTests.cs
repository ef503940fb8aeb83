using FrontDesk.Tools.Profile;

namespace FrontDesk.Tools.Tests.Profile;

/// <summary>How a provider is named in speech: never a title with no name.</summary>
public sealed class SpokenNameTests
{
    [Theory]
    [InlineData("Dr. Helen Kim", "Dr. Kim")]
    [InlineData("Dr Helen Kim", "Dr Kim")]
    [InlineData("Doctor Ana Ruiz", "Doctor Ruiz")]
    [InlineData("Maya Chen", "Maya")]
    [InlineData("Sam", "Sam")]
    [InlineData("Dr.", "Dr.")]
    public void A_title_keeps_the_last_name(string full, string spoken) => Assert.Equal(spoken, StaffMember.SpokenName(full));

    [Fact]
    public void No_demo_provider_is_spoken_as_a_bare_title()
    {
        var demo = SpaProfileLoader.Load(FrontDesk.TestSupport.TestFiles.DemoProfile);
        Assert.All(demo.Staff, s => Assert.DoesNotMatch(@"^(Dr|Doctor)\.?$", s.FirstName));
        Assert.Equal("Dr. Kim", demo.FindStaff("dr-kim")!.FirstName);
    }
}
