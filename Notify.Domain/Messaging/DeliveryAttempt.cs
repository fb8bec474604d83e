namespace Notify.Domain.Messaging;

/// <summary>
/// One attempt at a delivery, kept for good: when it started and ended, how it ended, what the provider answered
/// and what Notify did next. Written once, when the attempt ends (a stop mid-attempt is written at the next start).
/// </summary>
public sealed class DeliveryAttempt
{
    private DeliveryAttempt()
    {
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; private set; }

    public string Provider { get; private set; } = "";

    public DateTime StartedAt { get; private set; }

    public DateTime EndedAt { get; private set; }

    public AttemptOutcome Outcome { get; private set; }

    /// <summary>What the provider said: its message id when accepted, its error otherwise; null when it said nothing.</summary>
    public string? Answer { get; private set; }

    /// <summary>What Notify did about it, in words ("Tries again", "Left for a person to decide").</summary>
    public string? Note { get; private set; }

    /// <summary>When the next attempt (or the check with the provider) was planned, if one was.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    internal static DeliveryAttempt Ended(Delivery delivery, AttemptOutcome outcome, string? answer, string? note, DateTime now, DateTime? next) => new()
    {
        Id = Guid.NewGuid(),
        DeliveryId = delivery.Id,
        Number = delivery.Attempts,
        Provider = delivery.Provider ?? "",
        StartedAt = delivery.ClaimedAt ?? now,
        EndedAt = now,
        Outcome = outcome,
        Answer = Clip(answer),
        Note = Clip(note),
        NextAttemptAt = next,
    };

    private static string? Clip(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
