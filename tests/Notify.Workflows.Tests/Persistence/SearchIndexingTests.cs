using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Tests.Persistence;

/// <summary>
/// On SQLite a bulk load may pause the send log's search indexing; a load that dies paused is made good at the next
/// start, so no message is left out of search.
/// </summary>
public sealed class SearchIndexingTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"notify-indexing-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task ALoadThatDiedWithIndexingPaused_IsIndexedAtTheNextStart()
    {
        var options = new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite($"Data Source={_file}").Options;
        var factory = new PooledDbContextFactory<NotifyDbContext>(options);
        var initializer = new DatabaseInitializer(factory, Microsoft.Extensions.Options.Options.Create(new DatabaseOptions()));
        await initializer.InitializeAsync(CancellationToken.None);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await AddAsync(db, "before", "Dekkskift hos Åse før pausen");
            await DeliverySearchIndex.PauseIndexingAsync(db, CancellationToken.None);
            await AddAsync(db, "during", "Dekkskift hos Åse under pausen"); // then the load dies: nothing resumes indexing
            Assert.Equal(1, await FoundAsync(db, "Dekkskift hos Åse"));
        }

        await initializer.InitializeAsync(CancellationToken.None); // the next start

        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(2, await FoundAsync(db, "Dekkskift hos Åse"));
            await AddAsync(db, "after", "Dekkskift hos Åse etter start"); // new messages are indexed one by one again
            Assert.Equal(3, await FoundAsync(db, "Dekkskift hos Åse"));
        }
    }

    /// <summary>A database whose search table matched case as typed: after the upgrade its messages are found in any case.</summary>
    [Fact]
    public async Task MessagesStoredBeforeSearchIgnoredCase_AreFoundInAnyCase_AfterTheUpgrade()
    {
        var options = new DbContextOptionsBuilder<NotifyDbContext>().UseSqlite($"Data Source={_file}").Options;
        await using (var db = new NotifyDbContext(options))
        {
            var before = db.Database.GetMigrations().Last(m => m.EndsWith("_DeliveryDayZone", StringComparison.Ordinal));
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
            await AddAsync(db, "old", "Dekkskift hos Åse Ødegård");
            Assert.Equal(1, await FoundAsync(db, "Åse Ødegård"));
            Assert.Equal(0, await FoundAsync(db, "åse ødegård")); // as it was: case as typed
        }

        await using (var db = new NotifyDbContext(options))
        {
            await db.Database.MigrateAsync();
            foreach (var typed in new[] { "åse ødegård", "ÅSE ØDEGÅRD", "dekkSKIFT", "Åse Ødegård" })
            {
                Assert.Equal(1, await FoundAsync(db, typed));
            }

            await AddAsync(db, "new", "Dekk hos ÅSE");
            Assert.Equal(2, await FoundAsync(db, "hos åse"));
            Assert.Equal(0, await FoundAsync(db, "hos ase")); // a different letter, not a different case
        }
    }

    private static async Task<int> FoundAsync(NotifyDbContext db, string text) =>
        await DeliverySearchIndex.SqliteCandidates(db, [(text, DeliveryText.Everything, false)])!.CountAsync();

    private static async Task AddAsync(NotifyDbContext db, string key, string body)
    {
        db.Deliveries.Add(Delivery.Queue(new DeliveryDraft { DeliveryKey = key, Channel = Channel.Sms, Address = "+4790000001", Body = body, Segments = 1 }, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
