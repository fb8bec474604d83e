using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Workflows;
using Notify.Workflows.Demo;
using Notify.Workflows.Dispatch;
using Notify.Workflows.Ingest;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Tests;

/// <summary>
/// The real engine on a real SQLite file, with a fake clock. Background workers are not started:
/// tests move the clock and run the due-runs worker and the dispatcher once, by hand.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "notify-tests", Guid.NewGuid().ToString("N"));

    private EngineHarness(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        Directory.CreateDirectory(_folder);
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero)); // a Monday
        var config = new ConfigurationBuilder().AddInMemoryCollection(Notify.Tests.Shared.TestDatabase.Settings(_folder).Concat(settings)).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddNotifyWorkflows(config, _folder);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public IngestService Ingest => Services.GetRequiredService<IngestService>();

    public static async Task<EngineHarness> StartAsync(
        bool seedDemo = true, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new EngineHarness(settings ?? new Dictionary<string, string?>(), configure);
        await harness.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        if (seedDemo)
        {
            await harness.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
            await harness.RunAllAsync();
        }

        return harness;
    }

    /// <summary>The engine with the demo data and one more flow, published.</summary>
    public static async Task<EngineHarness> StartWithFlowAsync(string key, Notify.Workflows.Definitions.FlowDefinition flow)
    {
        var engine = await StartAsync();
        await engine.PublishAsync(key, flow);
        return engine;
    }

    /// <summary>Saves <paramref name="flow"/> as a draft under <paramref name="key"/> and publishes it.</summary>
    public async Task PublishAsync(string key, Notify.Workflows.Definitions.FlowDefinition flow)
    {
        var flows = Services.GetRequiredService<Notify.Workflows.Definitions.FlowService>();
        await flows.SaveDraftAsync(key, flow, CancellationToken.None);
        await flows.PublishAsync(key, false, CancellationToken.None);
    }

    /// <summary>Adds a template (default language English) with <paramref name="content"/>.</summary>
    public async Task AddTemplateAsync(string key, string name, Notify.Domain.Templates.TemplateContent content)
    {
        await using var db = await Db();
        db.Templates.Add(Notify.Domain.Templates.MessageTemplate.Create(
            key, name, "en", content, Services.GetRequiredService<Notify.Domain.Templates.TemplateRenderer>(), Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }

    /// <summary>Runs the due runs, then sends the due deliveries, as the background workers would.</summary>
    public async Task RunAllAsync()
    {
        await Services.GetRequiredService<DueRunsWorker>().RunDueAsync(CancellationToken.None);
        await Services.GetRequiredService<DeliveryDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await RunAllAsync();
    }

    public async Task<List<Delivery>> DeliveriesAsync(string recordType, string recordKey)
    {
        await using var db = await Db();
        return await db.Deliveries.AsNoTracking().Where(d => d.RecordType == recordType && d.RecordKey == recordKey).OrderBy(d => d.CreatedAt).ToListAsync();
    }

    public async Task<int> WaitingRemindersAsync(string flowKey)
    {
        await using var db = await Db();
        return await db.Runs.CountAsync(r => r.FlowKey == flowKey && r.Status == RunStatus.Waiting && r.AtTrigger);
    }

    public async Task<List<FlowRun>> RunsAsync(string recordType, string recordKey)
    {
        await using var db = await Db();
        return await db.Runs.AsNoTracking().Where(r => r.RecordType == recordType && r.RecordKey == recordKey).ToListAsync();
    }

    public async Task<List<JournalEntry>> JournalAsync(Guid runId)
    {
        await using var db = await Db();
        return (await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId)).ReadJournal().ToList();
    }

    public Task<NotifyDbContext> Db() => Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();

    public Task<UpsertResult> UpsertTaskAsync(string key, string status, DateTimeOffset? deadline, params string[] assignees) =>
        Ingest.UpsertRecordAsync("task", key, new RecordState
        {
            Status = status, Title = $"Task {key}", Deadline = deadline, Assignees = assignees,
            Contacts = new Dictionary<string, string> { ["manager"] = "kari" },
        }, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
