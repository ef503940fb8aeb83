namespace FrontDesk.Tools.Tests.Phones;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("(415) 555-0100", "+14155550100")]
    [InlineData("415.555.0100", "+14155550100")]
    [InlineData("1 415 555 0100", "+14155550100")]
    [InlineData("+1 (207) 555-0142", "+12075550142")]
    [InlineData("+44 20 7183 8750", "+442071838750")]
    [InlineData("555-123-4567", "+15551234567")] // the fictional 555 area code the demo is written with
    public void ToE164_reads_the_ways_people_write_a_number(string text, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(text));

    [Theory]
    [InlineData("0123456789")]
    [InlineData("212-055-1234")] // exchange codes never start with 0
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("")]
    [InlineData(null)]
    public void ToE164_refuses_what_is_not_a_phone_number(string? text) => Assert.Null(PhoneNumbers.ToE164(text));

    [Fact]
    public void A_number_without_a_country_code_is_read_in_the_spas_region()
    {
        var region = PhoneNumbers.RegionOf("+442071838750");
        Assert.Equal("GB", region);
        Assert.Equal("+442079460958", PhoneNumbers.ToE164("020 7946 0958", region));
        Assert.Equal("US", PhoneNumbers.RegionOf("+14155550100"));
    }

    [Fact]
    public void Replies_use_the_national_format_and_foreign_numbers_the_international_one()
    {
        Assert.Equal("(415) 555-0100", PhoneNumbers.ToNational("+14155550100"));
        Assert.Equal("+44 20 7183 8750", PhoneNumbers.ToNational("+442071838750"));
    }

    [Fact]
    public void Find_picks_numbers_out_of_a_message_with_where_they_stand()
    {
        const string text = "hi its maria, my cell is 415 555 0100 or work (207) 555-0142, thx";
        var found = PhoneNumbers.Find(text).ToList();
        Assert.Equal(["+14155550100", "+12075550142"], found.Select(f => f.E164));
        Assert.Equal("415 555 0100", text.Substring(found[0].Start, found[0].Length));
        Assert.Empty(PhoneNumbers.Find("my code is 123456 and I'd like 2 facials at 3:30"));
    }
}
