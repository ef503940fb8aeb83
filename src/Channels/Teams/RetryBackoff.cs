namespace FrontDesk.Channels.Teams;

/// <summary>
/// Exponential backoff with full jitter: the n-th retry waits a uniformly random time between
/// zero and min(cap, base × 2^(n−1)), which spreads retries of many senders apart.
/// </summary>
public static class RetryBackoff
{
    /// <summary>The delay before retry number <paramref name="attempt"/>.</summary>
    /// <param name="attempt">1 for the first retry, 2 for the second, and so on.</param>
    /// <param name="baseDelay">Ceiling of the first retry's delay.</param>
    /// <param name="maxDelay">Cap on the ceiling.</param>
    /// <param name="random">Source of jitter; pass a seeded instance in tests.</param>
    /// <param name="retryAfter">The server's Retry-After, if any: the delay is never shorter.</param>
    /// <returns>How long to wait.</returns>
    public static TimeSpan NextDelay(
        int attempt,
        TimeSpan baseDelay,
        TimeSpan maxDelay,
        Random random,
        TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(random);

        // Clamp the exponent: 2^62 ticks already exceeds any sensible cap, and larger overflows.
        var exponent = Math.Min(attempt - 1, 62);
        var ceilingTicks = Math.Min((double)maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, exponent));
        var delay = TimeSpan.FromTicks((long)(random.NextDouble() * ceilingTicks));

        return retryAfter is { } floor && floor > delay ? floor : delay;
    }
}
