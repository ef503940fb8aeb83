using FrontDesk.Channels.Teams;

namespace FrontDesk.Channels.Tests.Teams;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(9, 300)]
    [InlineData(1000, 300)]
    public void The_ceiling_doubles_per_attempt_up_to_the_cap(int attempt, double ceilingSeconds)
    {
        var delay = RetryBackoff.NextDelay(attempt, Base, Cap, new FixedRandom(1.0));

        Assert.Equal(ceilingSeconds, delay.TotalSeconds, precision: 6);
    }

    [Fact]
    public void Full_jitter_spreads_delays_between_zero_and_the_ceiling()
    {
        var random = new Random(1234);

        var delays = Enumerable.Range(0, 500).Select(_ => RetryBackoff.NextDelay(4, Base, Cap, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(16)));
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(4));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void The_same_seed_gives_the_same_delays()
    {
        var first = Enumerable.Range(1, 6).Select(a => RetryBackoff.NextDelay(a, Base, Cap, new Random(7))).ToList();
        var second = Enumerable.Range(1, 6).Select(a => RetryBackoff.NextDelay(a, Base, Cap, new Random(7))).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_retry_after_from_the_server_is_a_floor()
    {
        var delay = RetryBackoff.NextDelay(1, Base, Cap, new FixedRandom(0.5), retryAfter: TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), delay);
    }

    [Fact]
    public void Attempts_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.NextDelay(0, Base, Cap, new Random(1)));
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
