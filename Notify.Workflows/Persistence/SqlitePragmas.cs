namespace Notify.Workflows.Persistence;

/// <summary>The settings every SQLite connection of the app opens with (see <see cref="SqlitePragmaInterceptor"/>).</summary>
public static class SqlitePragmas
{
    public const string PerConnection = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=10000; PRAGMA cache_size=-32768;";
}
