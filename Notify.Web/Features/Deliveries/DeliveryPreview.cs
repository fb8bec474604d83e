using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

/// <summary>Everything needed to show a message as its recipient would see it.</summary>
public sealed record DeliveryPreview(
    Guid Id, Channel Channel, string RecipientName, string Address, string? Subject, string Body, string? HtmlBody,
    DeliveryStatus Status, string? Reason, DateTime CreatedAt, IReadOnlyList<DeliveryAttemptRow> Attempts)
{
    /// <summary>The run that decided the message, when a flow did.</summary>
    public Guid? RunId { get; init; }

    public string? FlowKey { get; init; }

    /// <summary>The record the message is about, when it is about one.</summary>
    public string? RecordType { get; init; }

    public string? RecordKey { get; init; }

    /// <summary>The files the email carries (fetched when it goes), by name.</summary>
    public IReadOnlyList<MessageAttachment> Attachments { get; init; } = [];
}
