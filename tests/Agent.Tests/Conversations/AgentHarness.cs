using FrontDesk.Agent.Conversations;
using FrontDesk.TestSupport;
using FrontDesk.Tools.Booking;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>The agent over the real tools on a real store, driven turn by turn.</summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    private AgentHarness(SpaBookHarness book) => Book = book;

    public SpaBookHarness Book { get; }
    public FrontDeskAgent Agent => Book.Get<FrontDeskAgent>();
    public ConversationStore Conversations => Book.Get<ConversationStore>();

    public static async Task<AgentHarness> StartAsync(TestStore store = TestStore.Sqlite, string? profile = null) =>
        new(await SpaBookHarness.StartAsync(store, profile, register: (s, c) => s.AddFrontDeskAgent(c, AppContext.BaseDirectory)));

    /// <summary>Sends the turns in order on one conversation and returns every reply.</summary>
    public async Task<List<AgentReply>> TalkAsync(string conversationId, string channel, string? callerPhone, params string[] turns)
    {
        var replies = new List<AgentReply>();
        foreach (var turn in turns)
        {
            replies.Add(await Agent.HandleAsync(new TurnRequest(conversationId, channel, turn, callerPhone), CancellationToken.None));
        }
        return replies;
    }

    public async Task<IReadOnlyList<Appointment>> AppointmentsAsync() =>
        await Book.Get<AppointmentBook>().ListStartingAsync(DateTime.UtcNow.AddYears(-1), DateTime.UtcNow.AddYears(2), null, CancellationToken.None);

    public ValueTask DisposeAsync() => Book.DisposeAsync();
}
