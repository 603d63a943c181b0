using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.SyncLog;

/// <summary>A filtered, paged view of a tenant's sync log. Newest first unless sorted otherwise.</summary>
public sealed record LogQuery
{
    public string? Flow { get; init; }
    public Outcome? Outcome { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    /// <summary>Matches the start of a source or target key exactly (index-served), or any part of the message.</summary>
    public string? Text { get; init; }
    public long? RunId { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
    /// <summary>"at" (default, newest first) or "at asc".</summary>
    public string? Sort { get; init; }
}

/// <summary>One row of the log list (payloads are fetched only for the details panel).</summary>
public sealed record LogRow(long Id, long RunId, string Flow, Outcome Outcome, DateTime At, string SourceKey, string? TargetKey, string Message);

public sealed record LogPage(IReadOnlyList<LogRow> Rows, int Page, int PageSize, bool HasMore);
