using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Domain.Templates;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Digests;

/// <summary>
/// Sends the digests whose time has come: the items of each bucket become one message, rendered with all of them
/// (<c>digest.events</c>), queued in the same commit that marks them sent, under a key made from the first item, so a
/// restart, a crash or a second node can never send a digest twice; an empty digest is no digest at all.
/// </summary>
public sealed class DigestFlusher(
    IDbContextFactory<NotifyDbContext> dbFactory, TemplateRenderer renderer, TimeProvider time, DeliveriesWakeUp deliveries, ILogger<DigestFlusher> logger)
{
    private const int BucketsPerPass = 200;

    /// <summary>Sends every due digest; returns how many messages it queued.</summary>
    public async Task<int> FlushDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<string> buckets;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            buckets = await db.DigestItems.Where(i => i.FlushedAt == null && i.DueAt <= now).Select(i => i.BucketKey).Distinct().Take(BucketsPerPass).ToListAsync(ct);
        }

        var sent = 0;
        foreach (var bucket in buckets)
        {
            sent += await FlushAsync(bucket, now, ct) ? 1 : 0;
        }

        if (sent > 0) deliveries.Signal();
        return sent;
    }

    private async Task<bool> FlushAsync(string bucket, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var items = await db.DigestItems.Where(i => i.BucketKey == bucket && i.FlushedAt == null && i.DueAt <= now)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
        if (items.Count == 0)
        {
            return false; // another node sent it a moment ago
        }

        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == items[0].TemplateKey, ct);
        db.Deliveries.Add(Message(items, template, now));
        foreach (var item in items)
        {
            item.FlushedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "The digest {Bucket} was sent by another worker first.", bucket);
            return false;
        }
    }

    private Delivery Message(List<DigestItem> items, MessageTemplate? template, DateTime now)
    {
        var (first, last) = (items[0], items[^1]);
        var draft = new DeliveryDraft
        {
            DeliveryKey = $"digest:{first.Id:N}",
            RunId = last.RunId, FlowKey = last.FlowKey, StepId = last.StepId, RecordType = last.RecordType, RecordKey = last.RecordKey,
            ContactKey = first.ContactKey, RecipientName = first.RecipientName, Channel = first.Channel, Address = first.Address, TemplateKey = first.TemplateKey,
        };
        if (template is null)
        {
            return Delivery.Skip(draft, $"the template '{first.TemplateKey}' no longer exists, so the digest of {items.Count} could not be written", now);
        }

        var (content, language) = template.ContentFor(first.Language, first.Channel);
        var model = DigestModel.With(items.Select(i => (IReadOnlyDictionary<string, object?>)JsonData.ToDictionary(i.ModelJson)).ToList());
        var rendered = MessageParts.Render(renderer, content, first.Channel, model, MessageCulture.For(language));
        if (rendered.Error is { } error)
        {
            return Delivery.Skip(draft, error, now);
        }

        return rendered.Body.Length == 0 && rendered.Html is null
            ? Delivery.Skip(draft, $"the template '{template.Key}' has no {first.Channel.ToName()} text", now)
            : Delivery.Queue(draft with
            {
                Subject = rendered.Subject, Body = rendered.Body, HtmlBody = rendered.Html,
                Segments = first.Channel == Channel.Sms ? SmsBody.Measure(rendered.Body).Segments : 0,
            }, now);
    }
}
