namespace Koppel.Infrastructure.Alerts;

/// <summary>The Alerts section of the configuration. Alerts are off while neither channel (e-mail, webhook) is set.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public int FailedRunsInARow { get; set; } = 3;
    public int FailedRecordsThreshold { get; set; } = 50;
    /// <summary>Switch a flow off after this many failed runs in a row; 0 never does.</summary>
    public int PauseAfterFailedRuns { get; set; }
    /// <summary>Where a JSON notice is posted; empty for none.</summary>
    public string? WebhookUrl { get; set; }
    public SmtpSettings Smtp { get; set; } = new();
    /// <summary>How long a notice that could not be sent waits before the next try.</summary>
    public int RetrySeconds { get; set; } = 60;

    public TimeSpan RetryAfter => TimeSpan.FromSeconds(RetrySeconds);

    public bool Enabled => !string.IsNullOrWhiteSpace(WebhookUrl) || Smtp.Configured;
}

/// <summary>The mail server alerts are sent through; unused while Host is empty.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    /// <summary>One address or several, separated by commas.</summary>
    public string? To { get; set; }
    public string? UserName { get; set; }
    /// <summary>Never logged or shown.</summary>
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}
