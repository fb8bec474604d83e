using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Infrastructure;

/// <summary>The PostgreSQL run of the suite really runs on PostgreSQL, and the default run on SQLite.</summary>
public class TestDatabaseTests(Features.ApiTestBase.AppFixture fixture) : Features.ApiTestBase(fixture)
{
    [Fact]
    public async Task TheAppUnderTest_UsesTheDatabaseTheRunAskedFor_AndHasEveryMigration()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();

        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        if (TestDatabase.IsPostgres)
        {
            await using var postgres = PostgresMigrationContext.For(db.Database.GetConnectionString()!);
            Assert.Empty(await postgres.Database.GetPendingMigrationsAsync());
        }
        else
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }
}
