using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Web.Features.Deliveries;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Deliveries;

/// <summary>
/// The send log's text and recipient search through the search index (FTS5 trigrams on SQLite, pg_trgm on PostgreSQL)
/// finds exactly the deliveries a plain scan of the stored rows finds, case ignored: generated deliveries in Norwegian, Swedish and
/// Danish with phone numbers and addresses, some changed and some deleted after they were stored, and generated searches
/// — parts of words, of numbers with '+', whole phrases, one or two letters, and text with the search syntax's own
/// characters. Every page is read through the 'next' cursor, both from the index's matches and by walking the newest first.
/// </summary>
public sealed class DeliverySearchTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private static readonly string[] Words =
    [
        "Hei", "hei", "Luke", "luke 13", "Bestilling", "bestilling", "påminnelse", "Påminnelse", "frist", "ærlig", "Ærlig", "øl", "Øyvind", "Åse",
        "åpen", "Köping", "Malmö", "Älvsjö", "hämtning", "Sjælland", "smørrebrød", "Gøran", "Ole-Kristian", "mandag", "kl.", "14:30", "AO462",
        "T-100", "%", "_", "\"", "\\", "*", "NEAR", "OR", "AND", "NOT", "{address}", "^", "e-post", "ordre", "klar", "henting", "Oslo", "Bergen",
    ];

    private static readonly string[] Names = ["Ola Nordmann", "Kari Nordmann", "Åse Ødegård", "Björn Ängström", "Søren Kierkegård", "Per Olsen", "Anna Lindqvist"];

    [Fact]
    public async Task TextAndRecipientSearch_FindExactlyWhatAScanFinds()
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();
        await StoreGeneratedAsync(factory, count: 2500, seed: 2026);
        List<Delivery> stored;
        await using (var db = await factory.CreateDbContextAsync())
        {
            stored = await db.Deliveries.AsNoTracking().Where(d => d.DeliveryKey.StartsWith("search-")).ToListAsync(); // not the demo's, which its workers may be sending

        }

        var search = App.Services.GetRequiredService<DeliveryQueryService>();
        var sp = App.Services;
        var denseEarly = new DeliveryQueryService(factory, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Notify.Workflows.Runtime.DeliveriesWakeUp>(),
            sp.GetRequiredService<Notify.Workflows.Access.AuditLog>(), sp.GetRequiredService<Notify.Domain.Contacts.PhoneNumberNormalizer>()) { DenseAbove = 30, MatchesUpTo = 30 };
        var generated = stored.Select(d => d.Id).ToHashSet();
        HashSet<Guid> Generated(HashSet<Guid> found) => found.Where(generated.Contains).ToHashSet();
        var fromRows = Gen.Int[0, stored.Count - 1].SelectMany(i =>
        {
            var texts = Texts(stored[i]).Where(t => t.Length > 0).ToArray();
            return Gen.OneOf(texts).SelectMany(t => Gen.Int[0, t.Length - 1].SelectMany(start => Gen.Int[1, Math.Min(14, t.Length - start)].Select(n => t.Substring(start, n))));
        });
        var queries = Gen.Frequency(
            (8, fromRows),
            (2, Gen.OneOf(Words)),
            (1, Gen.OneOf("+47", "+4740", "4000", "@", ".no", "ø", "Øy", "xyz-not-there", "Luke 13", "luke 1", "ke 1", "\"luke\"", "50%", "a_b", "Hei Ola",
                "ola", "OLA NORDMANN", "åse", "ÅSE ØDEGÅRD", "ÆRLIG", "malmö", "ÄLVSJÖ", "bJÖRN", "sMØRREBRØD", "pÅ")),
            (1, Gen.Char['!', 'ÿ'].Array[1, 6].Select(c => new string(c))));

        await queries.Where(q => q.Trim().Length > 0).SampleAsync(async q =>
        {
            var text = q.Trim();
            var expected = stored.Where(d => Texts(d).Any(t => SearchText.Contains(t, text))).Select(d => d.Id).ToHashSet();
            Assert.True(expected.SetEquals(Generated(await AllPagesAsync(search, new DeliveryFilter { Text = q }))), $"text search for '{q}'");

            var byRecipient = stored.Where(d => d.ContactKey == text || SearchText.Contains(d.Address, text)
                || SearchText.Contains(d.RecipientName, text)).Select(d => d.Id).ToHashSet();
            Assert.True(byRecipient.SetEquals(Generated(await AllPagesAsync(search, new DeliveryFilter { Recipient = q }))), $"recipient search for '{q}'");

            // Not from the matches read once but counted through the index, and paged by walking the newest first once more
            // than 30 match (on SQLite; on PostgreSQL paged through the trigram indexes): the same deliveries.
            Assert.True(expected.SetEquals(Generated(await AllPagesAsync(denseEarly, new DeliveryFilter { Text = q }))), $"text search for '{q}', walked");
        }, iter: 250, threads: 1, seed: "0000000000001");
    }

    [Fact]
    public async Task TheIndexedAndTheScanningSearch_GiveTheSamePagesAndCounts()
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();
        await StoreGeneratedAsync(factory, count: 600, seed: 7);
        var search = App.Services.GetRequiredService<DeliveryQueryService>();

        foreach (var filter in new[]
        {
            new DeliveryFilter { Text = "Påminnelse", PageSize = 7, Page = 2 },
            new DeliveryFilter { Text = "+4740", Channel = Channel.Sms, PageSize = 10 },
            new DeliveryFilter { Recipient = "Nordmann", Status = DeliveryStatus.Cancelled, PageSize = 5, Page = 1 },
            new DeliveryFilter { Text = "ø", PageSize = 3 },
        })
        {
            var indexed = await search.SearchAsync(filter, CancellationToken.None);
            var scanned = await search.SearchAsync(filter with { ByScan = true }, CancellationToken.None);
            Assert.True(indexed.Total > 0, $"{filter} found nothing: the data does not test it");
            Assert.Equal(scanned.Total, indexed.Total);
            Assert.Equal(scanned.Items.Select(i => i.Id), indexed.Items.Select(i => i.Id));
        }
    }

    /// <summary>The texts a delivery is searched by, as the plain scan reads them.</summary>
    private static IEnumerable<string> Texts(Delivery d) => [d.RedactedBody ?? d.Body, d.Subject ?? "", d.Address, d.RecipientName, d.Reason ?? ""];

    private static async Task<HashSet<Guid>> AllPagesAsync(DeliveryQueryService search, DeliveryFilter filter)
    {
        var found = new HashSet<Guid>();
        DeliveryCursor? after = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await search.SearchAsync(filter with { PageSize = DeliveryQueryService.MaxPageSize, After = after }, CancellationToken.None);
            Assert.False(page.TotalIsCapped);
            foreach (var item in page.Items)
            {
                Assert.True(found.Add(item.Id), $"{item.Id} came twice");
            }

            if (page.Next is null)
            {
                Assert.Equal(page.Total, found.Count);
                return found;
            }

            Assert.True(DeliveryCursor.TryParse(page.Next, out after));
        }

        throw new InvalidOperationException("More pages than there are deliveries.");
    }

    /// <summary>
    /// Deliveries as a flow or a person would have written them, a third at the same moment as another (ties in the
    /// order); then some are withdrawn with a new reason, some have their text redacted, and some are deleted, so the
    /// index has followed inserts, changes and deletes.
    /// </summary>
    private static async Task StoreGeneratedAsync(IDbContextFactory<NotifyDbContext> factory, int count, int seed)
    {
        var random = new Random(seed);
        string Pick(IReadOnlyList<string> from) => from[random.Next(from.Count)];
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(Words)));
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var ids = new List<Guid>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            for (var i = 0; i < count; i++)
            {
                var channel = (Channel)random.Next(3);
                var name = Pick(Names);
                var draft = new DeliveryDraft
                {
                    DeliveryKey = $"search-{seed}-{i}",
                    Channel = channel,
                    ContactKey = random.Next(4) == 0 ? null : name.Split(' ')[0].ToLowerInvariant(),
                    RecipientName = random.Next(10) == 0 ? "" : name,
                    Address = channel switch
                    {
                        Channel.Sms => $"+47{40000000 + random.Next(100_000):D8}",
                        Channel.Email => $"{name.Split(' ')[0].ToLowerInvariant()}.{random.Next(100)}@{Pick(["example.no", "firma.se", "kunde.dk"])}",
                        _ => name.Split(' ')[0].ToLowerInvariant(),
                    },
                    Subject = channel == Channel.Email ? Sentence(random.Next(1, 4)) : null,
                    Body = Sentence(random.Next(2, 12)) + (random.Next(5) == 0 ? $" Kode {random.Next(10_000):D4}." : ""),
                    RedactedBody = random.Next(15) == 0 ? "Koden din er ••••" : null,
                    FlowKey = Pick(["order-ready", "task-due-soon", "task-overdue"]),
                };
                var at = start.AddSeconds(i / 3 * 3);
                var delivery = random.Next(3) == 0
                    ? Delivery.Skip(draft, $"Ikke sendt: {Sentence(2)}", at)
                    : Delivery.Queue(draft with { NotBefore = at.AddYears(5) }, at); // held, so no worker sends it meanwhile
                db.Deliveries.Add(delivery);
                ids.Add(delivery.Id);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            var changed = ids.Where(_ => random.Next(8) == 0).ToList();
            foreach (var delivery in await db.Deliveries.Where(d => changed.Contains(d.Id) && d.Status == DeliveryStatus.Queued).ToListAsync())
            {
                delivery.Cancel($"Trukket tilbake av {Pick(Names)}: {Sentence(3)}", start.AddDays(2));
            }

            var deleted = ids.Where(_ => random.Next(12) == 0).ToList();
            db.Deliveries.RemoveRange(await db.Deliveries.Where(d => deleted.Contains(d.Id)).ToListAsync());
            await db.SaveChangesAsync();
        }
    }
}
