namespace Koppel.Domain.Readiness;

/// <summary>A record that fails a readiness check, with where to put it right in the source system.</summary>
public sealed record ReadinessExample(string Id, string Name, string? Url = null);

/// <summary>
/// One item of an integration's preparation checklist as run against a live account: passed or not, how many records
/// fail it and the first of them, and where the customer fixes them.
/// </summary>
public sealed record ReadinessCheck(string Key, string Title, bool Passed, int Count, IReadOnlyList<ReadinessExample> Examples, string? FixUrl = null);

/// <summary>What one check is: its key (the error code its validation rule reports), its title and where to fix it.</summary>
public sealed record ReadinessItem(string Key, string Title, string? FixUrl = null);
