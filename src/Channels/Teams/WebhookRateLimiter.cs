namespace FrontDesk.Channels.Teams;

/// <summary>
/// In-process pacing for webhook posts: at most <see cref="PerSecondLimit"/> posts in any one
/// second and <see cref="PerThirtySecondsLimit"/> in any thirty seconds, per webhook URL
/// (Teams' throttling thresholds), and a pause per webhook URL after it throttled. Thread-safe; one singleton serves
/// every sender.
/// </summary>
public sealed class WebhookRateLimiter
{
    /// <summary>Posts allowed per webhook in any one-second window.</summary>
    public const int PerSecondLimit = 4;

    /// <summary>Posts allowed per webhook in any thirty-second window.</summary>
    public const int PerThirtySecondsLimit = 60;

    private static readonly TimeSpan ShortWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongWindow = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();

    // Until when each webhook asked us to hold off (its 429's Retry-After, or our backoff after a throttled 200).
    private readonly Dictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);

    // Reserved send times per webhook URL, ascending. The URL is the key only in memory;
    // the set of webhooks is bounded by configuration, so entries are not evicted across URLs.
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sends = new(StringComparer.Ordinal);

    /// <summary>Creates a limiter.</summary>
    /// <param name="timeProvider">Clock; tests pass a manual one.</param>
    public WebhookRateLimiter(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>
    /// Holds every post to <paramref name="webhookUrl"/> until <paramref name="until"/> (a throttled answer); a pause
    /// already longer stays.
    /// </summary>
    /// <param name="webhookUrl">The webhook that throttled.</param>
    /// <param name="until">When posting may resume.</param>
    public void PauseUntil(string webhookUrl, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        lock (_lock)
        {
            if (!_pausedUntil.TryGetValue(webhookUrl, out var current) || current < until)
            {
                _pausedUntil[webhookUrl] = until;
            }
        }
    }

    /// <summary>How long posts to <paramref name="webhookUrl"/> are still paused (<see cref="TimeSpan.Zero"/> when not).</summary>
    /// <param name="webhookUrl">The webhook.</param>
    /// <returns>The time left of the pause.</returns>
    public TimeSpan PausedFor(string webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        lock (_lock)
        {
            var left = _pausedUntil.TryGetValue(webhookUrl, out var until) ? until - _timeProvider.GetUtcNow() : TimeSpan.Zero;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Reserves the next send slot for <paramref name="webhookUrl"/> and returns how long to wait
    /// before sending (<see cref="TimeSpan.Zero"/> to send now). Each call books one send, so
    /// call it once per post, right before waiting and posting.
    /// </summary>
    /// <param name="webhookUrl">The webhook the post goes to.</param>
    /// <returns>The delay before the post may go.</returns>
    public TimeSpan ReserveSend(string webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (!_sends.TryGetValue(webhookUrl, out var sends))
            {
                sends = new Queue<DateTimeOffset>();
                _sends[webhookUrl] = sends;
            }

            // Sends at or before now - 30 s can no longer count against any slot >= now.
            while (sends.Count > 0 && sends.Peek() <= now - LongWindow)
            {
                sends.Dequeue();
            }

            var history = sends.ToArray();
            var slot = now;
            if (_pausedUntil.TryGetValue(webhookUrl, out var paused) && paused > slot)
            {
                slot = paused;
            }
            if (history.Length > 0 && history[^1] > slot)
            {
                slot = history[^1];
            }

            // A slot t is free when fewer than N sends lie in (t - window, t]; with the history
            // ascending, that means the N-th latest send is at or before t - window.
            if (history.Length >= PerSecondLimit)
            {
                var earliest = history[^PerSecondLimit] + ShortWindow;
                slot = earliest > slot ? earliest : slot;
            }

            if (history.Length >= PerThirtySecondsLimit)
            {
                var earliest = history[^PerThirtySecondsLimit] + LongWindow;
                slot = earliest > slot ? earliest : slot;
            }

            sends.Enqueue(slot);
            return slot - now;
        }
    }
}
