using System.Text;

namespace Koppel.Infrastructure.Alerts;

/// <summary>Posts the notice as JSON to Alerts:WebhookUrl; any answer but 2xx counts as not delivered.</summary>
public sealed class WebhookAlertChannel(IHttpClientFactory http, Uri url) : IAlertChannel
{
    public const string Client = "alerts";

    public async Task SendAsync(AlertNotice notice, CancellationToken ct)
    {
        using var content = new StringContent(notice.ToJson(), Encoding.UTF8, "application/json");
        using var response = await http.CreateClient(Client).PostAsync(url, content, ct);
        response.EnsureSuccessStatusCode();
    }
}
