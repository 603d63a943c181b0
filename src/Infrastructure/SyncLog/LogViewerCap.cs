namespace Koppel.Infrastructure.SyncLog;

/// <summary>
/// The viewer counts matching rows only up to this many: enough for 200 pages of 50, and above it the pager shows
/// "more than 10,000" and the customer narrows the filter. Counting further costs more than it tells.
/// </summary>
public static class LogViewerCap
{
    public const int Rows = 10_000;
}
