using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Stop;

/// <summary>Ends the run on purpose.</summary>
public sealed record StopStepDefinition : StepDefinition
{
    public string? Reason { get; init; }

    [JsonIgnore]
    public override string Kind => "stop";
}
