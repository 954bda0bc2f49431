namespace TokenAdmin.SendingDomains;

public enum MailStream
{
    Transactional,
    Bulk,
}
