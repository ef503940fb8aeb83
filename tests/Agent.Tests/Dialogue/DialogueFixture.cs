using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Understanding;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Profile;
using FrontDesk.Tools.Text;
using Microsoft.Extensions.AI;

namespace FrontDesk.Agent.Tests.Dialogue;

/// <summary>
/// What the tracker, policy and engine tests share: the demo profile's engine (clock Monday 2026-11-23, 08:00 Los
/// Angeles), every tool it may call, a Wednesday HydraFacial offer, and a state and message in → reading, row or answer out.
/// </summary>
internal static class DialogueFixture
{
    public static readonly SpaProfile Demo = SpaProfileLoader.Load(TestFiles.DemoProfile);
    public static readonly EmbeddedChatClient Engine = new(Demo, TextTemplates.Load(Path.Combine(TestFiles.Prompts, "replies.yaml")),
        new TestClock(SpaBookHarness.DefaultNow), new Understander());

    private static readonly string[] ToolNames =
    [
        "check_availability", "book_appointment", "cancel_appointment", "reschedule_appointment", "list_appointments", "join_waitlist",
        "answer_faq", "send_verification_code", "verify_phone", "find_waitlist_offer", "accept_waitlist_offer", "decline_waitlist_offer", "find_client",
    ];

    public static readonly HashSet<string> AllTools = [.. ToolNames];

    public static readonly ChatOptions Options = new() { Tools = [.. ToolNames.Select(n => AIFunctionFactory.Create(() => "ok", n))] };

    /// <summary>HydraFacial on Wednesday offered at 9, 10 and 11 with Priya; the person asked for <paramref name="near"/> when set.</summary>
    public static DialogueState Offering(string? near = null) => new()
    {
        Task = DialogueTask.Book,
        ServiceId = "hydrafacial",
        DateStart = "2026-11-25",
        DateEnd = "2026-11-25",
        Near = near,
        Asked = AgentQuestion.SlotChoice,
        Offered =
        [
            new Offer("s9", "2026-11-25", "09:00", "Priya Patel", "Wednesday at 9 AM with Priya"),
            new Offer("s10", "2026-11-25", "10:00", "Priya Patel", "Wednesday at 10 AM with Priya"),
            new Offer("s11", "2026-11-25", "11:00", "Priya Patel", "Wednesday at 11 AM with Priya"),
        ],
    };

    /// <summary>A conversation whose last agent message carries <paramref name="state"/>.</summary>
    public static List<ChatMessage> History(DialogueState state) =>
        [new ChatMessage(ChatRole.Assistant, "…") { AdditionalProperties = new() { [StoredMessage.EngineStateKey] = state.Serialize() } }];

    /// <summary>The tracker folds the message into <paramref name="state"/>; the policy picks a row.</summary>
    public static (Reading Reading, PolicyRule Rule) Step(DialogueState state, string text)
    {
        var reading = DialogueTracker.Observe(state, Engine.Understand(text, History(state)), Demo, AllTools);
        return (reading, DialoguePolicy.Decide(state, reading));
    }

    /// <summary>The engine's whole answer to <paramref name="text"/> in <paramref name="state"/>, and the state it carries.</summary>
    public static async Task<(ChatMessage Message, DialogueState State)> AnswerAsync(DialogueState state, string text)
    {
        var messages = History(state);
        messages.Add(new ChatMessage(ChatRole.User, text));
        var message = (await Engine.GetResponseAsync(messages, Options)).Messages[0];
        return (message, DialogueState.Parse(message.AdditionalProperties?[StoredMessage.EngineStateKey] as string));
    }
}
