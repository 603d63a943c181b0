using Koppel.Domain.Sync;

namespace Koppel.Portal.Components.Inbox;

/// <summary>
/// A record of an expanded group. A record resolved by hand stays in the list until the page reloads, so
/// support can take a wrong click back with Reopen.
/// </summary>
public sealed class InboxRecord(OpenError error)
{
    public OpenError Error { get; } = error;
    public bool Resolved { get; set; }
}
