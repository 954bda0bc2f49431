using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.SendingDomains;

/// <summary>Where domains send mail, as the Integration tab shows it (section <c>TokenAdmin:Sending</c>).</summary>
public sealed class SendingOptions
{
    public const string Section = "TokenAdmin:Sending";

    private static readonly int[] DefaultSmtpPorts = [587, 2525, 25, 465];

    [Required]
    public string TransactionalSmtpHost { get; set; } = "live.smtp.example.com";

    [Required]
    public string BulkSmtpHost { get; set; } = "bulk.smtp.example.com";

    /// <summary>
    /// The SMTP ports to show; empty means 587, 2525, 25 and 465. The defaults are not preset here:
    /// the configuration binder would append configured ports to them instead of replacing them.
    /// </summary>
    public int[] SmtpPorts { get; set; } = [];

    public IReadOnlyList<int> Ports => SmtpPorts.Length > 0 ? SmtpPorts : DefaultSmtpPorts;

    [Required]
    public string SmtpUsername { get; set; } = "api";

    [Required]
    public string TransactionalApiHost { get; set; } = "send.api.example.com";

    [Required]
    public string BulkApiHost { get; set; } = "bulk.api.example.com";
}
