using Koppel.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Koppel.Infrastructure.Alerts;

public static class AlertServices
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddKoppelOptions<AlertOptions>(AlertOptions.Section);
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidation>();
        services.AddHttpClient(WebhookAlertChannel.Client, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IReadOnlyList<IAlertChannel>>(sp =>
        {
            var options = sp.GetRequiredService<AlertOptions>();
            var channels = new List<IAlertChannel>();
            if (options.Smtp.Configured) channels.Add(new SmtpAlertChannel(options.Smtp));
            if (!string.IsNullOrWhiteSpace(options.WebhookUrl))
                channels.Add(new WebhookAlertChannel(sp.GetRequiredService<IHttpClientFactory>(), new Uri(options.WebhookUrl)));
            return channels;
        });
        services.AddSingleton<AlertNotices>();
        services.AddSingleton<RunAlerts>();
        services.AddHostedService<AlertRetryService>();
        return services;
    }
}
