namespace Notify.Domain.Messaging;

/// <summary>
/// A delivery's attempts: the dispatcher's claim, each way an attempt can end, and the log of ended attempts that the
/// store writes with the delivery (<see cref="TakeEndedAttempts"/>).
/// </summary>
public sealed partial class Delivery
{
    private readonly List<DeliveryAttempt> _endedAttempts = [];

    /// <summary>The attempts that ended since this delivery was loaded, for the store to add; each is handed over once.</summary>
    public IReadOnlyList<DeliveryAttempt> TakeEndedAttempts()
    {
        var ended = _endedAttempts.ToList();
        _endedAttempts.Clear();
        return ended;
    }

    private void EndAttempt(AttemptOutcome outcome, string? answer, string? note, DateTime now, DateTime? next = null) =>
        _endedAttempts.Add(DeliveryAttempt.Ended(this, outcome, answer, note, now, next));

    /// <summary>The dispatcher takes it: from here until the outcome is recorded a crash leaves it in doubt.</summary>
    public void MarkSending(string provider, DateTime now)
    {
        EnsureStatus(DeliveryStatus.Queued);
        Status = DeliveryStatus.Sending;
        Provider = provider;
        Attempts++;
        ClaimedAt = now;
        UpdatedAt = now;
        NextAttemptAt = null;
    }

    public void MarkSent(string? providerMessageId, DateTime now, bool delivered = false)
    {
        EnsureStatus(DeliveryStatus.Sending);
        EndAttempt(delivered ? AttemptOutcome.Delivered : AttemptOutcome.Sent, providerMessageId,
            InDoubtSince is null ? null : "The provider had no such message from the earlier attempt, so it was sent now.", now);
        Status = delivered ? DeliveryStatus.Delivered : DeliveryStatus.Sent;
        ProviderMessageId = providerMessageId;
        Reason = null;
        InDoubtSince = null;
        SentAt = now;
        UpdatedAt = now;
    }

    /// <summary>Asked about an earlier attempt in doubt, the provider had the message: it counts as sent and is not sent again.</summary>
    public void MarkFoundAtProvider(string providerMessageId, DateTime? acceptedAt, DateTime now)
    {
        EnsureStatus(DeliveryStatus.Sending);
        EndAttempt(AttemptOutcome.FoundAtProvider, providerMessageId, "The message from the earlier attempt had arrived, so it was not sent again.", now);
        Status = DeliveryStatus.Sent;
        ProviderMessageId = providerMessageId;
        Reason = null;
        SentAt = acceptedAt ?? InDoubtSince ?? now;
        InDoubtSince = null;
        UpdatedAt = now;
    }

    /// <summary>A transient failure: try again later, unless the attempts are used up.</summary>
    public void MarkTransientFailure(string reason, DateTime retryAt, DateTime now)
    {
        EnsureStatus(DeliveryStatus.Sending);
        Reason = reason;
        UpdatedAt = now;
        if (Attempts >= MaxAttempts)
        {
            GiveUp(reason, now);
            return;
        }

        EndAttempt(AttemptOutcome.WillRetry, reason, "Tries again later.", now, retryAt);
        Status = DeliveryStatus.Queued;
        NextAttemptAt = retryAt;
    }

    /// <summary>
    /// The request went out but no answer came (a timeout, a dropped connection): it may have arrived. With
    /// <paramref name="checkAt"/> the next attempt, then, asks the provider first; without, a person decides.
    /// </summary>
    public void MarkOutcomeUnknown(string reason, DateTime? checkAt, DateTime now)
    {
        EnsureStatus(DeliveryStatus.Sending);
        UpdatedAt = now;
        InDoubtSince ??= ClaimedAt ?? now;
        if (checkAt is null || Attempts >= MaxAttempts)
        {
            EndAttempt(AttemptOutcome.Unknown, reason, "Left for a person to decide: sending again could send it twice.", now);
            Status = DeliveryStatus.NeedsReview;
            Reason = $"{reason} It may or may not have arrived. Resend or dismiss it.";
            return;
        }

        EndAttempt(AttemptOutcome.Unknown, reason, "The provider is asked whether it has the message before it is sent again.", now, checkAt);
        Status = DeliveryStatus.Queued;
        Reason = $"{reason} The provider is asked whether it arrived before it is sent again.";
        NextAttemptAt = checkAt;
    }

    public void MarkFailed(string reason, DateTime now)
    {
        EnsureStatus(DeliveryStatus.Sending);
        EndAttempt(AttemptOutcome.Failed, reason, null, now);
        Status = DeliveryStatus.Failed;
        Reason = reason;
        InDoubtSince = null;
        UpdatedAt = now;
    }

    /// <summary>Attempts used up. When an earlier one may have arrived, a person decides rather than calling it failed.</summary>
    private void GiveUp(string reason, DateTime now)
    {
        var mayHaveArrived = InDoubtSince is not null;
        EndAttempt(AttemptOutcome.Failed, reason, mayHaveArrived ? $"Gave up after {Attempts} attempts; an earlier one may have arrived." : $"Gave up after {Attempts} attempts.", now);
        Status = mayHaveArrived ? DeliveryStatus.NeedsReview : DeliveryStatus.Failed;
        Reason = mayHaveArrived
            ? $"{reason} (gave up after {Attempts} attempts; an earlier attempt may have arrived. Resend or dismiss it.)"
            : $"{reason} (gave up after {Attempts} attempts)";
    }

    /// <summary>Found in <see cref="DeliveryStatus.Sending"/> after a stop, on a channel where nobody can tell if it went out: a person decides.</summary>
    public void MarkInDoubt(DateTime now)
    {
        EnsureStatus(DeliveryStatus.Sending);
        EndAttempt(AttemptOutcome.Interrupted, null, "Left for a person to decide: the provider cannot be asked whether it arrived.", now);
        Status = DeliveryStatus.NeedsReview;
        Reason = "The app stopped while this message was being sent; it may or may not have gone out. Resend or dismiss it.";
        UpdatedAt = now;
    }

    /// <summary>Found in Sending after a stop, on a channel where sending twice does no harm (sandbox, in-app): sent again now.</summary>
    public void MarkInterruptedResend(DateTime now)
    {
        EnsureStatus(DeliveryStatus.Sending);
        EndAttempt(AttemptOutcome.Interrupted, null, "Sent again: harmless on this channel.", now, now);
        Status = DeliveryStatus.Queued;
        Reason = "The app stopped while sending; sent again (harmless for this channel).";
        NextAttemptAt = now;
        UpdatedAt = now;
    }

    /// <summary>Found in Sending after a stop, with a provider that can say what it received: asked before anything is sent again.</summary>
    public void MarkInterruptedCheckFirst(DateTime now)
    {
        EnsureStatus(DeliveryStatus.Sending);
        EndAttempt(AttemptOutcome.Interrupted, null, "The provider is asked whether it has the message before it is sent again.", now, now);
        InDoubtSince ??= ClaimedAt ?? UpdatedAt;
        Status = DeliveryStatus.Queued;
        Reason = "The app stopped while this message was being sent; the provider is asked whether it arrived before it is sent again.";
        NextAttemptAt = now;
        UpdatedAt = now;
    }
}
