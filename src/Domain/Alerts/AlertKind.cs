namespace Koppel.Domain.Alerts;

/// <summary>What went wrong with a flow for an incident to open.</summary>
public enum AlertKind
{
    /// <summary>Several runs in a row stopped before the end.</summary>
    FailedRuns,
    /// <summary>A run reached the end, but too many of its records failed.</summary>
    FailedRecords,
}

/// <summary>The two notices of an incident: it opened, and later it was resolved.</summary>
public enum NoticeKind
{
    Opened,
    Resolved,
}
