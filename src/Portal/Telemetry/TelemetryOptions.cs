using System.ComponentModel.DataAnnotations;

namespace Koppel.Portal.Telemetry;

/// <summary>The Telemetry section: where metrics and traces go. Without an endpoint nothing is exported.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP/HTTP collector's base address, e.g. http://otel-collector:4318 (the signal paths are added).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often metrics are sent.</summary>
    [Range(1, 3600)]
    public int MetricExportSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult($"{Section}:{nameof(OtlpEndpoint)} must be an http or https address.", [nameof(OtlpEndpoint)]);
    }
}
