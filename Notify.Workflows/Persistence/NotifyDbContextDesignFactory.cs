using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Notify.Workflows.Persistence;

/// <summary>For <c>dotnet ef migrations</c>: the SQLite model.</summary>
internal sealed class NotifyDbContextDesignFactory : IDesignTimeDbContextFactory<NotifyDbContext>
{
    public NotifyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite("Data Source=design.db").Options);
}
