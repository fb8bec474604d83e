using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Delay;

/// <summary>Waits a duration, or until the record's deadline plus or minus an offset.</summary>
public sealed record DelayStepDefinition : StepDefinition
{
    public int Amount { get; init; }

    public TimeUnit Unit { get; init; } = TimeUnit.Minutes;

    /// <summary>When set (<c>deadline</c>), waits until the record's deadline moved by Amount/Unit/Direction.</summary>
    public string? Until { get; init; }

    public OffsetDirection Direction { get; init; } = OffsetDirection.After;

    [JsonIgnore]
    public bool UntilDeadline => string.Equals(Until, "deadline", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public override string Kind => "delay";
}
