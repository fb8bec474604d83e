using Microsoft.Extensions.Logging;
using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Workflows.Channels;

namespace Notify.Workflows.Dispatch;

/// <summary>
/// One attempt at a claimed delivery: asks the provider first when an earlier attempt is in doubt, hands the message
/// over, and records how the attempt ended — sent, retried after the backoff (or the provider's longer Retry-After,
/// moved past quiet hours for SMS), failed, or unknown. The dispatcher owns claiming; this owns the attempt.
/// </summary>
internal sealed class DeliveryAttempter(QuietHours? quiet, TimeProvider time, Observability.NotifyMetrics metrics, ILogger logger)
{
    /// <summary>A provider's Retry-After is honoured up to this; longer asks fall back to it.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async Task<SendOutcome> SendAsync(IChannelProvider provider, Delivery delivery, CancellationToken ct)
    {
        try
        {
            return delivery.Channel == Channel.Sms && SmsBody.Measure(delivery.Body).IsTooLong
                ? SendOutcome.Permanent($"The SMS is {delivery.Body.Length} characters; at most {SmsBody.MaxCharacters} can be sent.")
                : await provider.SendAsync(delivery, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Provider {Provider} threw for delivery {DeliveryId}.", provider.Name, delivery.Id);
            return SendOutcome.Transient($"{provider.Name} failed: {ex.Message}");
        }
    }

    /// <summary>
    /// One attempt: when an earlier one is in doubt and the provider can tell, it is asked first, and the message is
    /// only sent when the provider does not have it.
    /// </summary>
    public async Task MakeAsync(IChannelProvider provider, Delivery delivery, CancellationToken ct)
    {
        using var activity = Observability.NotifyTracing.Source.StartActivity("delivery attempt");
        activity?.SetTag("notify.channel", delivery.Channel.ToString().ToLowerInvariant());
        activity?.SetTag("notify.provider", provider.Name);
        if (delivery.InDoubtSince is { } since && provider is ISentMessageLookup lookup)
        {
            var found = await LookUpAsync(lookup, delivery, since, ct);
            if (found.Verdict == LookupVerdict.Found)
            {
                delivery.MarkFoundAtProvider(found.ProviderMessageId!, found.AcceptedAt, time.GetUtcNow().UtcDateTime);
                metrics.DeliveryAttempted(delivery.Channel, "found_at_provider");
                return;
            }

            if (found.Verdict == LookupVerdict.CannotTell)
            {
                Record(provider, delivery, SendOutcome.Transient(found.Reason!));
                return;
            }
        }

        Record(provider, delivery, await SendAsync(provider, delivery, ct));
    }

    private async Task<LookupResult> LookUpAsync(ISentMessageLookup lookup, Delivery delivery, DateTime since, CancellationToken ct)
    {
        try
        {
            return await lookup.FindAsync(delivery, since, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Looking up delivery {DeliveryId} at its provider threw.", delivery.Id);
            return LookupResult.CannotTell($"The provider could not be asked whether it has the message: {ex.Message}");
        }
    }

    private void Record(IChannelProvider provider, Delivery delivery, SendOutcome outcome)
    {
        var now = time.GetUtcNow().UtcDateTime;
        metrics.DeliveryAttempted(delivery.Channel, outcome.Kind.ToString().ToLowerInvariant());
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Sent or SendOutcomeKind.Delivered:
                delivery.MarkSent(outcome.ProviderMessageId, now, outcome.Kind == SendOutcomeKind.Delivered);
                break;
            case SendOutcomeKind.Unknown:
                delivery.MarkOutcomeUnknown(outcome.Reason!, provider is ISentMessageLookup ? RetryAt(delivery, outcome, now) : null, now);
                break;
            case SendOutcomeKind.Transient:
                delivery.MarkTransientFailure(outcome.Reason!, RetryAt(delivery, outcome, now), now);
                break;
            default:
                delivery.MarkFailed(outcome.Reason!, now);
                break;
        }
    }

    /// <summary>The backoff for the attempt just made, or the provider's longer Retry-After, moved past quiet hours for SMS.</summary>
    private DateTime RetryAt(Delivery delivery, SendOutcome outcome, DateTime now)
    {
        var retryAt = now + RetryPolicy.Delay(delivery.Attempts, Random.Shared);
        if (outcome.RetryAfter is { } pause && now + Min(pause, MaxRetryAfter) > retryAt)
        {
            retryAt = now + Min(pause, MaxRetryAfter); // the provider asked for a longer pause (Retry-After)
        }

        if (delivery.Channel == Channel.Sms && quiet?.HoldUntil(retryAt) is { } quietEnds)
        {
            retryAt = quietEnds; // a retry that would land in quiet hours waits for them to end
        }

        return retryAt;
    }
}
