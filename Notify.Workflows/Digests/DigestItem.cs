using Notify.Domain.Messaging;

namespace Notify.Workflows.Digests;

/// <summary>
/// One message a digest send step collected instead of sending: for whom, on which channel, with the template data it
/// would have had. The items of one bucket (flow, step, person, channel, key) go out together as one message at
/// <see cref="DueAt"/>, in one commit that marks them <see cref="FlushedAt"/>.
/// </summary>
public sealed class DigestItem
{
    public Guid Id { get; set; }

    /// <summary>flow|step|person|channel|key: the items that go as one.</summary>
    public string BucketKey { get; set; } = "";

    public Guid RunId { get; set; }

    public string FlowKey { get; set; } = "";

    public string StepId { get; set; } = "";

    public string? RecordType { get; set; }

    public string? RecordKey { get; set; }

    public string? ContactKey { get; set; }

    public string RecipientName { get; set; } = "";

    public Channel Channel { get; set; }

    public string Address { get; set; } = "";

    public string TemplateKey { get; set; } = "";

    /// <summary>The language the person reads, for the template's text.</summary>
    public string? Language { get; set; }

    /// <summary>The template data of this one message (record, event, recipient, company, now) as JSON.</summary>
    public string ModelJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? FlushedAt { get; set; }
}
