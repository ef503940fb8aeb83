using FrontDesk.Tools.Booking;
using FrontDesk.Tools.Clients;

namespace FrontDesk.Tools.Store;

/// <summary>
/// Reads kept for the length of one agent turn, so a turn's tool calls read the book once: the appointments that
/// block a window (an availability search that widens, or a second search in the same turn, reads them again from
/// memory), and clients read by id (a booking's tool and the turn's consent tags read the same client). Never across turns: a booking by another conversation is seen by the next turn. Any write begun in the turn
/// (<see cref="SpaDatabase.BeginWriteAsync"/>, <see cref="SpaDatabase.EnterWriteAsync"/>) drops what was kept, so a turn
/// sees its own writes.
/// </summary>
public sealed class TurnReads : IDisposable
{
    private static readonly AsyncLocal<TurnReads?> Current = new();
    private readonly TurnReads? _outer;
    private (DateTime FromUtc, DateTime ToUtc, BlockingScope Scope, IReadOnlyList<Appointment> Appointments)? _blocking;
    private Dictionary<string, Client>? _clients;

    private TurnReads(TurnReads? outer) => _outer = outer;

    /// <summary>
    /// Starts keeping reads for the code that runs from here in this async flow (call it in the turn's own method, not a
    /// helper: an async local set in a callee is gone when it returns); dispose at the end of the turn.
    /// </summary>
    public static TurnReads Begin()
    {
        var reads = new TurnReads(Current.Value);
        Current.Value = reads;
        return reads;
    }

    /// <summary>Drops what the current turn kept (a write in the turn).</summary>
    internal static void Forget()
    {
        if (Current.Value is { } reads)
        {
            reads._blocking = null;
            reads._clients = null;
        }
    }

    /// <summary>The client with this id: as this turn read it already, otherwise read by <paramref name="read"/> (and kept in a turn).</summary>
    internal static async Task<Client?> ClientAsync(string id, Func<string, CancellationToken, Task<Client?>> read, CancellationToken ct)
    {
        var reads = Current.Value;
        if (reads?._clients is { } known && known.TryGetValue(id, out var kept))
        {
            return kept;
        }
        var client = await read(id, ct);
        Remember(client);
        return client;
    }

    /// <summary>Keeps a client this turn has just read or written (after the write committed), for the turn's later reads.</summary>
    internal static void Remember(Client? client)
    {
        if (client is not null && Current.Value is { } reads)
        {
            (reads._clients ??= new(StringComparer.Ordinal))[client.Id] = client;
        }
    }

    /// <summary>
    /// The blocking appointments of <paramref name="scope"/> overlapping [fromUtc, toUtc): from what this turn read already when
    /// it read the same scope over a window that holds this one, otherwise read by <paramref name="read"/> (and kept, outside a
    /// turn nothing is kept).
    /// </summary>
    internal static async Task<IReadOnlyList<Appointment>> BlockingAsync(DateTime fromUtc, DateTime toUtc, BlockingScope scope,
        Func<DateTime, DateTime, BlockingScope, CancellationToken, Task<IReadOnlyList<Appointment>>> read, CancellationToken ct)
    {
        var reads = Current.Value;
        if (reads?._blocking is { } kept && kept.FromUtc <= fromUtc && toUtc <= kept.ToUtc && kept.Scope == scope)
        {
            return kept.FromUtc == fromUtc && kept.ToUtc == toUtc
                ? kept.Appointments
                : [.. kept.Appointments.Where(a => a.StartsAtUtc < toUtc && a.BlockedUntilUtc > fromUtc)];
        }
        var appointments = await read(fromUtc, toUtc, scope, ct);
        if (reads is not null)
        {
            reads._blocking = (fromUtc, toUtc, scope, appointments);
        }
        return appointments;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _blocking = null;
        _clients = null;
        Current.Value = _outer;
    }
}
