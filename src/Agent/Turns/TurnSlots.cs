namespace FrontDesk.Agent.Turns;

/// <summary>
/// How many turns work at once on this instance; the others wait for a slot in the order they came (issue 16: the
/// p99 under load), except that a person's answer to a read-back goes ahead (issue 15: the "yes" p99). A turn on the
/// embedded engine is nearly all CPU: with 32 or 150 of them at once on two cores, the runtime and the operating system
/// shared the cores among all of them, and which turn got them next was left to the thread pool's queues (each worker
/// thread takes its own newest work first), so some turns waited for many others that came after them: a p99 two to three
/// times the mean. With a few slots taken in arrival order every turn waits about the same, and fewer turns in flight hold
/// fewer connections, locks and young objects at once.
/// </summary>
/// <remarks>
/// A turn takes its slot after it holds its conversation (the in-process gate and the lease in the store), so a turn in
/// a slot never waits for a turn that waits for a slot; it gives the slot back when its state is stored. A turn that
/// may call a remote model does not take a slot: it waits on the network, not the CPU.
/// <para>
/// A turn that answers a read-back ("shall I book the 2:15 with Maya?") is the one a person is waiting on with their
/// booking in hand; in a closed loop of many conversations it would otherwise wait behind every other turn queued before it
/// (round 28: 149 of 150). Such turns take a slot given back before the others that wait, in the order they came among
/// themselves; at most <see cref="AgentOptions.ReadBackAnswersAhead"/> of them in a row while another turn waits, which then
/// goes, so every turn is served after a bounded number of others.
/// </para>
/// </remarks>
public sealed class TurnSlots : IDisposable
{
    private readonly Lock _lock = new();
    private readonly bool _limited;
    private readonly int _readBackAnswersAhead;
    private readonly LinkedList<TaskCompletionSource<Slot>> _answers = new();
    private readonly LinkedList<TaskCompletionSource<Slot>> _others = new();
    private int _free;
    // Answers served one after another while another turn waited; back to 0 when another turn is served.
    private int _passed;

    /// <summary>
    /// Creates the slots: <paramref name="count"/> at once, or no limit when it is 0 or less; at most
    /// <paramref name="readBackAnswersAhead"/> answers to a read-back in a row go ahead of a turn that waits (0: none, every turn
    /// in arrival order).
    /// </summary>
    public TurnSlots(int count, int readBackAnswersAhead = 0)
    {
        _limited = count > 0;
        _free = Math.Max(count, 0);
        _readBackAnswersAhead = Math.Max(readBackAnswersAhead, 0);
    }

    /// <summary>
    /// The slots the options ask for (<see cref="AgentOptions.TurnsAtOnce"/>; unset: twice the processors) and how many answers to a
    /// read-back may go ahead (<see cref="AgentOptions.ReadBackAnswersAhead"/>).
    /// </summary>
    public TurnSlots(AgentOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).TurnsAtOnce ?? 2 * Environment.ProcessorCount, options.ReadBackAnswersAhead)
    {
    }

    /// <summary>Turns waiting for a slot now.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _answers.Count + _others.Count;
            }
        }
    }

    /// <summary>Waits for a slot as a turn that does not answer a read-back: <see cref="EnterAsync(bool, bool, CancellationToken)"/>.</summary>
    public ValueTask<Slot> EnterAsync(bool limited, CancellationToken ct) => EnterAsync(limited, answersReadBack: false, ct);

    /// <summary>
    /// Waits for a slot and returns it; disposing it gives it back. A waiter is queued before this returns; waiters get a slot in
    /// the order they came, except that one with <paramref name="answersReadBack"/> goes ahead of the others (within the bound).
    /// Returns at once, with nothing to give back, when <paramref name="limited"/> is false or there is no limit.
    /// </summary>
    public ValueTask<Slot> EnterAsync(bool limited, bool answersReadBack, CancellationToken ct)
    {
        if (!limited || !_limited)
        {
            return ValueTask.FromResult(default(Slot));
        }
        ct.ThrowIfCancellationRequested();
        TaskCompletionSource<Slot> waiter;
        LinkedListNode<TaskCompletionSource<Slot>> node;
        lock (_lock)
        {
            if (_free > 0)
            {
                // A slot is free only when nobody waits (a slot given back goes straight to the next waiter).
                _free--;
                return ValueTask.FromResult(new Slot(this));
            }
            // The continuation runs on the thread pool, not inside Release under the lock.
            waiter = new TaskCompletionSource<Slot>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = (answersReadBack && _readBackAnswersAhead > 0 ? _answers : _others).AddLast(waiter);
        }
        return WaitAsync(node, ct);
    }

    private async ValueTask<Slot> WaitAsync(LinkedListNode<TaskCompletionSource<Slot>> node, CancellationToken ct)
    {
        await using var leave = ct.Register(() =>
        {
            lock (_lock)
            {
                // Still queued: leave the queue. Already given a slot: keep it; the caller gives it back.
                if (node.List is { } queue)
                {
                    queue.Remove(node);
                    node.Value.TrySetCanceled(ct);
                }
            }
        });
        return await node.Value.Task.ConfigureAwait(false);
    }

    private void Release()
    {
        lock (_lock)
        {
            var next = _answers.First is { } answer && (_others.Count == 0 || _passed < _readBackAnswersAhead) ? answer : _others.First;
            if (next is null)
            {
                _free++;
                return;
            }
            if (next.List == _answers)
            {
                _passed += _others.Count > 0 ? 1 : 0;
            }
            else
            {
                _passed = 0;
            }
            next.List!.Remove(next);
            next.Value.TrySetResult(new Slot(this));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var waiter in _answers.Concat(_others))
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(TurnSlots)));
            }
            _answers.Clear();
            _others.Clear();
        }
    }

    /// <summary>A slot held; disposing it gives it back (once).</summary>
    public readonly struct Slot : IDisposable
    {
        private readonly TurnSlots? _slots;

        internal Slot(TurnSlots slots) => _slots = slots;

        /// <inheritdoc />
        public void Dispose() => _slots?.Release();
    }
}
