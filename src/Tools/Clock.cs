namespace FrontDesk.Tools;

/// <summary>Configuration section <c>FrontDesk:Clock</c>.</summary>
public sealed class ClockOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "FrontDesk:Clock";

    /// <summary>An ISO-8601 instant that pins the clock (demos and tests); empty for the real clock.</summary>
    public string? FixedNow { get; set; }
}

/// <summary>A clock that always says the same instant.</summary>
public sealed class PinnedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => now;
}
