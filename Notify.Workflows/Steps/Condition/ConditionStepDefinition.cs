using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Condition;

/// <summary>Goes on when the expression is true; ends the run ("condition not met") when false.</summary>
public sealed record ConditionStepDefinition : StepDefinition
{
    public string Expression { get; init; } = "";

    [JsonIgnore]
    public override string Kind => "condition";
}
