using Koppel.Infrastructure;
using Koppel.Portal;
using Koppel.Portal.Api;
using Koppel.Portal.Api.Binding;
using Koppel.Portal.Api.Hooks;
using Koppel.Portal.Api.Reference;
using Koppel.Portal.Auth;
using Koppel.Portal.Components;
using Koppel.Portal.Components.SyncLog;
using Koppel.Portal.Health;
using Koppel.Portal.Telemetry;
using Koppel.Infrastructure.Health;
using Koppel.Infrastructure.Hosting;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // Settings are read and checked once at start (nothing watches them for changes). Watching appsettings.json for
    // changes watches the whole content root, the default SQLite database's data/ folder with it, and a thread then
    // handled a file event for every write to the database (up to 5% of the hub's processor time during a sync run).
    Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
    // appsettings.json lives at the repository root and is copied next to the binary; reading it from
    // there makes `dotnet run --project src/Portal` and a published folder behave the same.
    ContentRootPath = AppContext.BaseDirectory,
});
// Component libraries' scripts and styles are static web assets; serve them outside Development too when run from a build.
builder.WebHost.UseStaticWebAssets();

// The default address is set here, not in appsettings.json, where it would override ASPNETCORE_URLS and HTTP_PORTS.
if (ListenAddress.IsUnset(builder.Configuration)) builder.WebHost.UseUrls(ListenAddress.Default);

builder.Services.AddKoppel(builder.Configuration, builder.Environment);
builder.Services.AddKoppelOptions<AdminOptions>(AdminOptions.Section);
builder.Services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsCheck>();
builder.Services.AddSingleton<ApiKeys>();
builder.Services.AddKoppelHealth();
builder.Services.AddAdminApiReference();
builder.Services.AddKoppelTelemetry(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddBindingProblems();
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddPortalAuth();

var app = builder.Build();

await app.Services.InitializeKoppelAsync();

app.UseExceptionHandler();
// Browsers keep to https once they reached the hub over it (behind a TLS proxy: with ASPNETCORE_FORWARDEDHEADERS_ENABLED,
// the request counts as https and cookies get Secure).
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
// Scripts, styles and fonts are needed by the sign-in page before anyone is signed in.
app.MapStaticAssets().AllowAnonymous();
app.MapPortalAuth();
app.MapHealth();
app.MapAdminApi();
app.MapAdminApiReference();
app.MapHooks();
app.MapSandboxes();
app.MapLogCsvExport();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        Console.WriteLine($"Koppel is running: open {url} in a browser.");
});

app.Run();

/// <summary>Entry point type, public so tests can host the app.</summary>
public partial class Program;
