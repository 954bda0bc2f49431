using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.Sandboxes;

/// <summary>Where sandboxes receive mail, as their page shows it (section <c>TokenAdmin:Sandboxes</c>).</summary>
public sealed class SandboxOptions : IValidatableObject
{
    public const string Section = "TokenAdmin:Sandboxes";

    private static readonly int[] DefaultSmtpPorts = [25, 465, 587, 2525];

    [Required]
    public string SmtpHost { get; set; } = "sandbox.smtp.example.com";

    /// <summary>
    /// The SMTP ports to show; empty means 25, 465, 587 and 2525. The defaults are not preset here:
    /// the configuration binder would append configured ports to them instead of replacing them.
    /// </summary>
    public int[] SmtpPorts { get; set; } = [];

    public IReadOnlyList<int> Ports => SmtpPorts.Length > 0 ? SmtpPorts : DefaultSmtpPorts;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SmtpPorts.Any(port => port is < 1 or > 65535))
            yield return new ValidationResult(
                "Each SMTP port must be from 1 to 65535.", [nameof(SmtpPorts)]);
    }
}
