namespace Notify.Domain.Messaging;

/// <summary>One message to one person on one channel: what was rendered, where it went, and what happened.</summary>
public sealed partial class Delivery
{
    public const int MaxAttempts = 6;

    private Delivery()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Deterministic: run, step, person and channel. A repeated send step finds the same key.</summary>
    public string DeliveryKey { get; private set; } = "";

    public Guid? RunId { get; private set; }

    public string? FlowKey { get; private set; }

    public string? StepId { get; private set; }

    public string? RecordType { get; private set; }

    public string? RecordKey { get; private set; }

    public string? ContactKey { get; private set; }

    public string RecipientName { get; private set; } = "";

    public Channel Channel { get; private set; }

    /// <summary>E.164 phone, email address or contact key (in-app). Empty when skipped for lack of one.</summary>
    public string Address { get; private set; } = "";

    public string? Subject { get; private set; }

    public string Body { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    /// <summary>Set when the body holds a secret: the send log, the archive and the API show this instead.</summary>
    public string? RedactedBody { get; private set; }

    public string? TemplateKey { get; private set; }

    /// <summary>A test an admin sent themself from the template editor: it goes through the real channel, and says so in the log.</summary>
    public bool IsTest { get; private set; }

    /// <summary>The SMS sender chosen for a manual message; null = the company's default.</summary>
    public string? Sender { get; private set; }

    /// <summary>Who sent a manual message by hand (a person or an API key); null when a flow did.</summary>
    public string? SentBy { get; private set; }

    /// <summary>The record fields the message used and their values when it was made (JSON); null when it used none.</summary>
    public string? UsedFieldsJson { get; private set; }

    /// <summary>Files the email carries (<see cref="MessageAttachment"/> as JSON), fetched when it goes; null: none.</summary>
    public string? AttachmentsJson { get; private set; }

    /// <summary>Sent in place of a message on another channel of the same send (failover): which, and why it moved on.</summary>
    public string? InPlaceOf { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public string? Reason { get; private set; }

    public int Attempts { get; private set; }

    public string? Provider { get; private set; }

    public string? ProviderMessageId { get; private set; }

    /// <summary>SMS segments × recipients; 0 for other channels.</summary>
    public int Segments { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    /// <summary>When the current (or last) attempt began: the dispatcher's claim.</summary>
    public DateTime? ClaimedAt { get; private set; }

    /// <summary>
    /// Set when an earlier attempt may have reached the provider (no answer, or a stop mid-send): the next attempt asks
    /// the provider whether it has the message since then before sending it again.
    /// </summary>
    public DateTime? InDoubtSince { get; private set; }

    public static Delivery Queue(DeliveryDraft draft, DateTime now)
    {
        var delivery = Create(draft, DeliveryStatus.Queued, null, now);
        if (draft.NotBefore is { } notBefore && notBefore > now)
        {
            delivery.NextAttemptAt = notBefore;
            delivery.Reason = $"Held for quiet hours; goes out at {notBefore:yyyy-MM-dd HH:mm} UTC.";
        }

        return delivery;
    }

    public static Delivery Skip(DeliveryDraft draft, string reason, DateTime now) =>
        Create(draft, DeliveryStatus.Skipped, reason, now);

    private static Delivery Create(DeliveryDraft draft, DeliveryStatus status, string? reason, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        DeliveryKey = draft.DeliveryKey,
        RunId = draft.RunId,
        FlowKey = draft.FlowKey,
        StepId = draft.StepId,
        RecordType = draft.RecordType,
        RecordKey = draft.RecordKey,
        ContactKey = draft.ContactKey,
        RecipientName = draft.RecipientName,
        Channel = draft.Channel,
        Address = draft.Address,
        Subject = draft.Subject,
        Body = draft.Body,
        HtmlBody = draft.HtmlBody,
        RedactedBody = draft.RedactedBody,
        TemplateKey = draft.TemplateKey,
        IsTest = draft.IsTest,
        Sender = draft.Sender,
        SentBy = draft.SentBy,
        UsedFieldsJson = draft.UsedFieldsJson,
        AttachmentsJson = draft.AttachmentsJson,
        InPlaceOf = draft.InPlaceOf,
        Segments = draft.Segments,
        Status = status,
        Reason = reason,
        CreatedAt = now,
        UpdatedAt = now,
        NextAttemptAt = status == DeliveryStatus.Queued ? now : null,
    };

    /// <summary>A person decided to send an in-doubt or failed message again.</summary>
    public void Requeue(DateTime now)
    {
        if (Status is not (DeliveryStatus.NeedsReview or DeliveryStatus.Failed))
        {
            throw new InvalidOperationException($"Only failed or in-doubt deliveries can be resent, this one is {Status}.");
        }

        Status = DeliveryStatus.Queued;
        InDoubtSince = null; // a person chose to send it again, knowing it may arrive twice
        NextAttemptAt = now;
        UpdatedAt = now;
    }

    public void Cancel(string reason, DateTime now)
    {
        if (Status is not (DeliveryStatus.Queued or DeliveryStatus.NeedsReview))
        {
            throw new InvalidOperationException($"Only queued or in-doubt deliveries can be cancelled, this one is {Status}.");
        }

        Status = DeliveryStatus.Cancelled;
        Reason = reason;
        UpdatedAt = now;
    }

    /// <summary>Status from the provider's callback (SMS delivery reports).</summary>
    public void ApplyProviderStatus(DeliveryStatus status, string? reason, DateTime now)
    {
        if (Status is DeliveryStatus.Delivered or DeliveryStatus.Read && status is DeliveryStatus.Sent)
        {
            return;
        }

        Status = status;
        Reason = reason ?? Reason;
        UpdatedAt = now;
    }

    public void MarkRead(DateTime now)
    {
        if (Channel != Channel.InApp || ReadAt is not null)
        {
            return;
        }

        ReadAt = now;
        Status = DeliveryStatus.Read;
        UpdatedAt = now;
    }

    private void EnsureStatus(DeliveryStatus expected)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException($"Delivery {Id} is {Status}, expected {expected}.");
        }
    }
}
