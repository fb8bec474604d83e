using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Domain.Messaging;
using Notify.Tests.Shared;
using Notify.Workflows.Persistence;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>An SMS already sent through Twilio at a chosen time, stored straight in the app's database (as if sent then).</summary>
internal static class SentSms
{
    public static async Task AddAsync(NotifyAppFactory app, string key, string number, string recipient, string text, int segments, DateTime at)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync();
        var delivery = Delivery.Queue(new DeliveryDraft
        {
            DeliveryKey = key, Channel = Channel.Sms, Address = number, RecipientName = recipient, Body = text, Segments = segments,
        }, at);
        delivery.MarkSending("twilio", at);
        delivery.MarkSent("SM" + key, at);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
    }
}
