using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.People;

/// <summary>Lockout after repeated wrong passwords (section <c>TokenAdmin:SignIn</c>).</summary>
public sealed class SignInOptions
{
    public const string Section = "TokenAdmin:SignIn";

    /// <summary>Wrong passwords in a row that lock a person out; the attempt that reaches it is refused.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lockout lasts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);
}
