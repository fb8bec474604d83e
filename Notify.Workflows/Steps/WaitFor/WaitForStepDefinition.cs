using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.WaitFor;

/// <summary>
/// Waits until something happens or a time-out passes, then goes to <see cref="Happened"/> or <see cref="TimedOut"/>
/// (a missing target ends the run): "if the message is unread after 2 hours, SMS the manager".
/// </summary>
public sealed record WaitForStepDefinition : StepDefinition
{
    public WaitForWhat For { get; init; } = WaitForWhat.Read;

    /// <summary>For <see cref="WaitForWhat.Read"/> and <see cref="WaitForWhat.Delivered"/>: the send step whose message to watch.</summary>
    public string? Step { get; init; }

    /// <summary>For <see cref="WaitForWhat.Status"/>: any of these statuses.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>For <see cref="WaitForWhat.Event"/>: the custom event's type (<c>booking.confirmed</c>).</summary>
    public string? EventType { get; init; }

    /// <summary>How long to wait at most, counted from when the run got here.</summary>
    public int Amount { get; init; } = 2;

    public TimeUnit Unit { get; init; } = TimeUnit.Hours;

    public string? Happened { get; init; }

    public string? TimedOut { get; init; }

    [JsonIgnore]
    public override string Kind => "wait-for";
}
