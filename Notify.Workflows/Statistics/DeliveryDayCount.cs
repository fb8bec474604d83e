using Notify.Domain.Messaging;

namespace Notify.Workflows.Statistics;

/// <summary>
/// How many messages of one flow went by one channel with one outcome on one day (in the organisation's time zone), and
/// their SMS segments: the dashboard's charts read these few rows instead of the messages themselves.
/// </summary>
public sealed class DeliveryDayCount
{
    public DateOnly Day { get; init; }

    public Channel Channel { get; init; }

    /// <summary>The flow's key; empty for messages sent by hand.</summary>
    public string FlowKey { get; init; } = "";

    public DeliveryStatus Status { get; init; }

    public int Messages { get; init; }

    public int Segments { get; init; }

    /// <summary>The time zone whose day this is (the organisation's when it was counted).</summary>
    public string Zone { get; init; } = "";

    /// <summary>When the day was last counted.</summary>
    public DateTime CountedAt { get; init; }
}
