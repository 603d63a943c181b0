using System.Text.RegularExpressions;
using Koppel.Domain.Sync;

namespace Koppel.Infrastructure.Tests.Architecture;

/// <summary>
/// The house rules that keep the rooms apart: a connector implements the contract in Integrations and never
/// reaches into the engine, and the Domain stays pure (the BCL and FluentValidation only).
/// </summary>
public sealed class HouseRulesTests
{
    // A using of the engine's namespace (or a sub-namespace), or a type named through it.
    private static readonly Regex EngineReference = new(@"\bKoppel\.Infrastructure\.Sync\b", RegexOptions.Compiled);

    [Fact]
    public void No_connector_file_references_the_sync_engine()
    {
        var connectors = Path.Combine(RepositoryRoot(), "src", "Infrastructure", "Connectors");
        var files = Directory.EnumerateFiles(connectors, "*.cs", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);

        var offenders = files
            .Where(f => EngineReference.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(connectors, f))
            .ToList();

        Assert.True(offenders.Count == 0,
            "A connector may use the contract (Koppel.Infrastructure.Integrations), never the engine. These files reference Koppel.Infrastructure.Sync: "
            + string.Join(", ", offenders));
    }

    [Fact]
    public void Domain_references_only_the_base_class_library_and_FluentValidation()
    {
        var referenced = typeof(SyncRun).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(referenced);

        var foreign = referenced.Where(name => !IsAllowedInDomain(name)).ToList();

        Assert.True(foreign.Count == 0, "Koppel.Domain must stay pure; it references: " + string.Join(", ", foreign));
    }

    private static bool IsAllowedInDomain(string assembly) =>
        assembly is "FluentValidation" or "netstandard" or "mscorlib"
        || assembly == "System" || assembly.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>The folder holding Portal.sln, found by walking up from the test's output folder.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (with Portal.sln and src/) was not found above " + AppContext.BaseDirectory);
    }
}
