using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Notify.Workflows.Persistence;

/// <summary>
/// The same model as <see cref="NotifyDbContext"/> under its own name, so PostgreSQL keeps its own migrations
/// (in <c>Persistence/PostgresMigrations</c>) beside SQLite's. Used only to bring a PostgreSQL database up to date.
/// </summary>
public sealed class PostgresMigrationContext(DbContextOptions<PostgresMigrationContext> options) : NotifyDbContext(options)
{
    public static PostgresMigrationContext For(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresMigrationContext>().UseNpgsql(connectionString).Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresMigrationContext</c>; adding a migration needs no server.</summary>
internal sealed class PostgresMigrationContextDesignFactory : IDesignTimeDbContextFactory<PostgresMigrationContext>
{
    public PostgresMigrationContext CreateDbContext(string[] args) => PostgresMigrationContext.For("Host=localhost;Database=notify_design");
}
