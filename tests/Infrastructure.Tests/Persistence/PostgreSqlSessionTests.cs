using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>The settings the hub's PostgreSQL sessions start with.</summary>
public sealed class PostgreSqlSessionTests
{
    [Fact]
    public async Task Sessions_run_without_jit_unless_the_connection_string_options_name_it()
    {
        await using var database = await TestDatabases.PostgreSqlAsync();
        var operatorsChoice = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c jit=on -c statement_timeout=5000" };

        Assert.Equal("off", await ShowAsync(database.ConnectionString, "jit"));
        Assert.Equal(("on", "5s"), (await ShowAsync(operatorsChoice.ConnectionString, "jit"), await ShowAsync(operatorsChoice.ConnectionString, "statement_timeout")));
    }

    private static async Task<string> ShowAsync(string connectionString, string setting)
    {
        var builder = new DbContextOptionsBuilder<KoppelDb>();
        new DatabaseOptions(DatabaseProvider.PostgreSql, connectionString).Configure(builder);
        await using var db = new KoppelDb(builder.Options);
        return await db.Database.SqlQuery<string>($"SELECT current_setting({setting}) AS \"Value\"").SingleAsync();
    }
}
