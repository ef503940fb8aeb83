using FrontDesk.Agent.Understanding;

namespace FrontDesk.Agent.Tests.Understanding;

public class ContactExtractorTests
{
    [Theory]
    [InlineData("(555) 123-4567")]
    [InlineData("555.123.4567")]
    [InlineData("555-123-4567")]
    [InlineData("+1 555 123 4567")]
    [InlineData("1-555-123-4567")]
    [InlineData("5551234567")]
    [InlineData("my number is 555 123 4567 thanks")]
    [InlineData("five five five one two three four five six seven")]
    [InlineData("it's 555 one two three four five six seven")]
    [InlineData("five five five, one two three, four five six seven")]
    public void US_phone_numbers_become_E164(string text)
    {
        Assert.Equal("+15551234567", ContactExtractor.Extract(text).Phone);
    }

    [Theory]
    [InlineData("123-456")]
    [InlineData("at 3pm for 2 people")]
    [InlineData("0123456789")]
    [InlineData("one two three")]
    public void Short_or_invalid_numbers_are_not_phones(string text)
    {
        Assert.Null(ContactExtractor.Extract(text).Phone);
    }

    [Fact]
    public void The_phone_span_covers_the_number()
    {
        const string text = "call me on (555) 123-4567 after 5";
        var contact = ContactExtractor.Extract(text);

        Assert.Equal("(555) 123-4567", contact.PhoneSpan!.Value.Of(text));
    }

    [Theory]
    [InlineData("my email is Ava.Thompson@Example.com", "ava.thompson@example.com")]
    [InlineData("send it to ava+spa@mail.example.co.uk.", "ava+spa@mail.example.co.uk")]
    [InlineData("ava dot thompson at gmail dot com", "ava.thompson@gmail.com")]
    public void Emails_are_found_and_lower_cased(string text, string expected)
    {
        Assert.Equal(expected, ContactExtractor.Extract(text).Email);
    }

    [Theory]
    [InlineData("yeah so it's uh Marta Diaz, and my cell is four one five", "Marta Diaz")]
    [InlineData("this is um, Lee Park", "Lee Park")]
    [InlineData("my name is Ava Thompson", "Ava Thompson")]
    [InlineData("my name is ava", "Ava")]
    [InlineData("My name's Ava and I want a facial", "Ava")]
    [InlineData("name's Jo-Anne", "Jo-Anne")]
    [InlineData("Hi, this is Ava from accounting", "Ava")]
    [InlineData("I'm Ava, I'd like to book", "Ava")]
    [InlineData("it's Marcus", "Marcus")]
    [InlineData("hello it's Ava O'Neil calling", "Ava O'Neil")]
    public void Names_are_taken_from_introductions(string text, string expected)
    {
        Assert.Equal(expected, ContactExtractor.Extract(text).Name);
    }

    [Theory]
    [InlineData("I'm looking for a massage")]
    [InlineData("I'm interested in botox")]
    [InlineData("this is great")]
    [InlineData("it's fine")]
    [InlineData("I'm Not sure")]
    [InlineData("i'm running late")]
    [InlineData("ava thompson")]
    public void Ordinary_sentences_have_no_name(string text)
    {
        Assert.Null(ContactExtractor.Extract(text).Name);
    }

    [Theory]
    [InlineData("ava thompson", "Ava Thompson")]
    [InlineData("Ava", "Ava")]
    [InlineData("sure, it's Ava", "Ava")]
    public void A_bare_reply_is_a_name_when_the_agent_asked_for_one(string text, string expected)
    {
        Assert.Equal(expected, ContactExtractor.Extract(text, expectingName: true).Name);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("tomorrow")]
    [InlineData("why do you need it")]
    public void Replies_that_are_not_names_are_rejected_even_when_expected(string text)
    {
        Assert.Null(ContactExtractor.Extract(text, expectingName: true).Name);
    }

    [Fact]
    public void All_three_can_come_in_one_message()
    {
        var contact = ContactExtractor.Extract("This is Ava, 555-123-4567, ava@example.com");

        Assert.Equal("Ava", contact.Name);
        Assert.Equal("+15551234567", contact.Phone);
        Assert.Equal("ava@example.com", contact.Email);
    }

    [Theory]
    [InlineData("hey its jamie fox 4155550142 looking for a hydrafacial", "Jamie Fox", "+14155550142")]
    [InlineData("this is sam lee, 415-555-0123", "Sam Lee", "+14155550123")]
    [InlineData("im ana ruiz 415 555 0177 need a pedicure", "Ana Ruiz", "+14155550177")]
    public void A_lower_case_name_between_an_intro_and_a_phone_is_the_name(string text, string name, string phone)
    {
        var contact = ContactExtractor.Extract(text);
        Assert.Equal(name, contact.Name);
        Assert.Equal(phone, contact.Phone);
    }

    [Theory]
    [InlineData("its for tomorrow 4155550142")]
    [InlineData("this is urgent please 415 555 0123")]
    public void Words_between_an_intro_and_a_phone_that_are_not_names_are_not_a_name(string text)
    {
        Assert.Null(ContactExtractor.Extract(text).Name);
    }

    [Theory]
    [InlineData("its Dana, Dana Reyes, 415 555 0350", "Dana Reyes")]
    [InlineData("this is Sam... Sam Lee", "Sam Lee")]
    [InlineData("its Dana, 415 555 0350", "Dana")]
    public void A_first_name_said_again_with_the_last_name_is_the_full_name(string text, string name)
    {
        Assert.Equal(name, ContactExtractor.Extract(text).Name);
    }
}
