using System.Text.Json;
using System.Text.Json.Nodes;
using Notify.Domain.Messaging;
using Notify.Domain.Records;
using Notify.Domain.Templates;
using Notify.Workflows.Channels.Webhooks;
using Notify.Workflows.Definitions;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps.Send;

namespace Notify.Workflows.Steps.Webhook;

/// <summary>
/// Decides one POST to a webhook endpoint: the event, the record and the rendered text as JSON. The dispatcher makes
/// the call (signed, retried with backoff, stopped by a 4xx), so a run never waits on another system.
/// </summary>
public sealed class WebhookStep(TemplateRenderer renderer, WebhookEndpoints endpoints, Microsoft.Extensions.Options.IOptions<Organisation.OrganisationOptions> place) : IStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Kind => "webhook";

    public Task<StepResult> ExecuteAsync(StepContext context, StepDefinition definition, CancellationToken ct)
    {
        var step = (WebhookStepDefinition)definition;
        if (endpoints.All().FirstOrDefault(e => e.Key == step.Endpoint) is not { } endpoint)
        {
            return Task.FromResult(StepResult.Fail($"There is no webhook '{step.Endpoint}': it was removed from the Channels page."));
        }

        string text;
        try
        {
            var model = TemplateModel.Create(context.Event, context.Record, new Recipient(endpoint.Key, endpoint.Name, null), context.Now,
                context.Reads.Company.ToTemplateModel(), place.Value.Zone, context.Reads.Company.RecordLink(context.Record.Type, context.Record.Key));
            text = renderer.Render(step.Text, model).Trim();
        }
        catch (TemplateRenderException ex)
        {
            return Task.FromResult(StepResult.Fail($"The webhook's text could not be rendered: {ex.Message}"));
        }

        var draft = new DeliveryDraft
        {
            DeliveryKey = $"{context.RunId:N}:{step.Id}:webhook:{endpoint.Key}",
            RunId = context.RunId,
            FlowKey = context.FlowKey,
            StepId = step.Id,
            RecordType = context.Record.Type,
            RecordKey = context.Record.Key,
            RecipientName = endpoint.Name,
            Channel = Channel.Webhook,
            Address = endpoint.Key,
            Body = Payload(context, step, text),
        };
        return Task.FromResult(StepResult.Continue(JournalVerdict.Sent, $"POST queued to the webhook '{endpoint.Name}' ({endpoint.Url}).") with { Deliveries = [draft] });
    }

    /// <summary>What the host system receives: which flow and run, the event, the record as the step saw it, and the text.</summary>
    private static string Payload(StepContext context, WebhookStepDefinition step, string text) => new JsonObject
    {
        ["flow"] = context.FlowKey,
        ["run"] = context.RunId.ToString(),
        ["step"] = step.Id,
        ["event"] = new JsonObject
        {
            ["id"] = context.Event.Id.ToString(),
            ["type"] = context.Event.Type,
            ["occurredAt"] = context.Event.OccurredAt.ToString("O"),
            ["fromStatus"] = context.Event.FromStatus,
            ["toStatus"] = context.Event.ToStatus,
            ["data"] = JsonNode.Parse(context.Event.DataJson),
        },
        ["record"] = Record(context.Record),
        ["text"] = text,
    }.ToJsonString(Json);

    private static JsonObject Record(RecordSnapshot r) => new()
    {
        ["type"] = r.Type,
        ["key"] = r.Key,
        ["status"] = r.Status,
        ["title"] = r.Title,
        ["deadline"] = r.Deadline?.ToString("O"),
        ["assignees"] = new JsonArray(r.Assignees.Select(a => (JsonNode?)a).ToArray()),
        ["contacts"] = new JsonObject(r.Contacts.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        ["links"] = new JsonObject(r.Links.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
        ["data"] = JsonNode.Parse(r.DataJson),
    };
}
