using Notify.Domain.Common;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Webhook;

public sealed class WebhookStepKind : StepKind<WebhookStepDefinition, WebhookStep>
{
    public override string Kind => "webhook";

    public override string Label => "Call a webhook";

    public override string Help => "POSTs the event, the record and a text to another system (Teams, Slack, an ERP), signed, retried when it is down.";

    public override StepDefinition Create(string id) => new WebhookStepDefinition { Id = id };

    protected override void Validate(WebhookStepDefinition step, string at, FlowCheck check, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(step.Endpoint))
            errors.Add(new($"{at}.endpoint", "is required: the webhook to call, as set up on the Channels page."));
        else if (!check.WebhookKeys.Contains(step.Endpoint))
            errors.Add(new($"{at}.endpoint", $"there is no webhook '{step.Endpoint}': set it up on the Channels page first."));
        check.Liquid(step.Text, 10_000, $"{at}.text", errors);
    }

    protected override string Describe(WebhookStepDefinition step) => $"Call the webhook '{step.Endpoint}'" + (string.IsNullOrEmpty(step.Text) ? "" : $" with \"{step.Text}\"");
}
