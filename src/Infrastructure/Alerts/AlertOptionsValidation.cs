using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure.Alerts;

/// <summary>Checks the Alerts section at start; each message names the key to fix (never a value: one is a password).</summary>
public sealed class AlertOptionsValidation : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions o)
    {
        var problems = new List<string>();
        if (o.FailedRunsInARow < 1) problems.Add("Alerts:FailedRunsInARow must be 1 or more.");
        if (o.FailedRecordsThreshold < 1) problems.Add("Alerts:FailedRecordsThreshold must be 1 or more.");
        if (o.RetrySeconds is < 1 or > 86_400) problems.Add("Alerts:RetrySeconds must be between 1 and 86400.");
        if (o.PauseAfterFailedRuns < 0) problems.Add("Alerts:PauseAfterFailedRuns must be 0 (off) or more.");
        if (!string.IsNullOrWhiteSpace(o.WebhookUrl)
            && !(Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            problems.Add("Alerts:WebhookUrl must be an absolute http or https address.");
        if (o.Smtp.Configured)
        {
            if (o.Smtp.Port is < 1 or > 65535) problems.Add("Alerts:Smtp:Port must be between 1 and 65535.");
            if (!IsAddressList(o.Smtp.From, single: true)) problems.Add("Alerts:Smtp:From must be one e-mail address.");
            if (!IsAddressList(o.Smtp.To, single: false)) problems.Add("Alerts:Smtp:To must be e-mail addresses separated by commas.");
            if (string.IsNullOrEmpty(o.Smtp.UserName) != string.IsNullOrEmpty(o.Smtp.Password))
                problems.Add("Alerts:Smtp:UserName and Alerts:Smtp:Password are set together or not at all.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsAddressList(string? value, bool single)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        try
        {
            var addresses = new MailAddressCollection { value };
            return !single || addresses.Count == 1;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
