using Microsoft.EntityFrameworkCore;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Tests.Persistence;

/// <summary>Each database's migrations describe the model as it is now: a schema change without its migration fails here.</summary>
public class MigrationsInStepTests
{
    [Fact]
    public void Sqlite_MigrationsMatchTheModel()
    {
        using var db = new NotifyDbContext(new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_RecordVersion", StringComparison.Ordinal));
    }

    [Fact]
    public void Postgres_MigrationsMatchTheModel_AndAreItsOwn()
    {
        using var db = PostgresMigrationContext.For("Host=localhost;Database=unused");

        Assert.False(db.Database.HasPendingModelChanges());
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        Assert.DoesNotContain(migrations, m => m.EndsWith("_RecordVersion", StringComparison.Ordinal));
    }
}
