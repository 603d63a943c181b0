using Microsoft.EntityFrameworkCore;

namespace Koppel.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema; on SQLite also sets it up for one writer and many readers.</summary>
public static class DatabaseMigrator
{
    /// <summary>How long a SQLite command waits for another connection's write lock before failing.</summary>
    private const int SqliteBusyTimeoutMs = 10_000;

    /// <summary>
    /// How long one migration statement may take on a server database. An index built on a log of millions of rows
    /// (the word index of the sync log) takes minutes; the connection's usual 30 s would stop the hub
    /// from ever starting on such a database.
    /// </summary>
    private static readonly TimeSpan ServerStatementTimeout = TimeSpan.FromHours(1);

    public static async Task MigrateAsync(KoppelDb db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            CreateOwnerOnly(db.Database.GetDbConnection().DataSource);
            // WAL lets the portal read while a flow run writes; it is stored in the file, so it only has to be set
            // once, but setting it again is harmless. It cannot change inside a transaction, hence before Migrate.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                await db.Database.ExecuteSqlRawAsync($"PRAGMA busy_timeout={SqliteBusyTimeoutMs};", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }

        db.Database.SetCommandTimeout(ServerStatementTimeout);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Creates a new SQLite file readable by the hub's user only: it holds the encrypted secrets and the key ring, and
    /// other accounts on the machine have no business reading either. SQLite gives its -wal and -shm files the
    /// database file's permissions.
    /// </summary>
    private static void CreateOwnerOnly(string? path)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(path) || path == ":memory:" || File.Exists(path)) return;
        using var _ = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }
}
