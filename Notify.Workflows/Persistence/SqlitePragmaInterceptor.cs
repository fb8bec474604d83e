using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Notify.Workflows.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> keeps every committed transaction across
/// a process crash (kill -9); only an operating-system crash or power cut can lose the last commits. Checkpoints are
/// left to <see cref="SqliteCheckpointer"/>; a writer checkpoints only when the log passes 10,000 pages (40 MB).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = SqlitePragmas.PerConnection;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
