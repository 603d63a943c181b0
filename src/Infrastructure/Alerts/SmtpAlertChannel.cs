using System.Net;
using System.Net.Mail;

namespace Koppel.Infrastructure.Alerts;

/// <summary>Sends the notice as a plain-text e-mail through the configured SMTP server.</summary>
public sealed class SmtpAlertChannel(SmtpSettings smtp) : IAlertChannel
{
    public async Task SendAsync(AlertNotice notice, CancellationToken ct)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 30_000 };
        if (!string.IsNullOrEmpty(smtp.UserName))
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var mail = new MailMessage { From = new MailAddress(smtp.From!), Subject = notice.Subject, Body = notice.ToText(), IsBodyHtml = false };
        mail.To.Add(smtp.To!);
        await client.SendMailAsync(mail, ct);
    }
}
