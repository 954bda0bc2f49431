using TokenAdmin.Tokens;

namespace TokenAdmin.CommandLine;

/// <summary>What <c>--expires-at</c> or <c>--never-expires</c> asked for; neither means the default lifetime.</summary>
public sealed record RequestedExpiry(DateTimeOffset? At, bool Never)
{
    public static readonly RequestedExpiry Default = new(null, false);

    public DateTimeOffset? Resolve(TokenOptions options, DateTimeOffset now) =>
        Never ? null : At ?? TokenExpiry.Default(options.DefaultLifetimeDays, now);
}
