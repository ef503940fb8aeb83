using System.Xml.Linq;
using FrontDesk.Channels.Twilio;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Channels.Tests.Twilio;

public class TwimlTests
{
    [Fact]
    public void Empty_response_is_a_bare_Response_element()
    {
        var xml = XElement.Parse(new TwimlResponse().ToString());

        Assert.Equal("Response", xml.Name.LocalName);
        Assert.False(xml.HasElements);
        Assert.False(xml.HasAttributes);
    }

    [Fact]
    public void Say_carries_voice_language_and_escaped_text()
    {
        const string text = "Fish & chips <b>bold</b> \"quoted\" 'single' — café 😀";
        var twiml = new TwimlResponse().Say(text, voice: "Polly.Joanna-Neural", language: "en-US").ToString();

        Assert.DoesNotContain("<b>", twiml, StringComparison.Ordinal);
        Assert.Contains("&amp;", twiml, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", twiml, StringComparison.Ordinal);
        var say = Assert.Single(XElement.Parse(twiml).Elements());
        Assert.Equal("Say", say.Name.LocalName);
        Assert.Equal("Polly.Joanna-Neural", (string?)say.Attribute("voice"));
        Assert.Equal("en-US", (string?)say.Attribute("language"));
        Assert.Equal(text, say.Value);
    }

    [Fact]
    public void Attribute_values_with_quotes_and_markup_round_trip()
    {
        var hints = "Swedish massage, \"hot stone\" & facial <deluxe>, O'Brien";
        var twiml = new TwimlResponse()
            .Gather(new TwimlGather { Input = "speech", Hints = hints })
            .ToString();

        var gather = XElement.Parse(twiml).Element("Gather")!;
        Assert.Equal(hints, (string?)gather.Attribute("hints"));
        Assert.Contains("&quot;hot stone&quot;", twiml, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_attributes_are_omitted()
    {
        var xml = XElement.Parse(new TwimlResponse().Say("Hi").Gather(new TwimlGather()).Record().Pause().ToString());

        Assert.All(xml.Elements(), element => Assert.False(element.HasAttributes));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_instead_of_throwing()
    {
        var twiml = new TwimlResponse().Message("Hi\u0001 there\uD800 😀").ToString();

        Assert.Equal("Hi there 😀", XElement.Parse(twiml).Element("Message")!.Value);
    }

    [Fact]
    public void Gather_with_nested_say_has_all_attributes_and_is_followed_by_a_redirect()
    {
        var twiml = new TwimlResponse()
            .Gather(new TwimlGather
            {
                Input = "dtmf speech",
                Action = "/twilio/voice/turn?step=1&x=2",
                Method = "POST",
                SpeechTimeout = "auto",
                TimeoutSeconds = 5,
                Language = "en-US",
                Hints = "massage,facial",
                ActionOnEmptyResult = true,
                NumDigits = 1,
            }
            .Say("How can I help?", voice: "Polly.Joanna-Neural")
            .Pause(1))
            .Redirect("/twilio/voice/reprompt", method: "POST")
            .ToString();

        var response = XElement.Parse(twiml);
        Assert.Equal(["Gather", "Redirect"], response.Elements().Select(e => e.Name.LocalName));

        var gather = response.Element("Gather")!;
        Assert.Equal("dtmf speech", (string?)gather.Attribute("input"));
        Assert.Equal("/twilio/voice/turn?step=1&x=2", (string?)gather.Attribute("action"));
        Assert.Equal("POST", (string?)gather.Attribute("method"));
        Assert.Equal("auto", (string?)gather.Attribute("speechTimeout"));
        Assert.Equal("5", (string?)gather.Attribute("timeout"));
        Assert.Equal("en-US", (string?)gather.Attribute("language"));
        Assert.Equal("massage,facial", (string?)gather.Attribute("hints"));
        Assert.Equal("true", (string?)gather.Attribute("actionOnEmptyResult"));
        Assert.Equal("1", (string?)gather.Attribute("numDigits"));
        Assert.Equal(["Say", "Pause"], gather.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("How can I help?", gather.Element("Say")!.Value);
        Assert.Equal("1", (string?)gather.Element("Pause")!.Attribute("length"));

        var redirect = response.Element("Redirect")!;
        Assert.Equal("/twilio/voice/reprompt", redirect.Value);
        Assert.Equal("POST", (string?)redirect.Attribute("method"));
    }

    [Fact]
    public void Dial_wraps_the_number_and_carries_its_attributes()
    {
        var dial = XElement.Parse(new TwimlResponse()
                .Dial("+15551230000", action: "/twilio/voice/dial-ended", timeoutSeconds: 20, callerId: "+15559870000")
                .ToString())
            .Element("Dial")!;

        Assert.Equal("/twilio/voice/dial-ended", (string?)dial.Attribute("action"));
        Assert.Equal("20", (string?)dial.Attribute("timeout"));
        Assert.Equal("+15559870000", (string?)dial.Attribute("callerId"));
        Assert.Equal("+15551230000", Assert.Single(dial.Elements("Number")).Value);
    }

    [Fact]
    public void Record_then_hangup()
    {
        var response = XElement.Parse(new TwimlResponse()
            .Say("Please leave a message after the beep.")
            .Record(action: "/twilio/voice/voicemail", maxLengthSeconds: 120, playBeep: true, transcribe: false)
            .Hangup()
            .ToString());

        Assert.Equal(["Say", "Record", "Hangup"], response.Elements().Select(e => e.Name.LocalName));
        var record = response.Element("Record")!;
        Assert.Equal("/twilio/voice/voicemail", (string?)record.Attribute("action"));
        Assert.Equal("120", (string?)record.Attribute("maxLength"));
        Assert.Equal("true", (string?)record.Attribute("playBeep"));
        Assert.Equal("false", (string?)record.Attribute("transcribe"));
        Assert.False(response.Element("Hangup")!.HasAttributes);
    }

    [Fact]
    public void Message_reply_escapes_text()
    {
        var message = XElement.Parse(new TwimlResponse().Message("See you at 3 & bring <nothing>").ToString()).Element("Message")!;

        Assert.Equal("See you at 3 & bring <nothing>", message.Value);
    }

    [Fact]
    public void Connect_with_conversation_relay_and_parameters()
    {
        var twiml = new TwimlResponse()
            .Connect(
                new TwimlConversationRelay("wss://spa.example.com/twilio/voice/relay")
                {
                    WelcomeGreeting = "Hi! Thanks for calling Serenity Spa & Wellness.",
                    Language = "en-US",
                    Interruptible = "any",
                    DtmfDetection = true,
                    Hints = "massage,facial",
                }
                .Parameter("caller", "+15551234567")
                .Parameter("note", "a \"quoted\" <value> & more"),
                action: "https://spa.example.com/twilio/voice/relay-ended")
            .ToString();

        var connect = Assert.Single(XElement.Parse(twiml).Elements());
        Assert.Equal("Connect", connect.Name.LocalName);
        Assert.Equal("https://spa.example.com/twilio/voice/relay-ended", (string?)connect.Attribute("action"));
        var relay = Assert.Single(connect.Elements("ConversationRelay"));
        Assert.Equal("wss://spa.example.com/twilio/voice/relay", (string?)relay.Attribute("url"));
        Assert.Equal("Hi! Thanks for calling Serenity Spa & Wellness.", (string?)relay.Attribute("welcomeGreeting"));
        Assert.Equal("en-US", (string?)relay.Attribute("language"));
        Assert.Equal("any", (string?)relay.Attribute("interruptible"));
        Assert.Equal("true", (string?)relay.Attribute("dtmfDetection"));
        Assert.Equal("massage,facial", (string?)relay.Attribute("hints"));
        var parameters = relay.Elements("Parameter").Select(p => ((string?)p.Attribute("name"), (string?)p.Attribute("value"))).ToArray();
        Assert.Equal([("caller", "+15551234567"), ("note", "a \"quoted\" <value> & more")], parameters);
    }

    [Fact]
    public void ToString_can_be_called_repeatedly_with_the_same_result()
    {
        var gather = new TwimlGather { Input = "speech" }.Say("Hello");
        var response = new TwimlResponse().Gather(gather).Gather(gather);

        Assert.Equal(response.ToString(), response.ToString());
        Assert.Equal(2, XElement.Parse(response.ToString()).Elements("Gather").Count(g => g.Element("Say")?.Value == "Hello"));
    }

    [Fact]
    public async Task ToResult_writes_xml_with_an_xml_content_type()
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await new TwimlResponse().Message("Booked & confirmed").ToResult().ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("application/xml", context.Response.ContentType, StringComparison.Ordinal);
        body.Position = 0;
        var xml = XElement.Parse(await new StreamReader(body).ReadToEndAsync());
        Assert.Equal("Booked & confirmed", xml.Element("Message")!.Value);
    }
}
