using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Koppel.Portal.Tests.Hosting;

/// <summary>
/// The hub reads its settings once at start. A watch on appsettings.json covers the whole content root, where the
/// default SQLite database lives (data/), so it would handle a file event for every write to the database.
/// </summary>
public sealed class ConfigurationWatchTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public void No_settings_file_is_watched_for_changes()
    {
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}
