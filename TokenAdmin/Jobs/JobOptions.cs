using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.Jobs;

/// <summary>The background jobs' schedules (section <c>TokenAdmin:Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "TokenAdmin:Jobs";

    /// <summary>
    /// Schedules the jobs. With it off the jobs can still be triggered by hand (tests do); expiry itself never
    /// depends on them, since every check compares with the stored instant.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often expiries are recorded in the audit log.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired tokens and credentials are deleted; well under the 24-hour promise.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Keeps Quartz's own state in <c>scheduler.db</c> beside the SQLite database instead of in memory. Read at
    /// start-up. On PostgreSQL the state is always kept in the shared database.
    /// Nothing depends on it for correctness: every deadline is an instant in the main database.
    /// </summary>
    public bool PersistentStore { get; set; }

    /// <summary>
    /// On PostgreSQL, how often each node tells the others it is alive. A node silent for this long plus Quartz's
    /// misfire threshold is taken for dead and its jobs run elsewhere. Read at start-up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
