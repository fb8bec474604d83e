using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.LoadTest;

/// <summary>
/// Reminder punctuality: N records whose reminders all fall due in the same second (a deadline reminder one minute
/// before one shared deadline), upserted over HTTP to the real app on a SQLite file, then the wait in real time: how
/// long after that second each in-app reminder was handed to its channel (queued) and sent.
/// </summary>
internal static class ReminderPunctuality
{
    public static async Task RunAsync(int reminders, int concurrency)
    {
        var folder = Path.Combine(Path.GetTempPath(), "notify-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var app = new LoadFactory(Path.Combine(folder, "reminders.db"), "InCommit");
        app.UseKestrel(0);
        app.StartServer();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Add("X-Api-Key", LoadFactory.ApiKey);
        (await http.PutAsJsonAsync("/api/v1/contacts/load-customer", new { name = "Load Customer", emails = new[] { "load@example.com" }, consent = new { inApp = true } })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync("/api/v1/templates/due", new { name = "Due", content = new { inApp = "{{ record.key }} is due in a minute" } })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync("/api/v1/flows/due", new
        {
            name = "Due in a minute",
            trigger = new { @event = "record.deadline", recordTypes = new[] { "load" }, deadline = new { amount = 1, unit = "minutes", direction = "before" } },
            steps = new object[] { new { kind = "send", id = "s", channels = new[] { "inApp" }, template = "due", recipients = new[] { "customer" } } },
        })).EnsureSuccessStatusCode();
        (await http.PostAsync("/api/v1/flows/due/publish", null)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(6)); // the published-flow cache refreshes

        // Due a whole number of seconds from now, far enough ahead for every upsert to be in before it.
        var due = DateTime.UtcNow.AddSeconds(30 + (reminders / 100));
        due = new DateTime(due.Ticks - (due.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var deadline = due.AddMinutes(1);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < reminders)
            {
                (await http.PutAsJsonAsync($"/api/v1/records/load/R{i}", new { status = "open", title = $"Reminder {i}", deadline, contacts = new { customer = "load-customer" } }))
                    .EnsureSuccessStatusCode();
            }
        }));
        Console.WriteLine($"{reminders} records upserted in {clock.Elapsed.TotalSeconds:F1} s; their reminders are due at {due:HH:mm:ss} UTC, {(due - DateTime.UtcNow).TotalSeconds:F0} s from now");
        if (DateTime.UtcNow >= due)
        {
            Console.WriteLine("The upserts took longer than the time left before the reminders: run again with fewer.");
            return;
        }

        var factory = app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();
        List<(DateTime Queued, DateTime? Sent)> handed;
        do
        {
            await Task.Delay(500);
            await using var db = await factory.CreateDbContextAsync();
            handed = (await db.Deliveries.Where(d => d.RecordType == "load" && d.Channel == Channel.InApp).Select(d => new { d.CreatedAt, d.SentAt }).ToListAsync())
                .Select(d => (d.CreatedAt, d.SentAt)).ToList();
        }
        while ((handed.Count < reminders || handed.Any(h => h.Sent is null)) && DateTime.UtcNow < due.AddMinutes(10));

        static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var queued = handed.Select(h => (h.Queued - due).TotalSeconds).Order().ToList();
        var sent = handed.Where(h => h.Sent is not null).Select(h => (h.Sent!.Value - due).TotalSeconds).Order().ToList();
        Console.WriteLine($"{handed.Count} of {reminders} reminders handed to the in-app channel, {sent.Count} sent");
        Console.WriteLine($"| lag after the due second | p50 | p99 | last |");
        Console.WriteLine($"|---|---|---|---|");
        Console.WriteLine($"| queued for the channel | {P(queued, 0.5):F1} s | {P(queued, 0.99):F1} s | {queued[^1]:F1} s |");
        Console.WriteLine($"| sent | {P(sent, 0.5):F1} s | {P(sent, 0.99):F1} s | {sent[^1]:F1} s |");
        Console.WriteLine($"all {(sent.Count == reminders && sent[^1] <= 30 ? "within" : "NOT within")} 30 s of their due time");
    }
}
