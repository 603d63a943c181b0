using System.ComponentModel.DataAnnotations;

namespace Koppel.Infrastructure.Sandbox;

/// <summary>The Sandbox section: the emulators of the external systems, served by the hub itself.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>On by default in Development only: the emulators accept hard-coded demo logins.</summary>
    public bool Enabled { get; set; }

    /// <summary>The hub's address as demo tenants must call it to reach the emulators (behind a proxy); else the
    /// first address the hub listens on.</summary>
    [Url(ErrorMessage = "Sandbox:BaseUrl must be an absolute http(s) address.")]
    public string? BaseUrl { get; set; }
}
