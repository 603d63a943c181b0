using Koppel.Infrastructure.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Koppel.Portal.Telemetry;

/// <summary>
/// Metrics and traces through OpenTelemetry's hosting integration: the hub's own meter and spans (runs, records,
/// calls and 429s per external system, webhook queue depth), ASP.NET Core and HttpClient instrumentation, and an
/// OTLP exporter when <see cref="TelemetryOptions.OtlpEndpoint"/> is set. The standard OTEL_* environment variables
/// tune the exporter further.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddKoppelTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Read here as well because whether an exporter exists is decided while services are registered.
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("koppel"))
            .WithMetrics(metrics => metrics
                .AddMeter(SyncTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(SyncTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, endpoint);
            services.Configure<MetricReaderOptions>(reader =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.MetricExportSeconds * 1000);
        }
        return services;
    }
}
