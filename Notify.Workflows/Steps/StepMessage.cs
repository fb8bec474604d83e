using Notify.Domain.Messaging;

namespace Notify.Workflows.Steps;

/// <summary>Where one message a send step of a run made stands now, as a "wait for" step or a failover sees it.</summary>
public sealed record StepMessage(
    string DeliveryKey, Channel Channel, DeliveryStatus Status, string RecipientName, DateTime? ReadAt, DateTime CreatedAt, string? Reason = null)
{
    /// <summary>It reached the person: a delivery report said so, it was read, or (email, in-app) it was handed over.</summary>
    public bool Delivered => Status is DeliveryStatus.Delivered or DeliveryStatus.Read
        || Status == DeliveryStatus.Sent && Channel is Channel.Email or Channel.InApp or Channel.Webhook;

    /// <summary>Handed over to the person's channel: sent, delivered or read.</summary>
    public bool HandedOver => Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read;

    /// <summary>It never will: not sent on purpose, failed for good, or withdrawn.</summary>
    public bool Dead => Status is DeliveryStatus.Skipped or DeliveryStatus.Failed or DeliveryStatus.Cancelled;
}
