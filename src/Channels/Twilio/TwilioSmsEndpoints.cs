using FrontDesk.Channels.Twilio.Outbound;
using FrontDesk.Tools.Text;
using Twilio.TwiML;

namespace FrontDesk.Channels.Twilio;

/// <summary>Text messages: <c>POST /twilio/sms</c> (inbound) and <c>POST /twilio/sms/status</c> (delivery status).</summary>
public static class TwilioSmsEndpoints
{
    private const int MaxBody = 1600;

    /// <summary>Maps the SMS webhooks under the Twilio group.</summary>
    /// <param name="twilio">The <c>/twilio</c> group (signature required).</param>
    public static void MapTwilioSmsEndpoints(this RouteGroupBuilder twilio)
    {
        twilio.MapPost("/sms", InboundAsync);
        twilio.MapPost("/sms/status", StatusAsync);
    }

    private static async Task<IResult> InboundAsync(HttpRequest http, SmsConversations sms, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var sid = form["MessageSid"].ToString();
        var from = form["From"].ToString();
        var to = form["To"].ToString();
        if (sid.Length == 0 || from.Length == 0 || to.Length == 0)
        {
            return TypedResults.Problem("MessageSid, From and To are required.", statusCode: 400, title: "Not a message");
        }
        var body = form["Body"].ToString();
        // Cut on a text-element boundary: half an emoji cannot be stored or sent (issue 15, item 5).
        body = InputText.Cut(body, MaxBody);
        var answer = await sms.HandleAsync(new InboundSms(sid, from, to, body), ct);
        var twiml = new MessagingResponse();
        if (!string.IsNullOrWhiteSpace(answer))
        {
            twiml.Message(Twiml.Clean(answer));
        }
        return twiml.ToResult();
    }

    private static async Task<IResult> StatusAsync(HttpRequest http, OutboxDelivery delivery, CancellationToken ct)
    {
        var form = await http.ReadFormAsync(ct);
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0 || status.Length == 0)
        {
            return TypedResults.Problem("MessageSid and MessageStatus are required.", statusCode: 400, title: "Not a message status");
        }
        await delivery.RecordStatusAsync(sid, status, form["ErrorCode"].ToString(), form["To"].ToString(), ct);
        return TypedResults.NoContent();
    }
}
