namespace Koppel.Infrastructure.Hosting;

/// <summary>The Demo section: demo tenants wired to the sandboxes, created on first start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>On by default in Development only: a production hub never gets demo tenants unasked.</summary>
    public bool Enabled { get; set; }
}
