namespace FrontDesk.Agent.Turns;

/// <summary>
/// How many turns work at once on this instance; the others wait for a slot in the order they came (issue 16: the
/// p99 under load). A turn on the embedded engine is nearly all CPU: with 32 or 150 of them at once on two cores, the
/// runtime and the operating system shared the cores among all of them, and which turn got them next was left to the
/// thread pool's queues (each worker thread takes its own newest work first), so some turns waited for many others
/// that came after them: a p99 two to three times the mean. With a few slots taken in arrival order every turn waits
/// about the same, and fewer turns in flight hold fewer connections, locks and young objects at once.
/// </summary>
/// <remarks>
/// A turn takes its slot after it holds its conversation (the in-process gate and the lease in the store), so a turn in
/// a slot never waits for a turn that waits for a slot; it gives the slot back when its state is stored. A turn that
/// may call a remote model does not take a slot: it waits on the network, not the CPU.
/// </remarks>
public sealed class TurnSlots : IDisposable
{
    private readonly SemaphoreSlim? _slots;

    /// <summary>Creates the slots: <paramref name="count"/> at once, or no limit when it is 0 or less.</summary>
    public TurnSlots(int count)
    {
        _slots = count > 0 ? new SemaphoreSlim(count, count) : null;
    }

    /// <summary>The slots the options ask for (<see cref="AgentOptions.TurnsAtOnce"/>; unset: twice the processors).</summary>
    public TurnSlots(AgentOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).TurnsAtOnce ?? 2 * Environment.ProcessorCount)
    {
    }

    /// <summary>
    /// Waits for a slot (a waiter gets one in the order the waiters came: <see cref="SemaphoreSlim"/> queues them first in,
    /// first out) and returns it; disposing it gives it back. Returns at once, with nothing to give back, when
    /// <paramref name="limited"/> is false or there is no limit.
    /// </summary>
    public async ValueTask<Slot> EnterAsync(bool limited, CancellationToken ct)
    {
        if (!limited || _slots is null)
        {
            return default;
        }
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        return new Slot(_slots);
    }

    /// <inheritdoc />
    public void Dispose() => _slots?.Dispose();

    /// <summary>A slot held; disposing it gives it back (once).</summary>
    public readonly struct Slot : IDisposable
    {
        private readonly SemaphoreSlim? _slots;

        internal Slot(SemaphoreSlim slots) => _slots = slots;

        /// <inheritdoc />
        public void Dispose() => _slots?.Release();
    }
}
