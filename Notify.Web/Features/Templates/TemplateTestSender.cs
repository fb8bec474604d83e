using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Templates;

/// <summary>
/// Sends the template, as previewed, to the admin themself on one channel: a real delivery through the real
/// channel (or its sandbox), marked as a test in the send log, tied to the record it was rendered on.
/// </summary>
public sealed class TemplateTestSender(
    IDbContextFactory<NotifyDbContext> dbFactory, TemplatePreviewService previews, DeliveriesWakeUp wakeUp, TimeProvider time)
{
    public async Task<Guid> SendAsync(string templateKey, PreviewRequest request, Channel channel, string myEmail, string myName, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = (await db.Contacts.AsNoTracking().ToListAsync(ct))
            .FirstOrDefault(c => c.Emails.Any(e => string.Equals(e.Value, myEmail, StringComparison.OrdinalIgnoreCase)));
        var (preview, emailHtml, key) = await previews.RenderAsync(templateKey, request with { Contact = me?.Key }, ct);
        var address = channel switch
        {
            Channel.Email => myEmail,
            Channel.Sms => me?.PrimaryPhone ?? throw new ValidationException("channel", $"there is no phone number for {myEmail}: add one to your contact to get a test SMS."),
            _ => me?.Key ?? throw new ValidationException("channel", $"there is no contact with {myEmail} to get an in-app test."),
        };
        var body = preview.BodyFor(channel, emailHtml) ?? throw new ValidationException("channel", $"the template has no {channel.ToName()} text.");
        var draft = new DeliveryDraft
        {
            DeliveryKey = $"test:{Guid.NewGuid():N}",
            Channel = channel,
            Address = address,
            RecipientName = me?.Name ?? myName,
            ContactKey = me?.Key,
            RecordType = request.Record?.Type.ToLowerInvariant(),
            RecordKey = request.Record?.Key,
            TemplateKey = key,
            Subject = channel == Channel.Email ? preview.EmailSubject : null,
            Body = body,
            HtmlBody = channel == Channel.Email ? emailHtml : null,
            Segments = channel == Channel.Sms ? SmsBody.Measure(body).Segments : 0,
            IsTest = true,
        };
        var delivery = Delivery.Queue(draft, time.GetUtcNow().UtcDateTime);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        wakeUp.Signal();
        return delivery.Id;
    }
}
