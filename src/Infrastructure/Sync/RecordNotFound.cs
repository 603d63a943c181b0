namespace Koppel.Infrastructure.Sync;

/// <summary>
/// A one-record run for an id the source does not have and the hub never synced: there is nothing to update or
/// delete, so the caller is told (the API answers 404) instead of seeing a run that "succeeded" at nothing.
/// </summary>
public sealed class RecordNotFound(string sourceSystem, string sourceId)
    : KeyNotFoundException($"{sourceSystem} has no record \"{sourceId}\", and this flow never synced one by that id.");
