namespace Koppel.Infrastructure.Integrations;

/// <summary>
/// A failure whose message is written for the customer (what went wrong, what to do). Connectors throw it
/// for answers they understand; anything else is logged in full and shown as a generic message.
/// </summary>
public class SyncProblem(string message, Exception? inner = null, string? response = null) : Exception(message, inner)
{
    /// <summary>The remote system's answer, when there was one.</summary>
    public string? Response { get; } = response;
}

/// <summary>The whole run cannot go on (credentials refused, system unreachable after retries).</summary>
public sealed class RunStopped(string message, Exception? inner = null) : SyncProblem(message, inner);
