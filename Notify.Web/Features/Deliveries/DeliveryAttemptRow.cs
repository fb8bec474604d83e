using Notify.Domain.Messaging;

namespace Notify.Web.Features.Deliveries;

/// <summary>One attempt at a delivery, as its page and the API show it.</summary>
public sealed record DeliveryAttemptRow(
    int Number, string Provider, DateTime StartedAt, DateTime EndedAt, AttemptOutcome Outcome, string? Answer, string? Note, DateTime? NextAttemptAt);
