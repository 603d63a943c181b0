using System.Data.Common;
using Koppel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>
/// What the migrations really create, read back from the database's own catalog, is what the EF model expects:
/// the same tables, columns (type and nullability), indexes and foreign keys, on both providers.
/// </summary>
public sealed class MigratedSchemaTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrated_tables_and_columns_equal_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();

        var catalog = await DatabaseCatalog.ReadAsync(db);

        AssertSameSet(ModelTables(db).Select(t => t.Name), catalog.Tables, "tables");
        AssertSameSet(
            ModelTables(db).SelectMany(t => t.Columns).Select(c => Column(c.Table.Name, c.Name, c.StoreType, c.IsNullable)),
            catalog.Columns, "columns");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrated_indexes_equal_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();

        var catalog = await DatabaseCatalog.ReadAsync(db);

        AssertSameSet(
            ModelTables(db).SelectMany(t => t.Indexes)
                .Select(i => Index(i.Table.Name, i.Name, i.Columns.Select(c => c.Name), i.IsUnique)),
            catalog.Indexes, "indexes");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Migrated_foreign_keys_equal_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();

        var catalog = await DatabaseCatalog.ReadAsync(db);

        // SQLite keeps no constraint names, so there the shape alone is compared.
        var named = provider == DatabaseProvider.PostgreSql;
        AssertSameSet(
            ModelTables(db).SelectMany(t => t.ForeignKeyConstraints).Select(f => ForeignKey(
                named ? f.Name : null, f.Table.Name, f.Columns.Select(c => c.Name), f.PrincipalTable.Name,
                f.PrincipalColumns.Select(c => c.Name), OnDelete(f.OnDeleteAction))),
            catalog.ForeignKeys, "foreign keys");
    }

    private static IEnumerable<ITable> ModelTables(KoppelDb db) =>
        db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables;

    internal static string Column(string table, string column, string type, bool nullable) =>
        $"{table}.{column} {type}{(nullable ? " null" : " not null")}";

    internal static string Index(string table, string name, IEnumerable<string> columns, bool unique) =>
        $"{name} on {table}({string.Join(", ", columns)}){(unique ? " unique" : "")}";

    internal static string ForeignKey(string? name, string table, IEnumerable<string> columns, string principal,
        IEnumerable<string> principalColumns, string onDelete) =>
        $"{name}{(name is null ? "" : " ")}{table}({string.Join(", ", columns)}) -> {principal}({string.Join(", ", principalColumns)}) on delete {onDelete}";

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "cascade",
        ReferentialAction.Restrict => "restrict",
        ReferentialAction.SetNull => "set null",
        ReferentialAction.SetDefault => "set default",
        _ => "no action",
    };

    private static void AssertSameSet(IEnumerable<string> model, IEnumerable<string> database, string what)
    {
        var expected = model.ToHashSet(StringComparer.Ordinal);
        var actual = database.ToHashSet(StringComparer.Ordinal);
        var missing = expected.Except(actual).Order().ToList();
        var extra = actual.Except(expected).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrated {what} differ from the model." + Environment.NewLine +
            $"In the model, not in the database:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", missing)}" + Environment.NewLine +
            $"In the database, not in the model:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", extra)}");
    }

    /// <summary>The schema as the database itself reports it, in the same notation as the model side.</summary>
    private sealed record DatabaseCatalog(
        IReadOnlyList<string> Tables, IReadOnlyList<string> Columns, IReadOnlyList<string> Indexes, IReadOnlyList<string> ForeignKeys)
    {
        public static async Task<DatabaseCatalog> ReadAsync(KoppelDb db)
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                return db.Database.IsSqlite() ? await ReadSqliteAsync(connection) : await ReadPostgreSqlAsync(connection);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        private static async Task<DatabaseCatalog> ReadSqliteAsync(DbConnection connection)
        {
            // The full-text tables and their shadow tables (SyncLogText*, OpenErrorText*) belong to text search, not to the EF model.
            var tables = await QueryAsync(connection,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\' " +
                "AND name NOT LIKE 'SyncLogText%' AND name NOT LIKE 'OpenErrorText%'",
                r => r.GetString(0));
            var columns = new List<string>();
            var indexes = new List<string>();
            var foreignKeys = new List<string>();
            foreach (var table in tables)
            {
                columns.AddRange(await QueryAsync(connection,
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@table)",
                    // SQLite lets a non-integer primary key column hold NULL unless declared NOT NULL; EF declares it.
                    r => Column(table, r.GetString(0), r.GetString(1), r.GetInt64(2) == 0), ("table", table)));

                var indexRows = await QueryAsync(connection,
                    "SELECT name, \"unique\" FROM pragma_index_list(@table) WHERE origin = 'c'",
                    r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1), ("table", table));
                foreach (var (name, unique) in indexRows)
                {
                    var indexColumns = await QueryAsync(connection,
                        "SELECT name FROM pragma_index_info(@index) ORDER BY seqno", r => r.GetString(0), ("index", name));
                    indexes.Add(Index(table, name, indexColumns, unique));
                }

                var keyRows = await QueryAsync(connection,
                    "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(@table) ORDER BY id, seq",
                    r => (Id: r.GetInt64(0), Principal: r.GetString(1), From: r.GetString(2), To: r.GetString(3), OnDelete: r.GetString(4)),
                    ("table", table));
                foreignKeys.AddRange(keyRows.GroupBy(k => k.Id).Select(k => ForeignKey(null, table,
                    k.Select(c => c.From), k.First().Principal, k.Select(c => c.To), k.First().OnDelete.ToLowerInvariant())));
            }
            return new DatabaseCatalog(tables, columns, indexes, foreignKeys);
        }

        private static async Task<DatabaseCatalog> ReadPostgreSqlAsync(DbConnection connection)
        {
            // SyncLogText_ indexes are the log search's word index, outside the model like SQLite's full-text table.
            // qrtz_ tables were Quartz's job store (dropped by the Scheduler migration), never part of the EF model.
            // OpenErrorText holds the open errors' searchable words, kept by a trigger like SQLite's full-text table.
            const string ownTables = "NOT LIKE 'qrtz\\_%' AND {0} <> '__EFMigrationsHistory' AND {0} <> 'OpenErrorText'";
            var tables = await QueryAsync(connection,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
                "AND table_name " + string.Format(ownTables, "table_name"),
                r => r.GetString(0));
            var columns = await QueryAsync(connection,
                "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns " +
                "WHERE table_schema = 'public' AND table_name " + string.Format(ownTables, "table_name"),
                r => Column(r.GetString(0), r.GetString(1),
                    r.IsDBNull(3) ? r.GetString(2) : $"{r.GetString(2)}({r.GetInt32(3)})", r.GetString(4) == "YES"));
            var indexes = await QueryAsync(connection,
                """
                SELECT t.relname, i.relname, x.indisunique,
                       (SELECT string_agg(a.attname, ', ' ORDER BY k.ord)
                          FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum)
                  FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = 'public' AND NOT x.indisprimary AND i.relname NOT LIKE 'SyncLogText\_%' AND t.relname
                """ + " " + string.Format(ownTables, "t.relname"),
                r => Index(r.GetString(0), r.GetString(1), [r.GetString(3)], r.GetBoolean(2)));
            var foreignKeys = await QueryAsync(connection,
                """
                SELECT c.conname, t.relname, p.relname, c.confdeltype::text,
                       (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                       (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)
                  FROM pg_constraint c
                  JOIN pg_class t ON t.oid = c.conrelid
                  JOIN pg_class p ON p.oid = c.confrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname
                """ + " " + string.Format(ownTables, "t.relname"),
                r => ForeignKey(r.GetString(0), r.GetString(1), [r.GetString(4)], r.GetString(2), [r.GetString(5)],
                    r.GetString(3) switch
                    {
                        "c" => "cascade",
                        "r" => "restrict",
                        "n" => "set null",
                        "d" => "set default",
                        _ => "no action",
                    }));
            return new DatabaseCatalog(tables, columns, indexes, foreignKeys);
        }

        private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read,
            params (string Name, object Value)[] parameters)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(read(reader));
            return rows;
        }
    }
}
