using Koppel.Infrastructure.SyncLog.Inbox;
using Koppel.Portal.Auth;

namespace Koppel.Portal.Components.Inbox;

/// <summary>
/// What the inbox page may change, checked here and not only by hiding buttons: a customer's circuit can still
/// send any event its page once rendered, so resolving stays support's decision whatever the browser sends.
/// </summary>
public sealed class InboxActions(ErrorInbox inbox, CurrentUser user)
{
    public bool CanResolve => user.IsSupport;

    /// <summary>Resolves every open error of the group the filters show; returns how many were resolved.</summary>
    public Task<int> ResolveGroupAsync(ErrorGroup group, ErrorFilter shown, string? note, CancellationToken ct)
    {
        Demand(group.Tenant);
        return inbox.ResolveGroupAsync(group.Tenant, shown with { Flow = group.Flow, Reason = group.Reason }, Actor, Trimmed(note), ct);
    }

    public Task<bool> ResolveAsync(string tenant, long id, string? note, CancellationToken ct)
    {
        Demand(tenant);
        return inbox.ResolveAsync(tenant, id, Actor, Trimmed(note), ct);
    }

    public Task<bool> ReopenAsync(string tenant, long id, CancellationToken ct)
    {
        Demand(tenant);
        return inbox.ReopenAsync(tenant, id, ct);
    }

    private string Actor => user.Email ?? "support";

    private void Demand(string tenant)
    {
        if (!user.IsSupport || !user.CanSee(tenant))
            throw new UnauthorizedAccessException("Only support staff resolve or reopen errors.");
    }

    private static string? Trimmed(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
