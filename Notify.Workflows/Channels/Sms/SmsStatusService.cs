using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Notify.Domain.Messaging;
using Notify.Workflows.Persistence;

namespace Notify.Workflows.Channels.Sms;

/// <summary>Moves an SMS delivery along Twilio's status callbacks: queued → sent → delivered / undelivered / failed.</summary>
public sealed class SmsStatusService(IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, Runtime.WaitingRuns waitingRuns, ILogger<SmsStatusService> logger)
{
    public async Task<bool> ApplyAsync(string messageSid, string status, string? errorCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Channel == Channel.Sms && d.ProviderMessageId == messageSid, ct);
        if (delivery is null)
        {
            logger.LogWarning("A status callback named the unknown message {MessageSid}.", messageSid);
            return false;
        }

        var (next, reason) = status.ToLowerInvariant() switch
        {
            "delivered" => (DeliveryStatus.Delivered, (string?)null),
            "undelivered" or "failed" => (DeliveryStatus.Failed, $"Twilio reports the message {status}" + (errorCode is null ? "." : $" (error {errorCode}).")),
            _ => (DeliveryStatus.Sent, null),
        };
        delivery.ApplyProviderStatus(next, reason, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await waitingRuns.MessagesChangedAsync([delivery.RunId], ct);
        return true;
    }
}
