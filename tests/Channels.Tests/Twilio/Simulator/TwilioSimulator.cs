using System.Net;
using System.Xml.Linq;

namespace FrontDesk.Channels.Tests.Twilio.Simulator;

/// <summary>
/// Plays Twilio against the real host: posts webhooks exactly as Twilio does (form fields, the public URL it
/// called, <c>X-Twilio-Signature</c> computed by the independent oracle) and follows the TwiML it gets back.
/// </summary>
internal sealed class TwilioSimulator(HttpClient host, string publicBaseUrl = TwilioSimulator.PublicBaseUrl, string authToken = TwilioSimulator.AuthToken)
{
    public const string AuthToken = "simulated-auth-token";
    public const string AccountSid = "ACsimulated0000000000000000000000";
    public const string PublicBaseUrl = "https://frontdesk.example.com";

    private int _sequence;

    /// <summary>Host settings that make the real host trust this simulator (and send texts to <paramref name="restServer"/>).</summary>
    public static Dictionary<string, string?> Settings(Uri? restServer = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = AuthToken,
            ["FrontDesk:PublicBaseUrl"] = PublicBaseUrl,
            // Tests drive the sender and the schedule themselves; the loops only run at start-up.
            ["FrontDesk:Sms:SenderPollMs"] = "600000",
            ["FrontDesk:Sms:SchedulerIntervalSeconds"] = "3600",
        };
        if (restServer is not null)
        {
            settings["Twilio:AccountSid"] = AccountSid;
            settings["Twilio:ApiBaseUrl"] = restServer.ToString().TrimEnd('/');
        }
        return settings;
    }

    public string NewSid(string prefix) => $"{prefix}{Interlocked.Increment(ref _sequence):D6}{Guid.NewGuid():N}"[..34];

    /// <summary>Posts a signed form to a path or to an absolute URL under the public base URL.</summary>
    public async Task<TwimlPage> PostAsync(string pathOrUrl, IReadOnlyList<(string Name, string Value)> form, string? signature = null)
    {
        var url = pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? pathOrUrl : publicBaseUrl + pathOrUrl;
        Assert.StartsWith(publicBaseUrl, url, StringComparison.Ordinal);
        var path = url[publicBaseUrl.Length..];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignatureOracle.Sign(url, form, authToken));
        using var response = await host.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new TwimlPage(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    public SimulatedCall Call(string from, string to) => new(this, NewSid("CA"), from, to);

    /// <summary>Sends a text to the spa as Twilio would (a fresh MessageSid unless one is given).</summary>
    public Task<TwimlPage> TextAsync(string from, string to, string body, string? messageSid = null) =>
        PostAsync("/twilio/sms",
        [
            ("MessageSid", messageSid ?? NewSid("SM")), ("AccountSid", AccountSid), ("From", from), ("To", to), ("Body", body),
            ("NumMedia", "0"), ("NumSegments", "1"), ("SmsStatus", "received"), ("ApiVersion", "2010-04-01"),
        ]);

    /// <summary>A delivery status callback.</summary>
    public Task<TwimlPage> MessageStatusAsync(string messageSid, string status, string? errorCode = null)
    {
        var form = new List<(string, string)> { ("MessageSid", messageSid), ("MessageStatus", status), ("AccountSid", AccountSid) };
        if (errorCode is not null)
        {
            form.Add(("ErrorCode", errorCode));
        }
        return PostAsync("/twilio/sms/status", form);
    }
}

/// <summary>One call, followed verb by verb.</summary>
internal sealed class SimulatedCall(TwilioSimulator twilio, string callSid, string from, string to)
{
    public string CallSid => callSid;

    public TwimlPage? Current { get; private set; }

    /// <summary>Everything the caller heard, in order.</summary>
    public List<string> Heard { get; } = [];

    private List<(string, string)> Base(string status = "in-progress") =>
    [
        ("CallSid", callSid), ("AccountSid", TwilioSimulator.AccountSid), ("From", from), ("To", to), ("Caller", from), ("Called", to),
        ("Direction", "inbound"), ("CallStatus", status), ("ApiVersion", "2010-04-01"),
    ];

    public Task<TwimlPage> AnswerAsync() => FollowAsync("/twilio/voice", Base("ringing"));

    /// <summary>Twilio posts the last webhook again, the same URL and form, as when its answer did not arrive.</summary>
    public Task<TwimlPage> RedeliverAsync() => FollowAsync(_lastUrl ?? throw new InvalidOperationException("Nothing posted yet."), _lastForm);

    public Task<TwimlPage> SayAsync(string speech) => FollowAsync(GatherAction(), [.. Base(), ("SpeechResult", speech), ("Confidence", "0.92")]);

    public Task<TwimlPage> PressAsync(string digits) => FollowAsync(GatherAction(), [.. Base(), ("Digits", digits)]);

    /// <summary>The caller says nothing: with actionOnEmptyResult Twilio posts the action without a result.</summary>
    public Task<TwimlPage> StaySilentAsync() => FollowAsync(GatherAction(), Base());

    public Task<TwimlPage> DialEndsAsync(string dialCallStatus)
    {
        var dial = Current!.Root!.Element("Dial") ?? throw new InvalidOperationException("No <Dial> to follow: " + Current.Body);
        return FollowAsync((string)dial.Attribute("action")!, [.. Base(), ("DialCallStatus", dialCallStatus)]);
    }

    public Task<TwimlPage> LeaveVoicemailAsync(string recordingUrl, int seconds)
    {
        var record = Current!.Root!.Element("Record") ?? throw new InvalidOperationException("No <Record> to follow: " + Current.Body);
        return FollowAsync((string)record.Attribute("action")!,
            [.. Base(), ("RecordingUrl", recordingUrl), ("RecordingDuration", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("RecordingSid", twilio.NewSid("RE"))]);
    }

    /// <summary>Twilio's call status callback when the call ends.</summary>
    public Task<TwimlPage> EndsAsync(string status = "completed") => twilio.PostAsync("/twilio/voice/status", [.. Base(status), ("CallDuration", "12")]);

    public Task<TwimlPage> RelayEndsAsync(string? handoffData, string? errorCode = null)
    {
        var connect = Current!.Root!.Element("Connect") ?? throw new InvalidOperationException("No <Connect>: " + Current.Body);
        var form = Base();
        form.Add(("SessionId", "VX" + callSid[2..]));
        form.Add(("SessionStatus", errorCode is null ? "completed" : "failed"));
        form.Add(("SessionDuration", "30"));
        if (handoffData is not null)
        {
            form.Add(("HandoffData", handoffData));
        }
        if (errorCode is not null)
        {
            form.Add(("ErrorCode", errorCode));
        }
        return FollowAsync((string)connect.Attribute("action")!, form);
    }

    private string GatherAction()
    {
        var gather = Current?.Root?.Element("Gather") ?? throw new InvalidOperationException("The call is not listening: " + Current?.Body);
        return (string)gather.Attribute("action")!;
    }

    private string? _lastUrl;
    private List<(string, string)> _lastForm = [];

    private async Task<TwimlPage> FollowAsync(string url, List<(string, string)> form)
    {
        (_lastUrl, _lastForm) = (url, form);
        var page = await twilio.PostAsync(url, form);
        Assert.True(page.Status == HttpStatusCode.OK, $"{url} answered {page.Status}: {page.Body}");
        Current = page;
        Heard.AddRange(page.Says);
        return page;
    }
}

/// <summary>A TwiML answer.</summary>
internal sealed class TwimlPage(HttpStatusCode status, string body, string? mediaType)
{
    public HttpStatusCode Status => status;
    public string Body => body;
    public string? MediaType => mediaType;
    public XElement? Root { get; } = body.StartsWith('<') ? XElement.Parse(body) : null;

    public IReadOnlyList<string> Says => Root is null ? [] : [.. Root.Descendants("Say").Select(s => s.Value)];
    public string Spoken => string.Join(" ", Says);
    public XElement? Gather => Root?.Element("Gather");
    public string? DialNumber => Root?.Element("Dial")?.Element("Number")?.Value;
    public XElement? Record => Root?.Element("Record");
    public bool HangsUp => Root?.Element("Hangup") is not null;
    public string? Message => Root?.Element("Message")?.Value;
}
