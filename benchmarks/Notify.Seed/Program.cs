using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Notify.Seed;
using Notify.Workflows.Demo;

// Fills the configured database with N realistic deliveries (and their runs, journal lines and records), spread over the
// last --days days:   dotnet run -c Release --project benchmarks/Notify.Seed -- --deliveries 1000000 [--days 180]
var deliveries = Option("--deliveries", 1_000_000);
var days = Option("--days", 180);
if (deliveries < 1 || days < 1)
{
    Console.Error.WriteLine("--deliveries and --days must be 1 or more.");
    return 2;
}

Console.WriteLine($"Seeding {deliveries:N0} deliveries over {days} days into {NotifyDatabase.Describe()}");
await using var services = await NotifyDatabase.OpenAsync(CancellationToken.None);
var seeder = ActivatorUtilities.CreateInstance<VolumeSeeder>(services);
var last = DateTime.UtcNow;
var progress = new Progress<int>(written =>
{
    if (DateTime.UtcNow - last > TimeSpan.FromSeconds(10) || written == deliveries)
    {
        last = DateTime.UtcNow;
        Console.WriteLine($"  {written:N0} deliveries");
    }
});
var seeded = await seeder.SeedAsync(deliveries, DateTime.UtcNow, TimeSpan.FromDays(days), progress, CancellationToken.None);
Console.WriteLine($"Wrote {seeded.Deliveries:N0} deliveries, {seeded.Runs:N0} runs, {seeded.JournalLines:N0} journal lines and {seeded.Records:N0} records "
    + $"in {seeded.Took.TotalSeconds:F0} s ({seeded.Deliveries / seeded.Took.TotalSeconds:F0} deliveries/s).");
return 0;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
