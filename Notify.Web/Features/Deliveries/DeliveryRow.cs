using System.Linq.Expressions;
using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

/// <summary>A delivery as the send log and the API show it.</summary>
public sealed record DeliveryRow(
    Guid Id, Channel Channel, DeliveryStatus Status, string RecipientName, string? ContactKey, string Address,
    string? Subject, string Body, string? Reason, int Attempts, string? Provider, string? ProviderMessageId, int Segments,
    string? FlowKey, Guid? RunId, string? RecordType, string? RecordKey, DateTime CreatedAt, DateTime? SentAt, bool IsTest,
    string? SentBy, string? Sender, [property: System.Text.Json.Serialization.JsonIgnore] string? UsedFieldsJson = null, string? InPlaceOf = null)
{
    /// <summary>The record fields the message used that have changed since it was made (set on a record's own list).</summary>
    public IReadOnlyList<string> StaleFields { get; init; } = [];

    /// <summary>The record has changed under the message: a field it used no longer holds the value it was sent with.</summary>
    public bool Stale => StaleFields.Count > 0;

    public static Expression<Func<Delivery, DeliveryRow>> Projection { get; } = d => new DeliveryRow(
        d.Id, d.Channel, d.Status, d.RecipientName, d.ContactKey, d.Address, d.Subject, d.RedactedBody ?? d.Body, d.Reason, d.Attempts,
        d.Provider, d.ProviderMessageId, d.Segments, d.FlowKey, d.RunId, d.RecordType, d.RecordKey, d.CreatedAt, d.SentAt, d.IsTest,
        d.SentBy, d.Sender, d.UsedFieldsJson, d.InPlaceOf);
}
