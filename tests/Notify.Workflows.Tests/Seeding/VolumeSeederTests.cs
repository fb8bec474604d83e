using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Demo;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests.Seeding;

/// <summary>The seeding tool adds realistic history through Notify's own model, and can be run again on the same database.</summary>
public sealed class VolumeSeederTests
{
    [Fact]
    public async Task SeedingTwice_AddsBoth_WithTheirRunsJournalsAndSearchIndexInStep()
    {
        await using var engine = await EngineHarness.StartAsync();
        var seeder = ActivatorUtilities.CreateInstance<VolumeSeeder>(engine.Services);
        var now = engine.Clock.GetUtcNow().UtcDateTime;
        int deliveriesBefore, recordsBefore, runsBefore;
        await using (var db = await engine.Db())
        {
            (deliveriesBefore, recordsBefore, runsBefore) = (await db.Deliveries.CountAsync(), await db.Records.CountAsync(), await db.Runs.CountAsync());
        }

        var first = await seeder.SeedAsync(300, now, TimeSpan.FromDays(10), null, CancellationToken.None);
        var second = await seeder.SeedAsync(300, now, TimeSpan.FromDays(10), null, CancellationToken.None);

        await using var check = await engine.Db();
        Assert.Equal(deliveriesBefore + 600, await check.Deliveries.CountAsync());
        Assert.Equal(recordsBefore + first.Records + second.Records, await check.Records.CountAsync());
        Assert.Equal(runsBefore + first.Runs + second.Runs, await check.Runs.CountAsync());
        var seededRuns = await check.Runs.AsNoTracking().Where(r => r.CreatedAt < now && r.Status == RunStatus.Completed).ToListAsync();
        Assert.Equal(first.JournalLines + second.JournalLines, seededRuns.Sum(r => r.ReadJournal().Count(l => l.Verdict == JournalVerdict.Sent)));
        if (check.Database.IsSqlite())
        {
            var address = (await check.Deliveries.AsNoTracking().OrderBy(d => d.CreatedAt).FirstAsync(d => d.Address != null && d.Address.Contains('@'))).Address!;
            var word = address[..address.IndexOf('@')];
            var indexed = await DeliverySearchIndex.SqliteCandidates(check, [(word, DeliveryText.Everything, false)])!.ScanContaining(word, DeliveryText.Everything).CountAsync();
            Assert.Equal(await check.Deliveries.ScanContaining(word, DeliveryText.Everything).CountAsync(), indexed);
            Assert.True(indexed > 0);
            Assert.Equal(1, await check.Database.SqlQueryRaw<int>(
                $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name = '{DeliverySearchIndex.InsertTrigger}'").SingleAsync());
        }
    }
}
