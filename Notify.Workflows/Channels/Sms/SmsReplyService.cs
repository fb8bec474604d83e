using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Channels.Sms;

/// <summary>An SMS someone sent back: threaded on the record of the last message we sent to that number.</summary>
public sealed class SmsReplyService(
    IDbContextFactory<NotifyDbContext> dbFactory, PhoneNumberNormalizer phones, TimeProvider time, ILogger<SmsReplyService> logger)
{
    public async Task<bool> ReceiveAsync(string from, string body, CancellationToken ct)
    {
        var number = phones.TryNormalize(from, out var e164, out _) ? e164 : from;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var last = await db.Deliveries.AsNoTracking()
            .Where(d => d.Channel == Channel.Sms && d.Address == number && d.RecordKey != null)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            logger.LogWarning("An SMS from {From} matches no message we sent; it is not attached to a record.", number);
            return false;
        }

        db.Replies.Add(Reply.To(last, last.RecipientName, Channel.Sms, body, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
