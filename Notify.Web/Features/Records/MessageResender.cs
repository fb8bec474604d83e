using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Domain.Templates;
using Notify.Web.Features.Templates;
using Notify.Workflows.Access;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;

namespace Notify.Web.Features.Records;

/// <summary>
/// "Send again with the current data": a message that went out before its record changed (the booking moved) is
/// rendered anew from its template on the record as it is now, and sent to the same person on the same channel and
/// address. The new message remembers the fields it used, so it is not out of date itself.
/// </summary>
public sealed class MessageResender(
    IDbContextFactory<NotifyDbContext> dbFactory, TemplatePreviewService previews, TemplateRenderer renderer, AuditLog audit,
    IActorAccessor actor, DeliveriesWakeUp wakeUp, TimeProvider time)
{
    public async Task<Guid> SendAgainAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var original = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId, ct)
            ?? throw new NotFoundException("Delivery", deliveryId.ToString());
        if (original is not { TemplateKey: { } templateKey, RecordType: { } type, RecordKey: { } key } || original.Address.Length == 0)
        {
            throw new ValidationException("delivery", "only a message made from a template, about a record, to an address can be sent again with the current data.");
        }

        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == templateKey, ct)
            ?? throw new ValidationException("delivery", $"its template '{templateKey}' no longer exists.");
        var record = await db.Records.AsNoTracking().FirstAsync(r => r.Type == type && r.Key == key, ct);
        // The event the flow sent it for (event.* in the template), with the record as it is now.
        var eventId = original.RunId is { } runId ? await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => (Guid?)r.EventId).FirstOrDefaultAsync(ct) : null;
        var (preview, emailHtml, _) = await previews.RenderAsync(templateKey, new PreviewRequest(new RecordRef(type, key), original.ContactKey), ct, eventId);
        var body = preview.BodyFor(original.Channel, emailHtml)
            ?? throw new ValidationException("delivery", $"the template '{templateKey}' has no {original.Channel.ToWords()} text any more.");
        var (content, _) = template.ContentFor(preview.Language, original.Channel);
        var again = Delivery.Queue(new DeliveryDraft
        {
            DeliveryKey = $"again:{original.Id:N}:{Guid.NewGuid():N}",
            FlowKey = original.FlowKey,
            RecordType = type,
            RecordKey = key,
            ContactKey = original.ContactKey,
            RecipientName = original.RecipientName,
            Channel = original.Channel,
            Address = original.Address,
            TemplateKey = templateKey,
            Subject = original.Channel == Channel.Email ? preview.EmailSubject : null,
            Body = body,
            HtmlBody = original.Channel == Channel.Email ? emailHtml : null,
            Segments = original.Channel == Channel.Sms ? SmsBody.Measure(body).Segments : 0,
            Sender = original.Sender,
            SentBy = actor.Current,
            UsedFieldsJson = UsedFields.Json(renderer, content, original.Channel, record.Snapshot()),
        }, time.GetUtcNow().UtcDateTime);
        db.Deliveries.Add(again);
        audit.Record(db, "sent again", "delivery", original.Id.ToString(), $"{original.Channel.ToName()} to {original.Address} with the current data");
        await db.SaveChangesAsync(ct);
        wakeUp.Signal();
        return again.Id;
    }
}
