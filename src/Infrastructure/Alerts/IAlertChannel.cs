namespace Koppel.Infrastructure.Alerts;

/// <summary>A way a notice reaches people: e-mail or a webhook. Throws when the notice did not get through, so it is tried again later.</summary>
public interface IAlertChannel
{
    Task SendAsync(AlertNotice notice, CancellationToken ct);
}
