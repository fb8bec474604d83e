namespace Notify.Web.Features.Deliveries;

/// <summary>A delivery with every attempt made at it, oldest first.</summary>
public sealed record DeliveryDetails(DeliveryRow Delivery, IReadOnlyList<DeliveryAttemptRow> Attempts);
