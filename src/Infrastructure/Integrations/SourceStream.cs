using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Integrations;

/// <summary>A page of source records and the cursor that points just past it.</summary>
/// <param name="Cursor">Where to resume after this page; null keeps the previous cursor.</param>
public sealed record SourcePage(IReadOnlyList<SourceRecord> Records, string? Cursor);

/// <summary>Reads a flow's records from its source system, incrementally from a cursor.</summary>
public interface ISourceStream
{
    /// <param name="cursor">Null reads everything from the beginning.</param>
    IAsyncEnumerable<SourcePage> ReadAsync(string? cursor, CancellationToken ct);

    /// <summary>One record by its source id, or null when the source does not have it (any more).</summary>
    Task<SourceRecord?> ReadOneAsync(string sourceId, CancellationToken ct);
}
