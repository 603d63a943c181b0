using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.SyncLog;

/// <summary>Orders the log can be read in; each one walks an index rather than sorting a million rows.</summary>
public enum LogSort
{
    Newest = 0,
    Oldest = 1,
    RecordAscending = 2,
    RecordDescending = 3,
}

/// <summary>A filtered, paged view of a tenant's sync log. Newest first unless sorted otherwise.</summary>
public sealed record LogQuery
{
    public string? Flow { get; init; }
    public Outcome? Outcome { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    /// <summary>Matches any part of the source key, the target key or the message, ignoring case.</summary>
    public string? Text { get; init; }
    public long? RunId { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
    public LogSort Sort { get; init; }
}

/// <summary>One row of the log list (payloads are fetched only for the details panel).</summary>
public sealed record LogRow(long Id, long RunId, string Flow, Outcome Outcome, DateTime At, string SourceKey, string? DisplayName, string? TargetKey, string Message, string? Setting = null);

public sealed record LogPage(IReadOnlyList<LogRow> Rows, int Page, int PageSize, bool HasMore);

/// <summary>How many rows a filter matches, counted only up to a cap: <see cref="AtLeast"/> says the cap was hit.</summary>
public sealed record LogCount(int Count, bool AtLeast);

/// <summary>The entry with its payloads, and the other outcomes of the same record in the same flow, newest first.</summary>
public sealed record LogEntryDetails(SyncLogEntry Entry, IReadOnlyList<LogRow> History);

/// <summary>One page of a tenant's runs, newest first.</summary>
public sealed record RunPage(IReadOnlyList<SyncRun> Runs, bool HasMore);

/// <summary>How many of a flow's runs on one day (UTC) ended with one status.</summary>
public sealed record DailyRuns(string Flow, DateTime Day, RunStatus Status, int Runs);
