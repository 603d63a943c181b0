using Bunit;
using MudBlazor.Services;

namespace Koppel.Portal.Tests.Components;

/// <summary>bUnit context with MudBlazor's services; browser calls answer with defaults (sizes and focus do not matter here).</summary>
public abstract class MudComponentContext : BunitContext
{
    protected MudComponentContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    // Some MudBlazor services are only asynchronously disposable, and xunit disposes test classes synchronously.
    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeAsync().AsTask().GetAwaiter().GetResult();
        else base.Dispose(disposing);
    }
}
