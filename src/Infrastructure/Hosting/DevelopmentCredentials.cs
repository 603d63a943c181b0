namespace Koppel.Infrastructure.Hosting;

/// <summary>
/// The admin key and support password shipped in appsettings.Development.json so that `dotnet run` works at once.
/// Everyone who has read the repository knows them, so the hub refuses to start with them outside Development.
/// </summary>
public static class DevelopmentCredentials
{
    public const string ApiKey = "dev-support-key-change-me";
    public const string SupportPassword = "Koppel-support-1";
}
