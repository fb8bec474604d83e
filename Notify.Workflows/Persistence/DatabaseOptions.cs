namespace Notify.Workflows.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary><c>Notify:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
