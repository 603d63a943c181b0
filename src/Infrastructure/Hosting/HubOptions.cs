using System.ComponentModel.DataAnnotations;

namespace Koppel.Infrastructure.Hosting;

/// <summary>The Hub section.</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>The address external systems deliver webhooks to, when the hub sits behind a proxy; else the first
    /// address it listens on.</summary>
    [Url(ErrorMessage = "Hub:PublicUrl must be an absolute http(s) address.")]
    public string? PublicUrl { get; set; }
}
