using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Seed;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Persistence;

// The send log's and the dashboard's questions against the configured database (fill it first with benchmarks/Notify.Seed), as the API
// asks them (count and first page, 25 rows): each 20 times after a warm-up, through the search index and the keyset,
// and, as the baseline in the same process, the same question answered by scanning (the way before the index).
//   dotnet run -c Release --project benchmarks/Notify.SendLogBench [-- --baseline-runs 5]
var at = Array.IndexOf(args, "--baseline-runs");
var baselineRuns = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : 5;
const int Runs = 20;

await using var services = await NotifyDatabase.OpenAsync(CancellationToken.None);
var search = ActivatorUtilities.CreateInstance<DeliveryQueryService>(services);
var factory = services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();
int total;
string phone, name;
await using (var db = await factory.CreateDbContextAsync())
{
    total = await db.Deliveries.CountAsync();
    var newest = await db.Deliveries.AsNoTracking().Where(d => d.Channel == Channel.Sms).OrderByDescending(d => d.CreatedAt).Skip(5000).FirstAsync();
    phone = newest.Address;
    name = newest.RecipientName;
}

Console.WriteLine($"{total:N0} deliveries in {NotifyDatabase.Describe()}; {Runs} runs each (baseline {baselineRuns}), server time of count + first page of 25");
var deep = await search.SearchAsync(new DeliveryFilter { PageSize = 25, Page = 3_999 }, CancellationToken.None);
var cases = new (string Name, DeliveryFilter Filter, bool Text)[]
{
    ("newest page", new DeliveryFilter(), false),
    ("channel=sms", new DeliveryFilter { Channel = Channel.Sms }, false),
    ("status=failed", new DeliveryFilter { Status = DeliveryStatus.Failed }, false),
    ("flow=task-overdue", new DeliveryFilter { Flow = "task-overdue" }, false),
    ("last 7 days", new DeliveryFilter { From = DateTime.UtcNow.AddDays(-7) }, false),
    ($"recipient={phone}", new DeliveryFilter { Recipient = phone }, true),
    ($"recipient={name}", new DeliveryFilter { Recipient = name }, true),
    ($"phone={phone[3..]}", new DeliveryFilter { Phone = phone[3..] }, true),
    ("text=luke 13", new DeliveryFilter { Text = "luke 13" }, true),
    ("text=klar for henting, channel=sms", new DeliveryFilter { Text = "klar for henting", Channel = Channel.Sms }, true),
    ("text matching nothing", new DeliveryFilter { Text = "ingen slik tekst" }, true),
    ("page 4,000 by cursor", new DeliveryFilter { After = DeliveryCursor.After(deep.Items[^1]) }, false),
};

// On PostgreSQL a scan's Contains is translated to LIKE too, so it also uses the trigram indexes: the baseline there
// is the same question with those indexes dropped for the measurement (and made again afterwards).
var postgres = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres;
Console.WriteLine();
Console.WriteLine("| question | matches | p50 ms | p95 ms | baseline p95 ms | ratio to baseline |");
Console.WriteLine("|---|---|---|---|---|---|");
var measured = new List<(string Label, double P50, double P95, int Matches, bool Capped)>();
foreach (var (label, filter, _) in cases)
{
    var (p50, p95, matches, capped) = await MeasureAsync(filter, Runs);
    measured.Add((label, p50, p95, matches, capped));
}

var baselines = await WithoutTrigramIndexesAsync(async () =>
{
    var found = new Dictionary<string, double>();
    foreach (var (label, filter, text) in cases)
    {
        if (text) found[label] = (await MeasureAsync(filter with { ByScan = true }, baselineRuns)).P95;
        else if (label.StartsWith("page 4,000", StringComparison.Ordinal)) found[label] = (await MeasureAsync(new DeliveryFilter { Page = 4_000 }, baselineRuns)).P95;
    }

    return found;
});
foreach (var (label, p50, p95, matches, capped) in measured)
{
    var baseline = baselines.GetValueOrDefault(label);
    var ratio = baseline > 0 ? $"{p95 / baseline:F3}" : "–";
    Console.WriteLine($"| {label} | {(capped ? "> " : "")}{matches:N0} | {p50:F1} | {p95:F1} | {(baseline > 0 ? baseline.ToString("F0") : "–")} | {ratio} |");
}

// The dashboard's data, from the daily counts, against grouping the messages of the same period themselves.
var roller = services.GetRequiredService<Notify.Workflows.Statistics.DeliveryCountRoller>();
var firstCount = Stopwatch.StartNew();
var days = await roller.RollUpAsync(CancellationToken.None);
Console.WriteLine();
Console.WriteLine($"Daily counts brought up to date: {days} days counted in {firstCount.Elapsed.TotalSeconds:F1} s");
Console.WriteLine();
Console.WriteLine("| dashboard | p50 ms | p95 ms | baseline p95 ms (grouping the messages) | ratio to baseline |");
Console.WriteLine("|---|---|---|---|---|");
var dashboards = ActivatorUtilities.CreateInstance<Notify.Web.Features.Home.DashboardService>(services);
foreach (var (label, period, by) in new[] { ("30 days per day", 30, Notify.Web.Features.Costs.CostPeriod.Day), ("12 months per month", 365, Notify.Web.Features.Costs.CostPeriod.Month) })
{
    var dashboard = await TimeAsync(() => dashboards.GetAsync(period, by, CancellationToken.None), Runs);
    var baseline = await TimeAsync(async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        var since = DateTime.UtcNow.AddDays(-period);
        return await db.Deliveries.AsNoTracking().Where(d => d.CreatedAt >= since)
            .GroupBy(d => new { d.CreatedAt.Year, d.CreatedAt.Month, d.CreatedAt.Day, d.Channel, d.FlowKey, d.Status })
            .Select(g => new { g.Key, Messages = g.Count(), Segments = g.Sum(d => d.Segments) }).ToListAsync();
    }, baselineRuns);
    Console.WriteLine($"| {label} | {dashboard.P50:F1} | {dashboard.P95:F1} | {baseline.P95:F0} | {dashboard.P95 / baseline.P95:F3} |");
}

return;

async Task<T> WithoutTrigramIndexesAsync<T>(Func<Task<T>> measure)
{
    if (!postgres)
    {
        return await measure();
    }

    await using var db = await factory.CreateDbContextAsync();
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
    foreach (var sql in DeliverySearchIndex.DropPostgres) await db.Database.ExecuteSqlRawAsync(sql);
    try
    {
        return await measure();
    }
    finally
    {
        foreach (var sql in DeliverySearchIndex.CreatePostgres) await db.Database.ExecuteSqlRawAsync(sql);
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"Deliveries\""); // dropping the expression index dropped its statistics
    }
}

static async Task<(double P50, double P95)> TimeAsync<T>(Func<Task<T>> ask, int runs)
{
    await ask(); // warm-up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        await ask();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (times[(runs - 1) / 2], times[(int)Math.Ceiling(0.95 * runs) - 1]);
}

async Task<(double P50, double P95, int Matches, bool Capped)> MeasureAsync(DeliveryFilter filter, int runs)
{
    var page = await search.SearchAsync(filter, CancellationToken.None); // warm-up
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        page = await search.SearchAsync(filter, CancellationToken.None);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (times[(runs - 1) / 2], times[(int)Math.Ceiling(0.95 * runs) - 1], page.Total, page.TotalIsCapped);
}
