using Microsoft.EntityFrameworkCore;
using Notify.Domain.Records;
using Notify.Web.Features.Deliveries;
using Notify.Web.Features.Runs;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Records;

/// <summary>Records with their events, runs and deliveries; for the Records page and <c>GET /api/v1/records</c>.</summary>
public sealed class RecordQueryService(IDbContextFactory<NotifyDbContext> dbFactory)
{
    public async Task<RecordDetails?> GetAsync(string type, string key, CancellationToken ct)
    {
        type = type.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Type == type && r.Key == key, ct);
        if (record is null)
        {
            return null;
        }

        var events = await EventsAsync(db, type, key, 200, ct);
        var runs = await db.Runs.AsNoTracking().Where(r => r.RecordType == type && r.RecordKey == key)
            .OrderByDescending(r => r.CreatedAt).Take(200).Select(RunRow.Projection).ToListAsync(ct);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.RecordType == type && d.RecordKey == key)
            .OrderByDescending(d => d.CreatedAt).Take(200).Select(DeliveryRow.Projection).ToListAsync(ct);
        var replies = await db.Replies.AsNoTracking().Where(r => r.RecordType == type && r.RecordKey == key).OrderBy(r => r.At)
            .Select(r => new RecordReplyRow(r.AuthorName, r.ContactKey, r.Channel, r.Body, r.At) { DeliveryId = r.DeliveryId }).ToListAsync(ct);
        var older = await db.RecordHistorySummaries.AsNoTracking().Where(s => s.RecordType == type && s.RecordKey == key)
            .Select(s => new OlderHistory(s.Messages, s.Sms, s.Emails, s.InApp, s.Webhooks, s.Failed, s.Skipped, s.Runs, s.From, s.To) { Events = s.Events, Replies = s.Replies }).FirstOrDefaultAsync(ct);
        var now = record.Snapshot();
        var marked = deliveries.Select(d => d.Status is Notify.Domain.Messaging.DeliveryStatus.Skipped or Notify.Domain.Messaging.DeliveryStatus.Cancelled
            ? d : d with { StaleFields = Notify.Workflows.Steps.Send.UsedFields.Changed(d.UsedFieldsJson, now) }).ToList();
        return new RecordDetails(now, record.CreatedAt, record.UpdatedAt, events, runs, marked) { Replies = replies, OlderHistory = older };
    }

    /// <summary>A record's events, newest first.</summary>
    public async Task<IReadOnlyList<RecordEventRow>> EventsAsync(string type, string key, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await EventsAsync(db, type.ToLowerInvariant(), key, take, ct);
    }

    private static async Task<List<RecordEventRow>> EventsAsync(NotifyDbContext db, string type, string key, int take, CancellationToken ct) =>
        await db.Events.AsNoTracking().Where(e => e.RecordType == type && e.RecordKey == key)
            .OrderByDescending(e => e.OccurredAt).Take(take)
            .Select(e => new RecordEventRow(e.Id, e.Type, e.FromStatus, e.ToStatus, e.OccurredAt)).ToListAsync(ct);

    /// <summary>One record as a list row, or null.</summary>
    public async Task<RecordRow?> FindRowAsync(string type, string key, CancellationToken ct)
    {
        type = type.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Records.AsNoTracking().Where(r => r.Type == type && r.Key == key)
            .Select(r => new RecordRow(r.Type, r.Key, r.Status, r.Title, r.Deadline, r.UpdatedAt)).FirstOrDefaultAsync(ct);
    }

    public async Task<(IReadOnlyList<RecordRow> Items, int Total)> SearchAsync(string? type, string? text, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Records.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(r => r.Type == type.ToLowerInvariant());
        var t = SearchText.Fold(text?.Trim());
        if (t.Length > 0) query = query.Where(r => SearchText.Fold(r.Key).Contains(t) || SearchText.Fold(r.Title).Contains(t) || SearchText.Fold(r.Status).Contains(t));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.UpdatedAt).Skip(page * pageSize).Take(pageSize)
            .Select(r => new RecordRow(r.Type, r.Key, r.Status, r.Title, r.Deadline, r.UpdatedAt)).ToListAsync(ct);
        return (items, total);
    }
}

public sealed record RecordRow(string Type, string Key, string Status, string Title, DateTime? Deadline, DateTime UpdatedAt);

public sealed record RecordEventRow(Guid Id, string Type, string? FromStatus, string? ToStatus, DateTime OccurredAt);

public sealed record RecordDetails(
    RecordSnapshot Record, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<RecordEventRow> Events, IReadOnlyList<RunRow> Runs, IReadOnlyList<DeliveryRow> Deliveries)
{
    public IReadOnlyList<RecordReplyRow> Replies { get; init; } = [];

    /// <summary>What retention deleted of this record's messages and runs; null when nothing was.</summary>
    public OlderHistory? OlderHistory { get; init; }
}

/// <summary>
/// A record's messages and runs that retention deleted: how many (messages by channel, failed, left out or withdrawn),
/// and the first and last of them (UTC).
/// </summary>
public sealed record OlderHistory(int Messages, int Sms, int Emails, int InApp, int Webhooks, int Failed, int Skipped, int Runs, DateTime From, DateTime To)
{
    /// <summary>What happened to the record (its events).</summary>
    public int Events { get; init; }

    /// <summary>People's answers to its messages.</summary>
    public int Replies { get; init; }
}

public sealed record RecordReplyRow(string AuthorName, string? ContactKey, Notify.Domain.Messaging.Channel Channel, string Body, DateTime At)
{
    /// <summary>The message it answers, when it was an answer to one (in the inbox, or an SMS reply matched to the last SMS).</summary>
    public Guid? DeliveryId { get; init; }
}
