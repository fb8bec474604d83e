using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Workflows.Channels.InApp;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Inbox;

/// <summary>A person's in-app messages: read, mark as read, answer. Replies are threaded on the record.</summary>
public sealed class InboxService(IDbContextFactory<NotifyDbContext> dbFactory, InAppMessages messages, Notify.Workflows.Runtime.WaitingRuns waitingRuns, TimeProvider time)
{
    private static readonly DeliveryStatus[] Visible = [DeliveryStatus.Delivered, DeliveryStatus.Read, DeliveryStatus.Sent];

    public async Task<IReadOnlyList<InboxItem>> ListAsync(string contactKey, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.Deliveries.AsNoTracking()
            .Where(d => d.Channel == Channel.InApp && d.ContactKey == contactKey && Visible.Contains(d.Status))
            .OrderByDescending(d => d.CreatedAt).Take(take)
            .Select(d => new InboxItem(d.Id, d.Body, d.RecordType, d.RecordKey, d.FlowKey, d.CreatedAt, d.ReadAt))
            .ToListAsync(ct);
        var ids = items.Select(i => (Guid?)i.Id).ToList();
        var replies = await db.Replies.AsNoTracking().Where(r => ids.Contains(r.DeliveryId)).OrderBy(r => r.At).ToListAsync(ct);
        return items.Select(i => i with { Replies = replies.Where(r => r.DeliveryId == i.Id).Select(r => new ReplyView(r.AuthorName, r.Body, r.At)).ToList() }).ToList();
    }

    public async Task<int> UnreadCountAsync(string contactKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Deliveries.CountAsync(d => d.Channel == Channel.InApp && d.ContactKey == contactKey
            && d.Status == DeliveryStatus.Delivered && d.ReadAt == null, ct);
    }

    public async Task MarkReadAsync(string contactKey, Guid deliveryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await OwnAsync(db, contactKey, deliveryId, ct);
        delivery.MarkRead(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        messages.Publish([contactKey]);
        await waitingRuns.MessagesChangedAsync([delivery.RunId], ct);
    }

    public async Task ReplyAsync(string contactKey, Guid deliveryId, string body, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await OwnAsync(db, contactKey, deliveryId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        db.Replies.Add(Reply.To(delivery, delivery.RecipientName, Channel.InApp, body, now));
        delivery.MarkRead(now);
        await db.SaveChangesAsync(ct);
        messages.Publish([contactKey]);
        await waitingRuns.MessagesChangedAsync([delivery.RunId], ct);
    }

    public async Task<IReadOnlyList<ReplyView>> RepliesOnRecordAsync(string recordType, string recordKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Replies.AsNoTracking().Where(r => r.RecordType == recordType && r.RecordKey == recordKey).OrderBy(r => r.At)
            .Select(r => new ReplyView(r.AuthorName, r.Body, r.At)).ToListAsync(ct);
    }

    private static async Task<Delivery> OwnAsync(NotifyDbContext db, string contactKey, Guid deliveryId, CancellationToken ct) =>
        await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.ContactKey == contactKey && d.Channel == Channel.InApp, ct)
        ?? throw new NotFoundException("Message", deliveryId.ToString());
}

public sealed record InboxItem(Guid Id, string Body, string? RecordType, string? RecordKey, string? FlowKey, DateTime At, DateTime? ReadAt)
{
    public IReadOnlyList<ReplyView> Replies { get; init; } = [];
}

public sealed record ReplyView(string AuthorName, string Body, DateTime At);
