using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Koppel.Infrastructure.Tests.Persistence;

/// <summary>One line per migration operation, detailed enough to write the hand-made migration from it.</summary>
internal static class MigrationOperationText
{
    public static string Describe(MigrationOperation operation) => operation switch
    {
        AddColumnOperation c => $"AddColumn {c.Table}.{c.Name} {Column(c)}",
        AlterColumnOperation c => $"AlterColumn {c.Table}.{c.Name} {Column(c)} (was {Column(c.OldColumn)})",
        DropColumnOperation c => $"DropColumn {c.Table}.{c.Name}",
        RenameColumnOperation c => $"RenameColumn {c.Table}.{c.Name} -> {c.NewName}",
        CreateTableOperation t => $"CreateTable {t.Name} ({string.Join(", ", t.Columns.Select(c => $"{c.Name} {Column(c)}"))})"
                                  + $" PK {t.PrimaryKey?.Name}({Columns(t.PrimaryKey?.Columns)})"
                                  + string.Concat(t.ForeignKeys.Select(f => $" FK {f.Name}({Columns(f.Columns)}) -> {f.PrincipalTable}({Columns(f.PrincipalColumns)}) {f.OnDelete}")),
        DropTableOperation t => $"DropTable {t.Name}",
        RenameTableOperation t => $"RenameTable {t.Name} -> {t.NewName}",
        CreateIndexOperation i => $"CreateIndex {i.Name} on {i.Table}({Columns(i.Columns)}){(i.IsUnique ? " unique" : "")}{(i.Filter is null ? "" : " where " + i.Filter)}",
        DropIndexOperation i => $"DropIndex {i.Name} on {i.Table}",
        RenameIndexOperation i => $"RenameIndex {i.Name} -> {i.NewName} on {i.Table}",
        AddForeignKeyOperation f => $"AddForeignKey {f.Name} {f.Table}({Columns(f.Columns)}) -> {f.PrincipalTable}({Columns(f.PrincipalColumns)}) {f.OnDelete}",
        DropForeignKeyOperation f => $"DropForeignKey {f.Name} on {f.Table}",
        AddPrimaryKeyOperation k => $"AddPrimaryKey {k.Name} {k.Table}({Columns(k.Columns)})",
        DropPrimaryKeyOperation k => $"DropPrimaryKey {k.Name} on {k.Table}",
        AddUniqueConstraintOperation u => $"AddUniqueConstraint {u.Name} {u.Table}({Columns(u.Columns)})",
        _ => operation.GetType().Name + Annotations(operation),
    };

    private static string Column(ColumnOperation c) =>
        $"{c.ClrType.Name}{(c.IsNullable ? " nullable" : "")}{(c.MaxLength is { } max ? $" maxLength {max}" : "")}"
        + (c.ColumnType is null ? "" : $" type {c.ColumnType}")
        + (c.DefaultValue is null ? "" : $" default {c.DefaultValue}")
        + (c.DefaultValueSql is null ? "" : $" defaultSql {c.DefaultValueSql}")
        + Annotations(c);

    private static string Annotations(MigrationOperation operation)
    {
        var annotations = operation.GetAnnotations().Select(a => $"{a.Name}={a.Value}").ToList();
        return annotations.Count == 0 ? "" : $" [{string.Join(", ", annotations)}]";
    }

    private static string Columns(IEnumerable<string>? columns) => string.Join(", ", columns ?? []);
}
