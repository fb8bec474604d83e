namespace Notify.Domain.Messaging;

/// <summary>What a send step decided for one person on one channel, before it is stored.</summary>
public sealed record DeliveryDraft
{
    public required string DeliveryKey { get; init; }

    public Guid? RunId { get; init; }

    public string? FlowKey { get; init; }

    public string? StepId { get; init; }

    public string? RecordType { get; init; }

    public string? RecordKey { get; init; }

    public string? ContactKey { get; init; }

    public string RecipientName { get; init; } = "";

    public required Channel Channel { get; init; }

    public string Address { get; init; } = "";

    public string? Subject { get; init; }

    public string Body { get; init; } = "";

    public string? HtmlBody { get; init; }

    /// <summary>Not to go out before this UTC time (quiet hours); null means at once.</summary>
    public DateTime? NotBefore { get; init; }

    /// <summary>The body with its secret (a sign-in code) blanked out: what the send log shows.</summary>
    public string? RedactedBody { get; init; }

    public string? TemplateKey { get; init; }

    public int Segments { get; init; }

    /// <summary>Sent from the template editor as a test.</summary>
    public bool IsTest { get; init; }

    /// <summary>The SMS sender chosen for a manual message (one of the allowed ones); null = the company's default.</summary>
    public string? Sender { get; init; }

    /// <summary>Who sent a manual message (a person's email or an API key's name); null for flows.</summary>
    public string? SentBy { get; init; }

    /// <summary>The record fields the message used and their values then, as JSON; later changes to them make it out of date.</summary>
    public string? UsedFieldsJson { get; init; }

    /// <summary>Sent in place of a message on another channel (failover): which, and why it moved on; null otherwise.</summary>
    public string? InPlaceOf { get; init; }

    /// <summary>Files the email carries (<see cref="MessageAttachment"/> as JSON), fetched when it goes; null: none.</summary>
    public string? AttachmentsJson { get; init; }
}
