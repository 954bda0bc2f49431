namespace TokenAdmin.Tokens;

public static class TokenExpiry
{
    public const int MaxDays = 5 * 365 + 1;

    public static readonly IReadOnlyList<int> PresetDays = [7, 30, 90, 180, 365];

    /// <returns>
    /// An error message, or null when the instant is acceptable as an expiry at <paramref name="now"/>.
    /// </returns>
    public static string? Validate(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } end)
            return null;
        if (end <= now)
            return "Choose an expiry in the future.";
        return end > now.AddYears(5) ? "Choose an expiry at most 5 years ahead." : null;
    }

    /// <summary>
    /// No escalation in time: a token may not create a token that outlives it, or a leaked secret could mint a
    /// never-expiring one.
    /// </summary>
    public static string? Outlives(DateTimeOffset? expiresAt, DateTimeOffset? creatorEnds) =>
        creatorEnds is { } end && (expiresAt is null || expiresAt > end)
            ? $"A token cannot create a token that outlives it: choose an expiry at or before {Times.Format(end)}."
            : null;

    /// <summary>The expiry of a token whose creator did not choose one; a lifetime of 0 days means never.</summary>
    public static DateTimeOffset? Default(int lifetimeDays, DateTimeOffset now) =>
        lifetimeDays == 0 ? null : now.AddDays(lifetimeDays);

    /// <summary>A custom date means the token works through that whole day, UTC.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) =>
        new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
