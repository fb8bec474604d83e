using Notify.Domain.Messaging;

namespace Notify.Workflows.Statistics;

/// <summary>How many messages failed or were skipped for one reason on one day (the organisation's): the dashboard's "why".</summary>
public sealed class DeliveryDayReason
{
    /// <summary>Reasons are kept to this many characters (the start of a long one says what it is).</summary>
    public const int MaxReason = 200;

    public DateOnly Day { get; init; }

    public DeliveryStatus Status { get; init; }

    public string Reason { get; init; } = "";

    public int Messages { get; init; }
}
