namespace Notify.Tests.Shared;

/// <summary>
/// Which database the tests run on: a fresh SQLite file by default, or, when <c>NOTIFY_TEST_POSTGRES</c> holds a
/// server's connection string (without a database), a fresh PostgreSQL database per app — test.sh runs the API,
/// sign-in and engine tests that way too.
/// </summary>
public static class TestDatabase
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("NOTIFY_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The settings that point an app at its own database: a SQLite file in <paramref name="folder"/>, or a new PostgreSQL database.</summary>
    public static Dictionary<string, string?> Settings(string folder) => PostgresServer is { } server
        ? new()
        {
            ["Notify:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Notify"] = $"{server.TrimEnd(';')};Database=notify_{Guid.NewGuid():N}",
        }
        : new() { ["ConnectionStrings:Notify"] = $"Data Source={Path.Combine(folder, "notify.db")}" };
}
