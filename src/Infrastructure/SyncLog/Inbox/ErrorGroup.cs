namespace Koppel.Infrastructure.SyncLog.Inbox;

/// <summary>Open errors of one tenant's flow that share a reason: the inbox's one line for the same cause on many records.</summary>
public sealed record ErrorGroup(string Tenant, string Flow, string Reason, int Count, DateTime LastFailedAt);

/// <summary>How many errors are open in one tenant's flow.</summary>
public sealed record ErrorCount(string Tenant, string Flow, int Count);

/// <summary>
/// Which open errors the inbox lists: one flow, one reason exactly (a group), reasons containing a text (any case),
/// errors failing for at least a while (since their first failure), and records found by words in their id, name or
/// the data read from the source at their latest failure (the log search's words, see SyncLogSearch).
/// </summary>
public sealed record ErrorFilter(string? Flow = null, string? Reason = null, string? Text = null, TimeSpan? FailingFor = null, string? Record = null);
