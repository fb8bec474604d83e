using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Notify.Domain.Records;
using Notify.Workflows;
using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Impact;
using Notify.Workflows.Persistence;
using Notify.Workflows.Steps.Condition;
using Notify.Workflows.Steps.Send;

namespace Notify.Benchmarks;

/// <summary>
/// The impact preview over 100,000 stored status changes on a real SQLite file: the draft (a changed condition) and
/// the published version each replay every event with the real steps (conditions, rendering an SMS and an email for
/// those that pass). The baseline reads the same events from the database and does nothing more.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 1, iterationCount: 5)]
public class ImpactBenchmarks
{
    private const int Events = 100_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-bench", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = default!;
    private ImpactPreviewer _previewer = default!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        Directory.CreateDirectory(_folder);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Notify"] = $"Data Source={Path.Combine(_folder, "notify.db")};Pooling=True",
            ["Notify:Sms:PricePerSegment"] = "0.45",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddNotifyWorkflows(config, _folder);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await _services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        var flows = _services.GetRequiredService<FlowService>();
        await flows.SaveDraftAsync("big", Flow("record.Has(\"amount\") && record.Number(\"amount\") > 1000"), CancellationToken.None);
        await flows.PublishAsync("big", false, CancellationToken.None);
        await flows.SaveDraftAsync("big", Flow("record.Has(\"amount\") && record.Number(\"amount\") > 500"), CancellationToken.None);
        await StoreEventsAsync();
        _previewer = _services.GetRequiredService<ImpactPreviewer>();
    }

    private static FlowDefinition Flow(string condition) => new()
    {
        Name = "Big orders",
        Trigger = new TriggerDefinition { Event = EventTypes.StatusChanged, RecordTypes = ["order"], ToStatuses = ["ready"] },
        Steps =
        [
            new ConditionStepDefinition { Id = "amount", Expression = condition },
            new SendStepDefinition { Id = "tell", Channels = ["sms", "email"], Template = "order-ready", Recipients = ["customer"] },
        ],
    };

    /// <summary>Status changes to ready spread over the last six days, so both versions replay every one; amounts 0–1499.</summary>
    private async Task StoreEventsAsync()
    {
        var customers = new[] { "ola", "kari", "per", "anna" };
        var now = DateTime.UtcNow;
        var factory = _services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();
        for (var start = 0; start < Events; start += 5_000)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < start + 5_000; i++)
            {
                const string to = "ready";
                var previous = new RecordSnapshot
                {
                    Type = "order", Key = $"B-{i}", Status = "new", Title = $"Order {i}",
                    Contacts = new Dictionary<string, string> { ["customer"] = customers[i % 4] },
                    DataJson = $"{{\"amount\":{i % 1500}}}",
                };
                var current = previous with { Status = to };
                db.Events.Add(RecordEvent.FromChange(new RecordChange(EventTypes.StatusChanged, "new", to, []), previous, current, now.AddSeconds(-(i * 5))));
            }

            await db.SaveChangesAsync();
        }
    }

    [Benchmark(Baseline = true, Description = "read the 100,000 events")]
    public async Task<int> ReadEvents()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        var from = DateTime.UtcNow.AddDays(-7);
        return (await db.Events.AsNoTracking().Where(e => e.OccurredAt >= from && e.Type == EventTypes.StatusChanged && e.RecordType == "order" && e.ToStatus == "ready").ToListAsync()).Count;
    }

    [Benchmark(Description = "impact preview, draft and published")]
    public async Task<int> Preview() => (await _previewer.PreviewAsync("big", new ImpactRequest(7), CancellationToken.None)).Draft.Runs;

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }
}
