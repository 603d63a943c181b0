namespace Koppel.Domain.Sync;

/// <summary>
/// A verified webhook delivery, stored before the sender is answered so nothing accepted is lost: processed by the
/// background worker, also after a restart. <see cref="DueAt"/> null means done (processed or given up).
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>The hook's segment, e.g. "goedgepickt".</summary>
    public required string System { get; set; }
    /// <summary>The raw body as received.</summary>
    public required string Body { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>When the worker may (next) take it; while one works on it, the end of its lease.</summary>
    public DateTime? DueAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? Error { get; set; }
}
