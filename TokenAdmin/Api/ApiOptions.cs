using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.Api;

/// <summary>How the REST API serves token holders (section <c>TokenAdmin:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "TokenAdmin:Api";

    /// <summary>Requests one token may make per <see cref="RateLimitWindow"/>; 0 switches the limit off.</summary>
    [Range(0, 1_000_000)]
    public int RateLimit { get; set; } = 150;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether requests update a token's last-used time (coalesced, never a write per request).</summary>
    public bool RecordLastUsed { get; set; } = true;

    /// <summary>A token's last-used time is noted at most once per this span.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LastUsedResolution { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often noted last-used times are written to the database, in one batch.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LastUsedFlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Request bodies larger than this are refused before they are parsed.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
