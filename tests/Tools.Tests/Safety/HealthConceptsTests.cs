using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Safety;

namespace FrontDesk.Tools.Tests.Safety;

/// <summary>Flags, stated conditions and medicines against a profile's contraindications, by concept.</summary>
public sealed class HealthConceptsTests
{
    [Theory]
    [InlineData("pregnancy", "pregnancy-first-trimester")]
    [InlineData("pregnancy-first-trimester", "pregnancy")]
    [InlineData("pregnant", "pregnancy")]
    [InlineData("blood-thinner", "blood-thinners")]
    [InlineData("anticoagulants", "blood-thinners")]
    [InlineData("warfarin", "blood-thinners")]
    [InlineData("eliquis", "blood-thinners")]
    [InlineData("doxycycline", "photosensitizing-medication")]
    [InlineData("doxycycline", "photosensitizing")]
    [InlineData("accutane", "isotretinoin")]
    [InlineData("isotretinoin", "photosensitizing-medication")]
    [InlineData("nursing", "breastfeeding")]
    [InlineData("Active Rash", "active-rash")]
    public void A_condition_matches_the_contraindication_it_is(string condition, string contraindication) =>
        Assert.True(HealthConcepts.Matches(condition, contraindication), $"{condition} should match {contraindication}");

    [Theory]
    [InlineData("blood-thinners", "pregnancy")]
    [InlineData("doxycycline", "blood-thinners")]
    [InlineData("tretinoin", "isotretinoin")]
    [InlineData("eye-infection", "active-rash")]
    [InlineData("breastfeeding", "pregnancy")]
    public void A_condition_does_not_match_a_different_concept(string condition, string contraindication) =>
        Assert.False(HealthConcepts.Matches(condition, contraindication), $"{condition} should not match {contraindication}");

    [Fact]
    public void The_demo_profile_refuses_what_its_clients_flags_rule_out()
    {
        var demo = SpaProfileLoader.Load(FrontDesk.TestSupport.TestFiles.DemoProfile);
        var chloe = demo.Clients.Single(c => c.Id == "c-chloe");
        var swedish = demo.FindService("swedish-60")!;
        var prenatal = demo.FindService("prenatal-60")!;
        Assert.Equal("pregnancy-first-trimester", HealthConcepts.FirstMatch(swedish.Contraindications, chloe.HealthFlags));
        Assert.Null(HealthConcepts.FirstMatch(prenatal.Contraindications, chloe.HealthFlags));
    }

    [Fact]
    public void Medicines_are_found_by_generic_or_brand_name_in_any_spacing()
    {
        var found = HealthConcepts.MedicinesIn("im on retin a and doxycycline, also eliquis").Select(m => m.Class.Name).ToList();
        Assert.Equal(["blood-thinners", "photosensitizing-medication", "topical-retinoid"], found.Order(StringComparer.Ordinal));
    }
}
