namespace Koppel.Domain.Alerts;

/// <summary>
/// One stretch of trouble with a tenant's flow, from the run that crossed a threshold to the run that recovered.
/// Stored, so that however many hub processes evaluate runs and however often they restart, each incident gets
/// one alert and one resolved notice.
/// </summary>
public sealed class Incident
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    /// <summary>The flow key as runs store it (with its scope for a scoped flow, <c>orders@shop-a</c>).</summary>
    public required string Flow { get; set; }
    public AlertKind Kind { get; set; }
    /// <summary>1, 2, 3... per tenant, flow and kind. Unique, so two processes opening the same incident at once cannot both succeed.</summary>
    public int Number { get; set; }
    /// <summary>Why it opened, in words a customer can read.</summary>
    public required string Reason { get; set; }
    public int FailedRuns { get; set; }
    public int FailedRecords { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? OpenedNoticeSentAt { get; set; }
    public DateTime? ResolvedNoticeSentAt { get; set; }
    /// <summary>Until when one process holds the right to send the pending notice (or waits before trying again after a failure).</summary>
    public DateTime? NoticeHeldUntil { get; set; }
    public int NoticeAttempts { get; set; }
    /// <summary>Why the last attempt to send a notice failed; cleared when one gets through.</summary>
    public string? NoticeError { get; set; }

    /// <summary>The notice still owed: the alert first, the resolved notice only after it.</summary>
    public NoticeKind? PendingNotice =>
        OpenedNoticeSentAt is null ? NoticeKind.Opened
        : ResolvedAt is not null && ResolvedNoticeSentAt is null ? NoticeKind.Resolved
        : null;
}
