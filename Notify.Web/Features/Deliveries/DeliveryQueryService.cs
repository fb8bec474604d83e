using Microsoft.EntityFrameworkCore;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Deliveries;

/// <summary>The send log: filtered, searched and paged in the database. Used by the page and the API alike.</summary>
public sealed class DeliveryQueryService(
    IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, Notify.Workflows.Runtime.DeliveriesWakeUp wakeUp, Notify.Workflows.Access.AuditLog audit,
    Notify.Domain.Contacts.PhoneNumberNormalizer phones)
{
    public const int MaxPageSize = 500;

    /// <summary>A person decided: send a failed or in-doubt message again, or withdraw it.</summary>
    public async Task DecideAsync(Guid id, bool resend, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new Notify.Domain.Common.NotFoundException("Delivery", id.ToString());
        var now = time.GetUtcNow().UtcDateTime;
        if (resend)
        {
            delivery.Requeue(now);
        }
        else
        {
            delivery.Cancel("Withdrawn by a person.", now);
        }

        audit.Record(db, resend ? "resent" : "cancelled", "delivery", id.ToString(), $"{delivery.Channel} to {delivery.Address}");
        await db.SaveChangesAsync(ct);
        if (resend)
        {
            wakeUp.Signal();
        }
    }

    /// <summary>One delivery as it was (or would have been) sent. A secret in it is shown only to admins.</summary>
    public async Task<DeliveryPreview?> PreviewAsync(Guid id, bool showSecret, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var body = showSecret ? d?.Body : d?.RedactedBody ?? d?.Body;
        return d is null ? null
            : new DeliveryPreview(d.Id, d.Channel, d.RecipientName, d.Address, d.Subject, body!, d.HtmlBody, d.Status, d.Reason, d.CreatedAt,
                await AttemptsAsync(db, id, ct))
            {
                RunId = d.RunId, FlowKey = d.FlowKey, RecordType = d.RecordType, RecordKey = d.RecordKey,
                Attachments = Notify.Domain.Messaging.MessageAttachment.FromJson(d.AttachmentsJson),
            };
    }

    /// <summary>A delivery with its attempts; null when there is no such delivery.</summary>
    public async Task<DeliveryDetails?> DetailsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Deliveries.AsNoTracking().Where(d => d.Id == id).Select(DeliveryRow.Projection).FirstOrDefaultAsync(ct);
        return row is null ? null : new DeliveryDetails(row, await AttemptsAsync(db, id, ct));
    }

    private static async Task<List<DeliveryAttemptRow>> AttemptsAsync(NotifyDbContext db, Guid id, CancellationToken ct) =>
        await db.DeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == id).OrderBy(a => a.Number).ThenBy(a => a.EndedAt)
            .Select(a => new DeliveryAttemptRow(a.Number, a.Provider, a.StartedAt, a.EndedAt, a.Outcome, a.Answer, a.Note, a.NextAttemptAt))
            .ToListAsync(ct);

    /// <summary>A whole number as it is stored (E.164), or what was typed of one without its spaces and dashes.</summary>
    private string PhoneSearch(string typed) =>
        phones.TryNormalize(typed, out var e164, out _) ? e164 : new string([.. typed.Where(c => char.IsAsciiDigit(c) || c == '+')]);

    /// <summary>Counting stops here: beyond it the list says "more than" instead of reading every matching row for each page.</summary>
    public const int CountCap = 10_000;

    /// <summary>
    /// On SQLite, a text that more deliveries than this contain is paged by walking the newest first and checking each
    /// (a page of matches comes within a few hundred rows); a rarer one is paged from the search index's matches.
    /// </summary>
    public int DenseAbove { get; init; } = 2_000;

    /// <summary>
    /// A search that at most this many deliveries match is answered from its matches, read once from the search index
    /// (SQLite) or the trigram indexes (PostgreSQL); a commoner one is counted through the index and paged newest first
    /// (on SQLite as <see cref="DenseAbove"/> says). At most <see cref="CountCap"/>.
    /// </summary>
    public int MatchesUpTo { get; init; } = CountCap;

    public async Task<PageOf<DeliveryRow>> SearchAsync(DeliveryFilter filter, CancellationToken ct)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = filter.After is null ? Math.Max(0, filter.Page) : 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var searches = Searches(filter);
        IQueryable<Notify.Domain.Messaging.Delivery> query;
        int counted;
        if (!filter.ByScan && db.Database.IsNpgsql() && searches.Count > 0)
        {
            // One pass through the trigram indexes reads the matches' times and ids (up to CountCap + 1): that is the
            // count, and when there are few enough, the page is taken from them instead of a second pass for the page.
            query = Filtered(db, db.Deliveries, _ => false, filter, searches);
            var keys = await query.Select(d => new MatchKey(d.CreatedAt, d.Id)).Take(CountCap + 1).ToListAsync(ct);
            if (keys.Count <= MatchesUpTo)
            {
                return await PageOfMatchesAsync(db, keys, filter.After, page, pageSize, ct);
            }

            counted = keys.Count;
        }
        else if (!filter.ByScan && db.Database.IsSqlite() && await SqliteMatchesAsync(db, searches, ct) is { } matches)
        {
            // Every indexed search found at most CountCap: those deliveries exactly, the other filters applied to them.
            query = Filtered(db, DeliverySearchIndex.SqliteWithRowids(db, matches), s => DeliverySearchIndex.Indexable(s.Text), filter, searches);
            counted = filter.SearchesOnly && searches.All(s => DeliverySearchIndex.Indexable(s.Text)) ? matches.Count : await query.Take(CountCap + 1).CountAsync(ct);
        }
        else
        {
            var indexed = !filter.ByScan && db.Database.IsSqlite() ? DeliverySearchIndex.SqliteCandidates(db, searches.Select(s => (s.Text, s.Fields, s.ContactKey is not null))) : null;
            Func<TextSearch, bool> answered = s => DeliverySearchIndex.Answers(s.Text, s.ContactKey is not null);
            counted = await Filtered(db, indexed ?? db.Deliveries, indexed is null ? _ => false : answered, filter, searches).Take(CountCap + 1).CountAsync(ct);
            var fromIndex = indexed is not null && counted <= DenseAbove;
            query = Filtered(db, fromIndex ? indexed! : db.Deliveries, fromIndex ? answered : _ => false, filter, searches);
        }

        if (filter.After is { } after)
        {
            // PostgreSQL compares the pair as one row value, which its (time, id) order reads straight from an index.
            query = db.Database.IsNpgsql()
                ? query.Where(d => EF.Functions.LessThan(ValueTuple.Create(d.CreatedAt, d.Id), ValueTuple.Create(after.CreatedAt, after.Id)))
                : query.Where(d => d.CreatedAt < after.CreatedAt || (d.CreatedAt == after.CreatedAt && d.Id < after.Id));
        }

        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip(page * pageSize).Take(pageSize).Select(DeliveryRow.Projection).ToListAsync(ct);
        return new PageOf<DeliveryRow>(items, Math.Min(counted, CountCap), page, pageSize)
        {
            TotalIsCapped = counted > CountCap,
            Next = items.Count == pageSize ? DeliveryCursor.After(items[^1]).ToString() : null,
        };
    }

    private sealed record TextSearch(string Text, DeliveryText Fields, string? ContactKey = null);

    /// <summary>A delivery's place in the newest-first order: its time, then its id as PostgreSQL orders ids (byte by byte).</summary>
    private sealed record MatchKey(DateTime CreatedAt, Guid Id) : IComparable<MatchKey>
    {
        public int CompareTo(MatchKey? other) => other is null ? 1
            : CreatedAt != other.CreatedAt ? CreatedAt.CompareTo(other.CreatedAt)
            : Id.CompareTo(other.Id); // field by field, unsigned: the same order as PostgreSQL's byte by byte
    }

    /// <summary>A page of the newest-first list of exactly <paramref name="keys"/> (every match of a search), after the cursor if there is one.</summary>
    private static async Task<PageOf<DeliveryRow>> PageOfMatchesAsync(
        NotifyDbContext db, List<MatchKey> keys, DeliveryCursor? after, int page, int pageSize, CancellationToken ct)
    {
        var cursor = after is null ? null : new MatchKey(after.CreatedAt, after.Id);
        var following = keys.Where(k => cursor is null || k.CompareTo(cursor) < 0).OrderDescending().Skip(page * pageSize).ToList();
        var ids = following.Take(pageSize).Select(k => k.Id).ToList();
        var rows = await db.Deliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(DeliveryRow.Projection).ToListAsync(ct);
        var items = rows.OrderBy(r => ids.IndexOf(r.Id)).ToList(); // a message deleted since the first pass is left out
        return new PageOf<DeliveryRow>(items, keys.Count, page, pageSize)
        {
            // after the page's last match, not its last row: a message deleted meanwhile must not end the list early
            Next = following.Count > pageSize ? new DeliveryCursor(following[pageSize - 1].CreatedAt, following[pageSize - 1].Id).ToString() : null,
        };
    }

    /// <summary>The filter's texts to look for; a phone number that cannot be one gives a search nothing contains.</summary>
    private List<TextSearch> Searches(DeliveryFilter filter)
    {
        var searches = new List<TextSearch>();
        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var r = filter.Recipient.Trim();
            searches.Add(new TextSearch(r, DeliveryText.Recipient, ContactKey: r));
        }

        if (!string.IsNullOrWhiteSpace(filter.Phone))
        {
            searches.Add(new TextSearch(PhoneSearch(filter.Phone), DeliveryText.Address));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            searches.Add(new TextSearch(filter.Text.Trim(), DeliveryText.Everything));
        }

        return searches;
    }

    /// <summary>
    /// SQLite: the rowids of the deliveries every search the index can answer matches, when none of them matches more than
    /// <see cref="MatchesUpTo"/> (so counting and paging them is cheap); null when there is no such search, or one is too common.
    /// </summary>
    private async Task<List<long>?> SqliteMatchesAsync(NotifyDbContext db, List<TextSearch> searches, CancellationToken ct)
    {
        List<long>? matches = null;
        foreach (var search in searches.Where(s => DeliverySearchIndex.Indexable(s.Text)))
        {
            var found = await DeliverySearchIndex.SqliteMatchesAsync(db, search.Text, search.Fields, search.ContactKey, MatchesUpTo + 1, ct);
            if (found.Count > MatchesUpTo)
            {
                return null;
            }

            matches = matches is null ? found : [.. matches.Intersect(found)];
        }

        return matches;
    }

    /// <summary>The filter's conditions on <paramref name="query"/>; <paramref name="answered"/>: the searches it already holds exactly the matches of (from the search index, SQLite).</summary>
    private static IQueryable<Notify.Domain.Messaging.Delivery> Filtered(
        NotifyDbContext db, IQueryable<Notify.Domain.Messaging.Delivery> query, Func<TextSearch, bool> answered, DeliveryFilter filter, List<TextSearch> searches)
    {
        query = query.AsNoTracking();
        if (filter.Channel is { } channel) query = query.Where(d => d.Channel == channel);
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Flow)) query = query.Where(d => d.FlowKey == filter.Flow);
        if (!string.IsNullOrWhiteSpace(filter.RecordType)) query = query.Where(d => d.RecordType == filter.RecordType.ToLower());
        if (!string.IsNullOrWhiteSpace(filter.RecordKey)) query = query.Where(d => d.RecordKey == filter.RecordKey);
        if (!string.IsNullOrWhiteSpace(filter.Provider)) query = query.Where(d => d.Provider == filter.Provider);
        if (filter.From is { } from) query = query.Where(d => d.CreatedAt >= from);
        if (filter.To is { } to) query = query.Where(d => d.CreatedAt < to);
        foreach (var search in searches)
        {
            query = search.Text.Length == 0 ? query.Where(d => false)
                : db.Database.IsNpgsql() && !filter.ByScan ? query.Containing(db, search.Text, search.Fields, search.ContactKey)
                : answered(search) ? query
                : query.ScanContaining(search.Text, search.Fields, search.ContactKey);
        }

        return query;
    }
}
