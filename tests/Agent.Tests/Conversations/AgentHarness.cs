using FrontDesk.Agent.Conversations;
using FrontDesk.Agent.Embedded;
using FrontDesk.Agent.Escalations;
using FrontDesk.Agent.Transcripts;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Outbox;
using FrontDesk.Tools.Waitlist;
using Microsoft.Extensions.DependencyInjection;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>The agent over the real tools on a real store, driven turn by turn.</summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    private readonly List<string> _said = [];

    private AgentHarness(SpaBookHarness book)
    {
        Book = book;
        // Every state a turn takes from the store's cache is checked against the text its row holds (issue 16).
        Conversations.CheckWrittenStates = true;
        // And every engine state a turn's first step takes from the turn's reading against the history read again.
        Book.Get<EmbeddedChatClient>().CheckReadStates = true;
    }

    public SpaBookHarness Book { get; }
    public FrontDeskAgent Agent => Book.Get<FrontDeskAgent>();
    public ConversationStore Conversations => Book.Get<ConversationStore>();

    public static async Task<AgentHarness> StartAsync(TestStore store = TestStore.Sqlite, string? profile = null,
        Dictionary<string, string?>? extra = null, Action<IServiceCollection>? also = null) =>
        new(await SpaBookHarness.StartAsync(store, profile, extra: extra, register: (s, c) =>
        {
            s.AddFrontDeskAgent(c, AppContext.BaseDirectory);
            also?.Invoke(s);
        }));

    /// <summary>A second instance of the agent on the same store (its own memory, gates and instance id), as another process would be.</summary>
    public static async Task<AgentHarness> StartOnSameStoreAsync(AgentHarness other, Action<IServiceCollection>? also = null) =>
        new(await SpaBookHarness.StartOnAsync(other.Book.Settings, other.Book.Clock.GetUtcNow(), (s, c) =>
        {
            s.AddFrontDeskAgent(c, AppContext.BaseDirectory);
            also?.Invoke(s);
        }));

    /// <summary>Sends the turns in order on one conversation and returns every reply.</summary>
    public async Task<List<AgentReply>> TalkAsync(string conversationId, string channel, string? callerPhone, params string[] turns)
    {
        var replies = new List<AgentReply>();
        foreach (var turn in turns)
        {
            var reply = await Agent.HandleAsync(new TurnRequest(conversationId, channel, turn, callerPhone), CancellationToken.None);
            _said.Add($"[{conversationId}] > {turn}\n[{conversationId}] < {reply.Text}  {{{string.Join(", ", reply.ToolCalls.Select(c => c.Name + ":" + c.Outcome))}}}");
            replies.Add(reply);
        }
        return replies;
    }

    /// <summary>Everything said so far, for assertion messages.</summary>
    public string Said => "\n" + string.Join('\n', _said);

    /// <summary>The only item, or a failure that shows the conversation so far.</summary>
    public T One<T>(IReadOnlyList<T> items)
    {
        Assert.True(items.Count == 1, $"expected one, found {items.Count}:{Said}");
        return items[0];
    }

    public async Task<IReadOnlyList<Appointment>> AppointmentsAsync()
    {
        var now = Book.Clock.GetUtcNow().UtcDateTime;
        return await Book.Get<AppointmentBook>().ListStartingAsync(now.AddYears(-1), now.AddYears(2), null, CancellationToken.None);
    }

    public async Task<IReadOnlyList<Appointment>> BookedAsync() => [.. (await AppointmentsAsync()).Where(a => a.Status == AppointmentStatus.Booked)];

    public Task<IReadOnlyList<Escalation>> EscalationsAsync() => Conversations.EscalationsAsync(null, CancellationToken.None);

    public Task<IReadOnlyList<TranscriptTurn>> TranscriptAsync(string conversationId) => Conversations.TranscriptAsync(conversationId, CancellationToken.None);

    public Task<IReadOnlyList<OutboxMessage>> OutboxAsync() => Book.Get<OutboxWriter>().ListAsync(null, 500, CancellationToken.None);

    public Task<IReadOnlyList<WaitlistEntry>> WaitlistAsync() => Book.Get<WaitlistBook>().ListAsync(null, CancellationToken.None);

    /// <summary>A wall-clock time of the appointment in the spa's zone.</summary>
    public DateTime Local(Appointment a) => Book.Get<FrontDesk.Tools.Profile.SpaProfile>().ToLocal(a.StartsAtUtc);

    /// <summary>
    /// The booked appointments as sorted lines, "service staff yyyy-MM-dd HH:mm" in the spa's zone ("service yyyy-MM-dd HH:mm"
    /// without the staff): what the conversation tests compare.
    /// </summary>
    public async Task<List<string>> BookedLinesAsync(bool withStaff = true) =>
        [.. (await BookedAsync()).Select(a => (withStaff ? $"{a.ServiceId} {a.StaffId} " : $"{a.ServiceId} ")
            + Local(a).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Order()];

    /// <summary>Whether <paramref name="tool"/> read something back for a yes in these replies (it answered "needs_confirmation").</summary>
    public static bool ReadBack(IEnumerable<AgentReply> replies, string tool = "book_appointment") =>
        replies.SelectMany(r => r.ToolCalls).Any(c => c.Name == tool && c.Outcome == "needs_confirmation");

    public ValueTask DisposeAsync() => Book.DisposeAsync();
}
