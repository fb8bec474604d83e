using System.Text.Json.Serialization;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Webhook;

/// <summary>POSTs the event, the record and a text (Liquid, like a template) to a host system's webhook endpoint.</summary>
public sealed record WebhookStepDefinition : StepDefinition
{
    /// <summary>The endpoint's key, as set up on the Channels page.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>The message the host system shows (a Teams or Slack line), with merge tags; may be empty.</summary>
    public string? Text { get; init; }

    [JsonIgnore]
    public override string Kind => "webhook";
}
