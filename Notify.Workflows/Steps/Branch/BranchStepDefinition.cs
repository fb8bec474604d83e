using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Branch;

/// <summary>Goes to <see cref="Then"/> when true, <see cref="Else"/> when false; a missing target ends the run.</summary>
public sealed record BranchStepDefinition : StepDefinition
{
    public string Expression { get; init; } = "";

    public string? Then { get; init; }

    public string? Else { get; init; }

    [JsonIgnore]
    public override string Kind => "branch";
}
