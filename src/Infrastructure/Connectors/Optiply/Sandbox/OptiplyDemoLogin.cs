namespace Koppel.Infrastructure.Connectors.Optiply.Sandbox;

/// <summary>
/// The login the emulator always knows, for demo tenants: one API client and one user of account 1001.
/// Other clients and users are added with <see cref="OptiplySandbox.RegisterClient"/> and
/// <see cref="OptiplySandbox.RegisterUser"/>.
/// </summary>
public static class OptiplyDemoLogin
{
    public const string ClientId = "koppel-demo";
    public const string ClientSecret = "koppel-demo-secret";
    public const string Username = "demo@optiply.example";
    public const string Password = "demo-password";
    public const string AccountId = "1001";
    public const string CouplingId = "1";

    /// <summary>The sandbox's API root and token URL below the hub's address (e.g. "https://hub.example/").</summary>
    public static string BaseUrl(Uri hub) => new Uri(hub, "sandbox/optiply/v1").ToString();

    public static string TokenUrl(Uri hub) => new Uri(hub, "sandbox/optiply/api/auth/oauth/token").ToString();
}
