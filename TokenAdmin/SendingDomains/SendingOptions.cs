using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.SendingDomains;

/// <summary>Where domains send mail, as the Integration tab shows it (section <c>TokenAdmin:Sending</c>).</summary>
public sealed class SendingOptions
{
    public const string Section = "TokenAdmin:Sending";

    [Required]
    public string TransactionalSmtpHost { get; set; } = "live.smtp.example.com";

    [Required]
    public string BulkSmtpHost { get; set; } = "bulk.smtp.example.com";

    [MinLength(1)]
    public int[] SmtpPorts { get; set; } = [587, 2525, 25, 465];

    [Required]
    public string SmtpUsername { get; set; } = "api";

    [Required]
    public string TransactionalApiHost { get; set; } = "send.api.example.com";

    [Required]
    public string BulkApiHost { get; set; } = "bulk.api.example.com";
}
