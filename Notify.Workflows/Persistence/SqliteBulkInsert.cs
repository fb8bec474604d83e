using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Notify.Workflows.Persistence;

/// <summary>
/// Inserts the unit of work's new rows of the given entity types through one prepared statement per table, inside
/// the current transaction, and hands them back from the unit of work. Values go through the model's own value
/// converters and are stored as Microsoft.Data.Sqlite stores them, so the rows are exactly what <c>SaveChanges</c>
/// would write (<c>SqliteBulkInsertTests</c> compares every column of every table); what is skipped is EF's per-row
/// command building and the per-row, per-parameter work of an ADO.NET command (parameter objects, binding by name),
/// which dominate a group commit of thousands of small rows. Values are bound by position straight to SQLite.
/// </summary>
internal static class SqliteBulkInsert
{
    public static void InsertAdded(NotifyDbContext db, IReadOnlyList<Type> entityTypes, CancellationToken ct)
    {
        var connection = db.Database.CurrentTransaction?.GetDbTransaction().Connection as SqliteConnection
            ?? throw new InvalidOperationException("A bulk insert runs inside a SQLite transaction.");
        foreach (var clrType in entityTypes)
        {
            ct.ThrowIfCancellationRequested();
            var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
            var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Metadata == entityType).ToList();
            if (added.Count > 0)
            {
                Insert(connection, entityType, added);
            }
        }
    }

    private static void Insert(SqliteConnection connection, IEntityType entityType, List<EntityEntry> rows)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, ((RelationalTypeMapping)p.GetRelationalTypeMapping()).Converter))
            .ToList();
        var sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var (property, column, converter) = columns[i];
                    var value = row.Property(property).CurrentValue;
                    Bind(statement, i + 1, converter is null || value is null ? value : converter.ConvertToProvider(value), column);
                }

                var rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc, handle);
                }

                row.State = EntityState.Detached; // saved; EF must not write it again
            }
        }
    }

    /// <summary>Binds as Microsoft.Data.Sqlite binds a parameter of that value with no SQLite type given.</summary>
    private static void Bind(sqlite3_stmt statement, int index, object? value, string column)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            Guid guid => raw.sqlite3_bind_text(statement, index, guid.ToString().ToUpperInvariant()),
            DateTime time => raw.sqlite3_bind_text(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset time => raw.sqlite3_bind_text(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            DateOnly day => raw.sqlite3_bind_text(statement, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            TimeSpan span => raw.sqlite3_bind_text(statement, index, span.ToString("c", CultureInfo.InvariantCulture)),
            decimal number => raw.sqlite3_bind_text(statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            double number when !double.IsNaN(number) => raw.sqlite3_bind_double(statement, index, number),
            float number when !float.IsNaN(number) => raw.sqlite3_bind_double(statement, index, number),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"Column {column}: a {value.GetType().Name} value has no bulk binding."),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"Column {column}: SQLite refused the value (code {rc}).");
        }
    }

    private static void Check(int rc, sqlite3 handle) => SqliteException.ThrowExceptionForRC(rc, handle);
}
