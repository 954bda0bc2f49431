using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.Tokens;

/// <summary>How tokens are made and kept (section <c>TokenAdmin:Tokens</c>).</summary>
public sealed class TokenOptions
{
    public const string Section = "TokenAdmin:Tokens";

    /// <summary>
    /// Keep an encrypted copy of each secret so "Copy token" works after creation. When false (show-once mode),
    /// a secret is shown only in the dialog that created or reset it.
    /// </summary>
    public bool CopyAfterCreate { get; set; } = true;

    /// <summary>The lifetime a new token gets unless its creator picks another; 0 means never expires.</summary>
    [Range(0, TokenExpiry.MaxDays)]
    public int DefaultLifetimeDays { get; set; } = 365;

    /// <summary>
    /// How long an old secret keeps working after a reset (tokens and sandbox credentials alike). It never
    /// extends a life: the old secret ends at the earlier of its own expiry and the end of this window.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan GraceWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the token list re-reads the clock, so "Expires in …" and Expired follow time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ListRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
