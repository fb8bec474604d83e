using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Notify.Workflows.Persistence;

/// <summary>
/// Inserts the unit of work's new rows of the given entity types through one prepared statement per table, inside
/// the current transaction, and hands them back from the unit of work. Values go through the model's own type mappings and converters,
/// so the rows are exactly what <c>SaveChanges</c> would write; what is skipped is EF's per-row command building
/// and SQLite's per-statement parsing, which dominate a group commit of thousands of small rows.
/// </summary>
internal static class SqliteBulkInsert
{
    public static async Task InsertAddedAsync(NotifyDbContext db, IReadOnlyList<Type> entityTypes, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside a transaction.");
        foreach (var clrType in entityTypes)
        {
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
            var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Metadata == entityType).ToList();
            if (added.Count > 0)
            {
                await InsertAsync(transaction, entityType, added, ct);
            }
        }
    }

    private static async Task InsertAsync(DbTransaction transaction, IEntityType entityType, List<EntityEntry> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var names = columns.Select((_, i) => $"@p{i}").ToArray();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) "
            + $"VALUES ({string.Join(", ", names)})";
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            var values = row.CurrentValues; // one reader per row, not one entry object per column
            for (var i = 0; i < columns.Count; i++)
            {
                var (property, _, mapping) = columns[i];
                command.Parameters.Add(mapping.CreateParameter(command, names[i], values[property], property.IsNullable));
            }

            await command.ExecuteNonQueryAsync(ct);
            row.State = EntityState.Detached; // saved; EF must not write it again
        }
    }
}
