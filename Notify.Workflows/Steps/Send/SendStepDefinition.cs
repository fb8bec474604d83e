using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Send;

/// <summary>Sends a template on the given channels to the people the recipient roles resolve to.</summary>
public sealed record SendStepDefinition : StepDefinition
{
    public IReadOnlyList<string> Channels { get; init; } = [];

    public string Template { get; init; } = "";

    /// <summary>
    /// Contact roles on the record (<c>customer</c>, <c>manager</c>), <c>assignees</c>, <c>newAssignees</c>,
    /// <c>group:NAME</c>, <c>contact:KEY</c>, <c>email:ADDRESS</c>, <c>phone:NUMBER</c>.
    /// </summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    [JsonIgnore]
    public override string Kind => "send";
}
