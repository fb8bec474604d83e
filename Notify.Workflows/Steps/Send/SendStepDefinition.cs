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

    /// <summary>
    /// Emails carry the files the event gives in its data's <c>attachments</c> (else the record's); each is fetched when
    /// the email goes, from an allowed host, and one over the size limit becomes a download link in the text.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Attach { get; init; }

    [JsonIgnore]
    public override string Kind => "send";
}
