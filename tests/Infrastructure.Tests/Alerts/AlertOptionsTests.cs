using Koppel.Infrastructure.Alerts;

namespace Koppel.Infrastructure.Tests.Alerts;

public sealed class AlertOptionsTests
{
    private static IEnumerable<string> Problems(AlertOptions options) =>
        new AlertOptionsValidation().Validate(null, options).Failures ?? [];

    [Fact]
    public void Alerts_are_off_and_valid_when_no_channel_is_configured()
    {
        var options = new AlertOptions();

        Assert.False(options.Enabled);
        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Each_problem_names_its_key_and_never_the_password()
    {
        var options = new AlertOptions
        {
            FailedRunsInARow = 0, WebhookUrl = "ftp://nowhere",
            Smtp = new SmtpSettings { Host = "mail.test", Port = 0, From = "not an address", To = "", Password = "very-secret-smtp-password" },
        };

        var problems = Problems(options).ToList();

        Assert.Contains("Alerts:FailedRunsInARow must be 1 or more.", problems);
        Assert.Contains("Alerts:WebhookUrl must be an absolute http or https address.", problems);
        Assert.Contains("Alerts:Smtp:Port must be between 1 and 65535.", problems);
        Assert.Contains("Alerts:Smtp:From must be one e-mail address.", problems);
        Assert.Contains("Alerts:Smtp:To must be e-mail addresses separated by commas.", problems);
        Assert.Contains("Alerts:Smtp:UserName and Alerts:Smtp:Password are set together or not at all.", problems);
        Assert.DoesNotContain(problems, p => p.Contains("very-secret-smtp-password"));
    }

    [Fact]
    public void A_webhook_address_alone_switches_alerts_on()
    {
        var options = new AlertOptions { WebhookUrl = "https://ops.example/koppel-alerts" };

        Assert.True(options.Enabled);
        Assert.Empty(Problems(options));
    }
}
