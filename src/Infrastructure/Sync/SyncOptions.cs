using System.ComponentModel.DataAnnotations;

namespace Koppel.Infrastructure.Sync;

/// <summary>The Sync section: how much one run and the webhook worker do at the same time.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Records of one page written to the target at the same time. The external systems' rate limits
    /// still apply per connection; this bounds the requests in flight.</summary>
    [Range(1, 64, ErrorMessage = "Sync:Parallelism must be between 1 and 64.")]
    public int Parallelism { get; set; } = 8;

    /// <summary>Tenants whose webhook deliveries are processed at the same time (one tenant's runs go one after the other).</summary>
    [Range(1, 64, ErrorMessage = "Sync:WebhookParallelism must be between 1 and 64.")]
    public int WebhookParallelism { get; set; } = 4;
}
