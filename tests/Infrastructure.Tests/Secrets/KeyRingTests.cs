using Koppel.Infrastructure.Persistence;
using Koppel.Infrastructure.Secrets;
using Koppel.Infrastructure.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Tests.Secrets;

/// <summary>The key ring that encrypts connection secrets: encrypted itself with the configured certificate, in a database file only the hub's user can read.</summary>
public sealed class KeyRingTests
{
    private static readonly Dictionary<string, string> Secret = new() { ["apiSecret"] = "key-ring-test-secret-4242" };

    [Fact]
    public async Task The_stored_key_ring_is_encrypted_with_the_certificate_and_still_decrypts_after_a_restart()
    {
        await using var file = TestDatabases.Sqlite();
        var database = file.ConnectionString;
        string protectedSecret;
        await using (var hub = await TestHub.StartAsync(_ => { }, connectionString: database))
            protectedSecret = hub.Get<SecretProtector>().Protect(Secret);

        await using var restarted = await TestHub.StartAsync(_ => { }, connectionString: database);
        await using var db = await restarted.DbAsync();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        Assert.Equal(Secret, restarted.Get<SecretProtector>().Unprotect(protectedSecret));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are a Unix notion; the hub runs on Linux
    public async Task A_new_SQLite_database_file_is_readable_by_the_hubs_user_only()
    {
        await using var database = TestDatabases.Sqlite();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

        await using var hub = await TestHub.StartAsync(_ => { }, connectionString: database.ConnectionString);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }
}
