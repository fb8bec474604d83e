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

    public async Task<PageOf<DeliveryRow>> SearchAsync(DeliveryFilter filter, CancellationToken ct)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(0, filter.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Deliveries.AsNoTracking();
        if (filter.Channel is { } channel) query = query.Where(d => d.Channel == channel);
        if (filter.Status is { } status) query = query.Where(d => d.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Flow)) query = query.Where(d => d.FlowKey == filter.Flow);
        if (!string.IsNullOrWhiteSpace(filter.RecordType)) query = query.Where(d => d.RecordType == filter.RecordType.ToLower());
        if (!string.IsNullOrWhiteSpace(filter.RecordKey)) query = query.Where(d => d.RecordKey == filter.RecordKey);
        if (!string.IsNullOrWhiteSpace(filter.Provider)) query = query.Where(d => d.Provider == filter.Provider);
        if (filter.From is { } from) query = query.Where(d => d.CreatedAt >= from);
        if (filter.To is { } to) query = query.Where(d => d.CreatedAt < to);
        if (!string.IsNullOrWhiteSpace(filter.Recipient))
        {
            var r = filter.Recipient.Trim();
            query = query.Where(d => d.ContactKey == r || d.Address.Contains(r) || d.RecipientName.Contains(r));
        }

        if (!string.IsNullOrWhiteSpace(filter.Phone))
        {
            var number = PhoneSearch(filter.Phone);
            query = number.Length == 0 ? query.Where(d => false) : query.Where(d => d.Address.Contains(number));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var t = filter.Text.Trim();
            query = query.Where(d => (d.RedactedBody ?? d.Body).Contains(t) || (d.Subject != null && d.Subject.Contains(t))
                || d.Address.Contains(t) || d.RecipientName.Contains(t) || (d.Reason != null && d.Reason.Contains(t)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Skip(page * pageSize).Take(pageSize).Select(DeliveryRow.Projection).ToListAsync(ct);
        return new PageOf<DeliveryRow>(items, total, page, pageSize);
    }
}
