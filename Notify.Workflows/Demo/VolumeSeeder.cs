using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Domain.Records;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Workflows.Demo;

/// <summary>How much <see cref="VolumeSeeder"/> wrote, and how long it took.</summary>
public sealed record VolumeSeeded(int Records, int Runs, int JournalLines, int Deliveries, TimeSpan Took);

/// <summary>
/// Fills a database with a large, realistic history for measuring: orders and tasks, the runs the demo's published flows
/// made for them with their journal lines, and the messages those runs sent (SMS, email and in-app in Norwegian, with
/// numbers, addresses, sent, delivered, read, failed and skipped ones with their reasons), spread over the days before
/// <c>now</c>. It writes through Notify's own model, in batches, in the same way as the engine does (one prepared
/// statement per table on SQLite, EF's batched inserts on PostgreSQL), so the database's indexes are kept in step as they
/// would be in use; on SQLite, when it adds at least as many messages as there are, the send log's search index is
/// built once at the end instead of message by message. Needs the demo's flows to be published.
/// </summary>
public sealed class VolumeSeeder(IDbContextFactory<NotifyDbContext> dbFactory, PublishedFlowCache flows)
{
    private const int BatchSize = 5_000;

    private static readonly string[] FirstNames =
        ["Ola", "Kari", "Per", "Anna", "Åse", "Øyvind", "Bjørn", "Siri", "Lars", "Ingrid", "Jonas", "Marte", "Håkon", "Sølvi", "Björn", "Märta", "Søren", "Mette"];

    private static readonly string[] LastNames =
        ["Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Ødegård", "Berg", "Haugen", "Lindqvist", "Ängström", "Kierkegård", "Dahl", "Strand", "Bakke"];

    private static readonly string[] Domains = ["example.no", "firma.no", "kunde.se", "post.dk"];

    private static readonly string[] Failures =
    [
        "Twilio 400 error 21211: The 'To' number is not a valid phone number.",
        "Twilio 400 error 21610: Attempt to send to unsubscribed recipient",
        "550 5.1.1 The email account that you tried to reach does not exist.",
        "552 5.2.2 Mailbox full",
    ];

    private static readonly string[] Skips =
    [
        "No SMS consent.", "No email address.", "Turned this flow off in the inbox.", "The task was done before the reminder.", "No phone number.",
    ];

    public async Task<VolumeSeeded> SeedAsync(int deliveries, DateTime now, TimeSpan spread, IProgress<int>? progress, CancellationToken ct)
    {
        var published = (await flows.CurrentAsync(ct)).Where(f => f.FlowKey is "order-ready" or "task-due-soon" or "task-overdue").ToList();
        if (published.Count == 0)
        {
            throw new InvalidOperationException("The demo flows are not published: seed the demo data first.");
        }

        var clock = Stopwatch.StartNew();
        var random = new Random(1000);
        var people = Enumerable.Range(0, 5_000).Select(i => Person.Make(i, random)).ToArray();
        var (records, runs, lines, written) = (0, 0, 0, 0);
        int firstKey; // after the records an earlier seeding wrote, so the tool can be run again on the same database
        bool bulk;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            firstKey = 100_000 + await db.Records.CountAsync(ct);
            // Adding at least as many messages as there are: index them all at once at the end (rebuilding reads every
            // message, so for a few more into many it would cost more than it saves).
            bulk = db.Database.IsSqlite() && deliveries >= await db.Deliveries.CountAsync(ct);
            if (bulk)
            {
                await DeliverySearchIndex.PauseIndexingAsync(db, ct);
            }
        }

        while (written < deliveries)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Math.Min(BatchSize, deliveries - written);
            for (var i = 0; i < batch;)
            {
                var at = now - (spread * (1 - ((double)(written + i) / deliveries))) + TimeSpan.FromSeconds(random.Next(60));
                var flow = published[random.Next(published.Count)];
                var isOrder = flow.FlowKey == "order-ready";
                var key = isOrder ? $"AO{firstKey + records}" : $"T-{firstKey + records}";
                var person = people[random.Next(people.Length)];
                var record = Record.Create(isOrder ? "order" : "task", key, at.AddHours(-random.Next(1, 72)));
                record.Apply(isOrder
                    ? new RecordState { Status = "ready", Title = $"Ordre {key}", Contacts = new Dictionary<string, string> { ["customer"] = person.Key } }
                    : new RecordState { Status = "open", Title = $"Service hos {person.Name}", Deadline = at.AddDays(1), Assignees = [person.Key] }, true, record.CreatedAt);
                db.Records.Add(record);
                records++;

                var run = FlowRun.Start(flow, Guid.NewGuid(), isOrder ? "record.status_changed" : "record.deadline", record.Type, key, at);
                var channels = isOrder ? new[] { Channel.Email, Channel.Sms } : flow.FlowKey == "task-due-soon" ? [Channel.Sms, Channel.InApp] : [Channel.Email];
                foreach (var channel in channels.Take(batch - i))
                {
                    db.Deliveries.Add(Message(random, flow.FlowKey, run.Id, record, person, channel, at));
                    i++;
                }

                run.StepDecided("send", "send", JournalVerdict.Sent, $"Sent to {person.Name} by {string.Join(" and ", channels.Select(c => c.ToLabel()))}.", at);
                run.Complete("Sent", at);
                db.Runs.Add(run);
                runs++;
                lines += run.ReadJournal().Count;
            }

            await SaveAsync(db, ct);
            written += batch;
            progress?.Report(written);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (bulk)
            {
                await DeliverySearchIndex.ResumeIndexingAsync(db, ct);
            }

            if (db.Database.IsNpgsql())
            {
                // Fresh statistics: straight after a bulk load the planner would not use the trigram indexes yet.
                await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            }
        }

        return new VolumeSeeded(records, runs, lines, written, clock.Elapsed);
    }

    private static async Task SaveAsync(NotifyDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsSqlite())
        {
            db.AddEndedAttempts();
            await SqliteBulkInsert.InsertAddedAsync(db, [typeof(Record), typeof(FlowRun), typeof(Delivery), typeof(DeliveryAttempt)], ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static Delivery Message(Random random, string flowKey, Guid runId, Record record, Person person, Channel channel, DateTime at)
    {
        var (subject, body) = (flowKey, channel) switch
        {
            ("order-ready", Channel.Sms) => ((string?)null, $"Hei {person.First}, ordren din {record.Key} er klar for henting hos oss i luke {random.Next(1, 30)}. Mvh Verkstedet"),
            ("order-ready", _) => ($"Ordre {record.Key} er klar", $"Hei {person.First},\n\nordren din {record.Key} er klar for henting. Åpent 08–16 på hverdager.\n\nVennlig hilsen\nVerkstedet"),
            ("task-due-soon", Channel.Sms) => (null, $"Påminnelse: oppgaven {record.Key} har frist i morgen kl. {random.Next(7, 17)}:00."),
            ("task-due-soon", _) => (null, $"Oppgaven {record.Key} har frist i morgen. Husk å føre timer."),
            _ => ($"Forfalt: {record.Key}", $"Hei {person.First},\n\noppgaven {record.Key} passerte fristen for en time siden og er ikke ferdig.\n\nHilsen Notify"),
        };
        var draft = new DeliveryDraft
        {
            DeliveryKey = $"{runId:N}:send:{person.Key}:{channel}",
            RunId = runId,
            FlowKey = flowKey,
            StepId = "send",
            RecordType = record.Type,
            RecordKey = record.Key,
            ContactKey = person.Key,
            RecipientName = person.Name,
            Channel = channel,
            Address = channel switch { Channel.Sms => person.Phone, Channel.Email => person.Email, _ => person.Key },
            Subject = subject,
            Body = body,
            Segments = channel == Channel.Sms ? SmsBody.Measure(body).Segments : 0,
        };
        var roll = random.Next(100);
        if (roll < 6)
        {
            return Delivery.Skip(draft, Skips[random.Next(Skips.Length)], at);
        }

        var delivery = Delivery.Queue(draft, at);
        var provider = channel switch { Channel.Sms => "twilio", Channel.Email => "smtp", _ => "in-app" };
        delivery.MarkSending(provider, at);
        if (roll < 10 && channel != Channel.InApp)
        {
            delivery.MarkFailed(Failures[(channel == Channel.Sms ? 0 : 2) + random.Next(2)], at.AddSeconds(1));
            return delivery;
        }

        delivery.MarkSent(channel == Channel.Sms ? $"SM{Guid.NewGuid():N}" : null, at.AddSeconds(1), delivered: channel != Channel.Email && roll < 80);
        if (channel == Channel.InApp && roll < 60)
        {
            delivery.MarkRead(at.AddMinutes(random.Next(1, 600)));
        }

        return delivery;
    }

    private sealed record Person(string Key, string First, string Name, string Phone, string Email)
    {
        public static Person Make(int i, Random random)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var phone = random.Next(10) == 0 ? $"+46{70_000_0000 + random.Next(10_000_000)}" : $"+47{40_000_000 + random.Next(10_000_000)}";
            var email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i}@{Domains[random.Next(Domains.Length)]}";
            return new Person($"person-{i}", first, $"{first} {last}", phone, email);
        }
    }
}
