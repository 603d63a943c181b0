using System.Reflection;

namespace Koppel.Browser.Tests;

/// <summary>Locations inside the repository, found from the test binaries so tests run from any working directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    public static string Root => RootFolder.Value;

    public static string Screenshots => Path.Combine(Root, "artifacts", "screenshots");

    /// <summary>The portal's build output for the configuration these tests were built in.</summary>
    public static string PortalDll
    {
        get
        {
            var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var folder = Path.Combine(Root, "src", "Portal", "bin", configuration, "net10.0");
            return Path.Combine(folder, "Koppel.Portal.dll");
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Portal.sln above {AppContext.BaseDirectory}.");
    }
}
