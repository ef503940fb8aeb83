using System.Xml.Linq;
using FrontDesk.Channels.Twilio;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Twilio.TwiML;
using Gather = Twilio.TwiML.Voice.Gather;

namespace FrontDesk.Channels.Tests.Twilio;

public class TwimlTests
{
    [Fact]
    public void Empty_response_is_a_bare_Response_element_without_a_declaration()
    {
        var text = new VoiceResponse().ToXml();

        Assert.StartsWith("<Response", text, StringComparison.Ordinal);
        var xml = XElement.Parse(text);
        Assert.False(xml.HasElements);
        Assert.False(xml.HasAttributes);
    }

    [Fact]
    public void Say_carries_voice_language_and_escaped_text()
    {
        const string text = "Fish & chips <b>bold</b> \"quoted\" 'single' — café 😀";
        var twiml = new VoiceResponse().Append(Twiml.Say(text, voice: "Polly.Joanna-Neural", language: "en-US")).ToXml();

        Assert.DoesNotContain("<b>", twiml, StringComparison.Ordinal);
        var say = Assert.Single(XElement.Parse(twiml).Elements());
        Assert.Equal("Say", say.Name.LocalName);
        Assert.Equal("Polly.Joanna-Neural", (string?)say.Attribute("voice"));
        Assert.Equal("en-US", (string?)say.Attribute("language"));
        Assert.Equal(text, say.Value);
    }

    [Fact]
    public void Say_without_voice_or_language_leaves_them_to_Twilio()
    {
        var say = XElement.Parse(new VoiceResponse().Append(Twiml.Say("Hi")).ToXml()).Element("Say")!;

        Assert.False(say.HasAttributes);
    }

    [Fact]
    public void The_sdk_throws_on_a_control_character_so_text_is_cleaned_first()
    {
        var raw = new VoiceResponse().Say("Hi\u0001 there");
        Assert.ThrowsAny<ArgumentException>(() => raw.ToXml());

        var cleaned = new VoiceResponse().Append(Twiml.Say("Hi\u0001 there\uD800 😀")).ToXml();
        Assert.Equal("Hi there 😀", XElement.Parse(cleaned).Element("Say")!.Value);
    }

    [Fact]
    public void Relative_action_urls_with_a_query_round_trip()
    {
        var gather = new Gather(input: [Gather.InputEnum.Speech, Gather.InputEnum.Dtmf], action: Twiml.Url("/twilio/voice/turn?silence=1&x=2"));

        var element = XElement.Parse(new VoiceResponse().Append(gather).ToXml()).Element("Gather")!;

        Assert.Equal("/twilio/voice/turn?silence=1&x=2", (string?)element.Attribute("action"));
        Assert.Equal("speech dtmf", (string?)element.Attribute("input"));
    }

    [Fact]
    public void Message_reply_drops_what_xml_cannot_carry_and_escapes_the_rest()
    {
        var message = XElement.Parse(new MessagingResponse().Message(Twiml.Clean("See you at 3 & bring <nothing>\u0007")).ToXml()).Element("Message")!;

        Assert.Equal("See you at 3 & bring <nothing>", message.Value);
    }

    [Fact]
    public async Task ToResult_writes_xml_with_an_xml_content_type()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await new MessagingResponse().Message("Booked & confirmed").ToResult().ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("application/xml", context.Response.ContentType, StringComparison.Ordinal);
        body.Position = 0;
        var xml = XElement.Parse(await new StreamReader(body).ReadToEndAsync());
        Assert.Equal("Booked & confirmed", xml.Element("Message")!.Value);
    }
}
