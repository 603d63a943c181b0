using Koppel.Infrastructure.Integrations;
using Koppel.Infrastructure.Sandbox;
using Microsoft.Extensions.Hosting;

namespace Koppel.Infrastructure.Tenants;

/// <summary>
/// Where a connection may send its secrets. Its address fields (the non-secret fields named "...Url") decide that,
/// so an address that moves to another host takes no stored secret along, and plain http is accepted only where
/// nothing crosses an open network: this hub's own sandboxes, the loopback interface, and Development.
/// </summary>
public sealed class ConnectionAddresses(IHostEnvironment environment, SandboxAddress sandbox)
{
    public static bool IsAddress(ConnectionField field) => !field.Secret && field.Name.EndsWith("Url", StringComparison.Ordinal);

    /// <summary>Why <paramref name="url"/> cannot be a connection's address, or null when it can.</summary>
    public string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "This must be an absolute http or https address.";
        if (uri.Scheme == "http" && !environment.IsDevelopment() && !uri.IsLoopback && !IsSandbox(uri))
            return "Only https addresses are accepted: plain http would send the connection's secrets readable over the network.";
        return null;
    }

    /// <summary>
    /// Whether one of the schema's addresses in <paramref name="given"/> points at another scheme, host or port than
    /// the address in use (<paramref name="current"/>, else the field's default). This hub's own sandboxes do not
    /// count: a secret sent there never leaves the hub (and a demo tenant follows the hub to a new port).
    /// </summary>
    public bool Moved(ConnectionSchema schema, IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string?> given) =>
        schema.Fields.Where(IsAddress).Any(field =>
            given.GetValueOrDefault(field.Name)?.Trim() is { Length: > 0 } next
            && (current.GetValueOrDefault(field.Name) ?? field.Default) is { Length: > 0 } before
            && !SameOrigin(before, next)
            && !(Uri.TryCreate(next, UriKind.Absolute, out var uri) && IsSandbox(uri)));

    private bool IsSandbox(Uri uri) => Uri.Compare(uri, sandbox.Base, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool SameOrigin(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
        && Uri.Compare(x, y, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
