using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Workflows.Definitions;

namespace Notify.Workflows.Steps.Send;

public sealed class SendStepKind : StepKind<SendStepDefinition, SendStep>
{
    public override string Kind => "send";

    public override string Label => "Send a message";

    public override string Help => "A template by SMS, email or in-app to the people in the chosen roles.";

    public override StepDefinition Create(string id) => new SendStepDefinition { Id = id, Channels = ["email"] };

    protected override void Validate(SendStepDefinition step, string at, FlowCheck check, List<FieldError> errors)
    {
        if (step.Channels.Count == 0) errors.Add(new($"{at}.channels", "choose at least one channel: sms, email or inApp."));
        for (var c = 0; c < step.Channels.Count; c++)
        {
            if (!ChannelNames.TryParse(step.Channels[c], out _))
                errors.Add(new($"{at}.channels[{c}]", $"'{step.Channels[c]}' is not a channel: use sms, email or inApp."));
        }

        if (string.IsNullOrWhiteSpace(step.Template)) errors.Add(new($"{at}.template", "is required."));
        else if (!check.TemplateExists(step.Template)) errors.Add(new($"{at}.template", $"there is no template '{step.Template}'."));
        if (step.Recipients.Count == 0) errors.Add(new($"{at}.recipients", "choose at least one recipient role."));
    }

    protected override string Describe(SendStepDefinition step) =>
        $"Send '{step.Template}' by {string.Join(" and ", step.Channels)} to {string.Join(", ", step.Recipients)}" +
        (step.Attach ? ", with the files the event or record gives" : "");
}
